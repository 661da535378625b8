import { Ip1InputError, quoteValue } from '../../../nodes/Ip1Sms/helpers/errors';

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
	});
});
