import { Ip1InputError } from '../../../nodes/Ip1Sms/helpers/errors';
import { validateMmsSender, validateSender } from '../../../nodes/Ip1Sms/helpers/sender';

/** The error's title and description. */
function shownOf(fn: () => unknown): [string, string | undefined] {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(Ip1InputError);
		expect((error as Ip1InputError).field).toBe('From');
		return [(error as Ip1InputError).message, (error as Ip1InputError).hint];
	}
	throw new Error('expected an Ip1InputError');
}

const SENDER_RULE =
	'A sender is 3–11 letters or digits (A–Z, a–z, 0–9; no spaces or other characters), e.g. MyShop, or a phone number of 3–15 digits, with country code if recipients should be able to reply.';
const MMS_RULE = 'The MMS service takes phone numbers only: use a number of 3–15 digits with country code, e.g. 46701234567.';

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
		['', 'From is empty'],
		['ab', 'From "ab" has 2 characters, not 3–11'],
		['Abcdefghijkl', 'From "Abcdefghijkl" has 12 characters, not 3–11'],
		['My Shop', 'From "My Shop" contains a space'],
		['Café', 'From "Café" contains "é"'],
		['Shop!', 'From "Shop!" contains "!"'],
		['Ab-c', 'From "Ab-c" contains "-"'],
		['Shop😀', 'From "Shop😀" contains "😀"'],
		['12', 'From "12" has 2 digits, not 3–15'],
		['+12', 'From "+12" has 2 digits, not 3–15'],
		['1234567890123456', 'From "1234567890123456" has 16 digits, not 3–15'],
		['+46abc', 'From "+46abc" contains "+"'],
		['The Very Long Shop Name Ltd', 'From "The Very Long Shop Name Ltd" contains a space'],
		['The Very Long Shop Name Ltd of Storgatan 5, Stockholm', 'From "The Very Long Shop Name Ltd of Storgatan 5,…" contains a space'],
	])('refuses %j: the title says which rule, the description the rules', (input, title) => {
		expect(shownOf(() => validateSender(input))).toEqual([title, SENDER_RULE]);
	});

	it('refuses a number with the national (0), which read as a digit is another number', () => {
		const fix = 'Leave out the (0), which is dialled only within the country: write +46 70 123 45 67.';
		expect(shownOf(() => validateSender('+46 (0)70 123 45 67'))).toEqual(['From "+46 (0)70 123 45 67" has a (0) in it', fix]);
		expect(shownOf(() => validateMmsSender('+46 (0)70 123 45 67'))).toEqual(['From "+46 (0)70 123 45 67" has a (0) in it', fix]);
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
		['', 'From is empty'],
		['ip1', 'From "ip1" is a text, not a phone number'],
		['Shop123', 'From "Shop123" is a text, not a phone number'],
		['46#701', 'From "46#701" is not a phone number'],
		['12', 'From "12" has 2 digits, not 3–15'],
		['1234567890123456', 'From "1234567890123456" has 16 digits, not 3–15'],
	])('refuses %j', (input, title) => {
		expect(shownOf(() => validateMmsSender(input))).toEqual([title, MMS_RULE]);
	});
});
