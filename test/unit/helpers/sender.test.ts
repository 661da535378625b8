import { Ip1InputError } from '../../../nodes/Ip1Sms/helpers/errors';
import { validateMmsSender, validateSender } from '../../../nodes/Ip1Sms/helpers/sender';

function messageOf(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(Ip1InputError);
		expect((error as Ip1InputError).field).toBe('From');
		return (error as Ip1InputError).message;
	}
	throw new Error('expected an Ip1InputError');
}

describe('validateSender', () => {
	it.each([
		['ip1', 'ip1'],
		['  MyShop  ', 'MyShop'],
		['Abcdefghijk', 'Abcdefghijk'], // 11 letters
		['Shop2024', 'Shop2024'],
		['123', '123'], // 3 digits: a short number
		['+46 70 123 45 67', '46701234567'],
		['0046701234567', '46701234567'],
		['123456789012345', '123456789012345'], // 15 digits
		['72456', '72456'],
	])('accepts %j as %j', (input, expected) => {
		expect(validateSender(input)).toBe(expected);
	});

	it.each([
		['', /is empty/],
		['ab', /has 2 characters: a text sender must have 3–11/],
		['Abcdefghijkl', /has 12 characters: a text sender must have 3–11/],
		['My Shop', /contains a space: a text sender may only use the letters A–Z/],
		['Café', /contains "é"/],
		['Shop!', /contains "!"/],
		['Ab-c', /contains "-"/],
		['12', /number of 2 digits: a number sender must have 3–15 digits/],
		['+12', /number of 2 digits/],
		['1234567890123456', /number of 16 digits/],
		['+46abc', /contains "\+"/],
	])('refuses %j, saying which rule', (input, message) => {
		expect(messageOf(() => validateSender(input))).toMatch(message);
	});
});

describe('validateMmsSender', () => {
	it.each([
		['46701234567', '46701234567'],
		['+46 70-123 45 67', '46701234567'],
		['00 46 70 123 45 67', '46701234567'],
		['123', '123'],
	])('accepts %j as %j', (input, expected) => {
		expect(validateMmsSender(input)).toBe(expected);
	});

	it.each([
		['', /is empty: an MMS needs a sender phone number/],
		['ip1', /contains letters: the MMS service refuses text senders/],
		['Shop123', /contains letters/],
		['46#701', /is not a phone number/],
		['12', /2 digits/],
		['1234567890123456', /16 digits/],
	])('refuses %j', (input, message) => {
		expect(messageOf(() => validateMmsSender(input))).toMatch(message);
	});
});
