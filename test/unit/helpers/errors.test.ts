import { Ip1InputError, quoteValue, valueTitle } from '../../../nodes/Ip1Sms/helpers/errors';

describe('Ip1InputError', () => {
	it('is an Error that carries the field, message and hint', () => {
		const error = new Ip1InputError('To', 'To "x" is not a phone number', 'Write 46701234567');
		expect(error).toBeInstanceOf(Error);
		expect(error).toBeInstanceOf(Ip1InputError);
		expect([error.name, error.field, error.message, error.hint]).toEqual(['Ip1InputError', 'To', 'To "x" is not a phone number', 'Write 46701234567']);
		expect(new Ip1InputError('From', 'bad').hint).toBeUndefined();
	});
});

describe('quoteValue', () => {
	it('quotes, and shortens long values', () => {
		expect(quoteValue('abc')).toBe('"abc"');
		expect(quoteValue('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
		expect(quoteValue('x'.repeat(41))).toBe(`"${'x'.repeat(39)}…"`);
		expect(quoteValue('abcdef', 4)).toBe('"abc…"');
		expect(quoteValue('ab cdef', 4)).toBe('"ab…"'); // no space before the ellipsis
	});
});

describe('valueTitle', () => {
	it('shows the whole value when the title stays short', () => {
		expect(valueTitle('To', '0701234567', 'has no country code')).toBe('To "0701234567" has no country code');
	});
	it('shortens a long value so that the title is at most 68 characters', () => {
		const title = valueTitle('Recipients: entry 12', 'x'.repeat(200), 'is not a phone number');
		expect(title).toBe(`Recipients: entry 12 "${'x'.repeat(22)}…" is not a phone number`);
		expect(title.length).toBe(68);
	});
	it('shows at least 12 characters of the value, however long the rest', () => {
		expect(valueTitle('S'.repeat(60), 'abcdefghijklmnop', 'p')).toBe(`${'S'.repeat(60)} "abcdefghijk…" p`);
	});
});
