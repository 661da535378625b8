import { Ip1InputError } from '../../../nodes/Ip1Sms/helpers/errors';
import { inputErrorOf } from './inputErrorOf';
import { normalizePhoneNumber, parseRecipients } from '../../../nodes/Ip1Sms/helpers/phone';


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

	const HOW = 'Write the number with the country code first, e.g. 46701234567 or +46701234567.';
	it.each([
		['', 'To is empty', `Enter a phone number. ${HOW}`],
		['   ', 'To is empty', `Enter a phone number. ${HOW}`],
		[
			'0701234567',
			'To "0701234567" has no country code',
			'Drop the leading 0 and put the country code first: for a Swedish number write 46701234567 or +46701234567.',
		],
		[
			'070-123 45 67',
			'To "070-123 45 67" has no country code',
			'Drop the leading 0 and put the country code first: for a Swedish number write 46701234567 or +46701234567.',
		],
		['+0701234567', 'To "+0701234567" has no country code', `Country codes never start with 0. ${HOW}`],
		['000701234567', 'To "000701234567" has no country code', `Country codes never start with 0. ${HOW}`],
		['46 70 abc 4567', 'To "46 70 abc 4567" is not a phone number', `It contains letters: use digits only. ${HOW}`],
		['46701234567#', 'To "46701234567#" is not a phone number', `It contains "#": use digits only. ${HOW}`],
		['46+701234567', 'To "46+701234567" is not a phone number', `It contains "+": use digits only. ${HOW}`],
		['+-()', 'To "+-()" has no digits', `Enter a phone number. ${HOW}`],
		['4670123', 'To "4670123" is too short (7 digits)', `A phone number with country code has at least 8 digits. ${HOW}`],
		['1234567890123456', 'To "1234567890123456" is too long (16 digits)', `A phone number has at most 15 digits, country code included. ${HOW}`],
		[
			'+46 (0)70-123 45 67',
			'To "+46 (0)70-123 45 67" has a (0) in it',
			'Leave out the (0), which is dialled only within the country: write +46 70-123 45 67.',
		],
		['+44(0)20 7946 0000', 'To "+44(0)20 7946 0000" has a (0) in it', 'Leave out the (0), which is dialled only within the country: write +44 20 7946 0000.'],
		['+46 70 123 45 67 ext. 8 or call me', 'To "+46 70 123 45 67 ext. 8 or call me" is not a phone number', `It contains letters: use digits only. ${HOW}`],
		[
			'+46 70 123 45 67, ask for Anna in the shop at Storgatan 5',
			'To "+46 70 123 45 67, ask for Anna in the sh…" is not a phone number',
			`It contains ",": use digits only. ${HOW}`,
		],
	])('refuses %j: short title, how to fix in the description', (input, title, description) => {
		const error = inputErrorOf(() => normalizePhoneNumber(input, 'To'));
		expect(error.field).toBe('To');
		expect(error.message).toBe(title);
		expect(error.hint).toBe(description);
	});

	it('names the field it is given', () => {
		const error = inputErrorOf(() => normalizePhoneNumber('0701234567', 'Recipient'));
		expect(error.message).toBe('Recipient "0701234567" has no country code');
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
		const error = inputErrorOf(() => parseRecipients('46701234567,, 46701234568, 0701234569'));
		expect(error.field).toBe('Recipients');
		expect(error.message).toBe('Recipients: entry 3 "0701234569" has no country code');
		expect(error.hint).toBe('Drop the leading 0 and put the country code first: for a Swedish number write 46701234569 or +46701234569.');
		const list = inputErrorOf(() => parseRecipients(['46701234567', 'hello'], 'To'));
		expect(list.message).toBe('To: entry 2 "hello" is not a phone number');
		expect(list.hint).toBe('It contains letters: use digits only. Write the number with the country code first, e.g. 46701234567 or +46701234567.');
	});

	it.each<[string | string[]]>([[''], [' ,;\n '], [[]], [['', '  ']]])('refuses an empty list %j', (input) => {
		const error = inputErrorOf(() => parseRecipients(input));
		expect(error.message).toBe('Recipients is empty');
		expect(error.hint).toBe(
			'Enter at least one phone number, several separated by commas. Write the number with the country code first, e.g. 46701234567 or +46701234567.',
		);
	});

	it('keeps a long list complete and in order', () => {
		const numbers = Array.from({ length: 10000 }, (_, k) => String(46700000000 + k));
		expect(parseRecipients(numbers.join(','))).toEqual(numbers);
	});
});
