import { Ip1InputError } from '../../../nodes/Ip1Sms/helpers/errors';
import { normalizePhoneNumber, parseRecipients } from '../../../nodes/Ip1Sms/helpers/phone';

function errorOf(fn: () => unknown): Ip1InputError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(Ip1InputError);
		return error as Ip1InputError;
	}
	throw new Error('expected an Ip1InputError');
}

describe('normalizePhoneNumber', () => {
	it.each([
		['+46 70-123 45 67', '46701234567'],
		['0046701234567', '46701234567'],
		['46701234567', '46701234567'],
		['(+46) 70 123 45 67', '46701234567'],
		['+46.70.123.45.67', '46701234567'],
		['  +46701234567\n', '46701234567'],
		['+46\u00a070\u2011123\u201345\u221267', '46701234567'], // no-break space, Unicode hyphens/minus
		['+1 (212) 555-0100', '12125550100'],
		['4670123', null], // 7 digits
		['46701234', '46701234'], // 8 digits: shortest accepted
		['123456789012345', '123456789012345'], // 15 digits: E.164 maximum
	])('%j → %j', (input, expected) => {
		if (expected === null) expect(() => normalizePhoneNumber(input)).toThrow(Ip1InputError);
		else expect(normalizePhoneNumber(input)).toBe(expected);
	});

	it('accepts a number value (from an expression) like its text', () => {
		expect(normalizePhoneNumber(46701234567 as unknown as string)).toBe('46701234567');
	});

	it.each([
		['', /is empty/],
		['   ', /is empty/],
		['0701234567', /has no country code: write it as 46701234567 or \+46701234567/],
		['070-123 45 67', /has no country code: write it as 46701234567/],
		['+0701234567', /no valid country code/],
		['000701234567', /no valid country code/],
		['46 70 abc 4567', /contains letters/],
		['46701234567#', /contains "#"/],
		['46+701234567', /contains "\+"/],
		['+-()', /has no digits/],
		['4670123', /too short \(7 digits\)/],
		['1234567890123456', /too long \(16 digits\)/],
	])('refuses %j', (input, message) => {
		const error = errorOf(() => normalizePhoneNumber(input, 'To'));
		expect(error.field).toBe('To');
		expect(error.message).toMatch(message);
		expect(error.message.startsWith('To')).toBe(true);
		expect(error.hint).toMatch(/country code/);
	});

	it('names the field it is given', () => {
		const error = errorOf(() => normalizePhoneNumber('0701234567', 'Recipient'));
		expect(error.message).toBe(
			'Recipient "0701234567" has no country code: write it as 46701234567 or +46701234567 if it is a Swedish number (drop the leading 0, put the country code first)',
		);
		expect(error.field).toBe('Recipient');
	});
});

describe('parseRecipients', () => {
	it.each<[string | string[], string[]]>([
		['46701234567', ['46701234567']],
		['46701234567,46701234568', ['46701234567', '46701234568']],
		['+46 70 123 45 67; 0046701234568\n46701234569', ['46701234567', '46701234568', '46701234569']],
		['46701234567\r\n46701234568\r\n', ['46701234567', '46701234568']],
		[['46701234567', '+46 70 123 45 68'], ['46701234567', '46701234568']],
		[['46701234567, 46701234568', '46701234569'], ['46701234567', '46701234568', '46701234569']],
		[' , 46701234567 ,, ;\n', ['46701234567']],
	])('%j → %j', (input, expected) => {
		expect(parseRecipients(input)).toEqual(expected);
	});

	it('drops duplicates after normalizing, keeping the first occurrence order', () => {
		expect(parseRecipients('46701234568, +46701234567, 0046 70 123 45 68, 46701234567, 46701234569')).toEqual([
			'46701234568',
			'46701234567',
			'46701234569',
		]);
	});

	it('names the bad entry and its position (counting non-empty entries)', () => {
		const error = errorOf(() => parseRecipients('46701234567,, 46701234568, 0701234569'));
		expect(error.field).toBe('Recipients');
		expect(error.message).toMatch(/^Recipients: entry 3 "0701234569" has no country code/);
		const list = errorOf(() => parseRecipients(['46701234567', 'hello'], 'To'));
		expect(list.message).toMatch(/^To: entry 2 "hello" is not a phone number: it contains letters/);
	});

	it.each<[string | string[]]>([[''], [' ,;\n '], [[]], [['', '  ']]])('refuses an empty list %j', (input) => {
		const error = errorOf(() => parseRecipients(input));
		expect(error.message).toMatch(/^Recipients is empty/);
	});

	it('keeps a long list complete and in order', () => {
		const numbers = Array.from({ length: 10000 }, (_, k) => String(46700000000 + k));
		expect(parseRecipients(numbers.join(','))).toEqual(numbers);
	});
});
