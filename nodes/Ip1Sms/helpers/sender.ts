import { Ip1InputError, valueTitle } from './errors';
import { TRUNK_ZERO_FIX, withoutTrunkZero } from './phone';

const SENDER_HINT =
	'A sender is 3–11 letters or digits (A–Z, a–z, 0–9; no spaces or other characters), e.g. MyShop, or a phone number of 3–15 digits, with country code if recipients should be able to reply.';
const MMS_SENDER_HINT =
	'The MMS service takes phone numbers only: use a number of 3–15 digits with country code, e.g. 46701234567.';
const NUMBER_SEPARATORS = /[\s\-.()\u2010-\u2015\u2212]/g;

/** '+46 70-123 45 67' → '46701234567'; null when the value is not written as a number at all. */
function senderDigits(value: string): string | null {
	if (!/^\+?[\d\s\-.()\u2010-\u2015\u2212]+$/.test(value)) return null;
	let digits = value.replace(NUMBER_SEPARATORS, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	else if (digits.startsWith('00')) digits = digits.slice(2);
	return /^\d*$/.test(digits) ? digits : null;
}

function checkNumber(digits: string, raw: string, field: string, hint: string): string {
	const without = withoutTrunkZero(raw);
	if (without !== undefined) throw new Ip1InputError(field, valueTitle(field, raw, 'has a (0) in it'), `${TRUNK_ZERO_FIX} ${without}.`);
	if (digits.length < 3 || digits.length > 15) {
		throw new Ip1InputError(field, valueTitle(field, raw, `has ${digits.length} digits, not 3–15`), hint);
	}
	return digits;
}

/** The SMS sender: 3–11 letters/digits, or a number of 3–15 digits ('+'/'00' and spaces are stripped). */
export function validateSender(input: string, field = 'From'): string {
	const raw = typeof input === 'string' ? input.trim() : typeof input === 'number' ? String(input) : '';
	if (raw === '') throw new Ip1InputError(field, `${field} is empty`, SENDER_HINT);
	const digits = senderDigits(raw);
	if (digits !== null) return checkNumber(digits, raw, field, SENDER_HINT);
	const bad = /[^A-Za-z0-9]/u.exec(raw);
	if (bad) {
		const what = /\s/.test(bad[0]) ? 'a space' : `"${bad[0]}"`;
		throw new Ip1InputError(field, valueTitle(field, raw, `contains ${what}`), SENDER_HINT);
	}
	if (raw.length < 3 || raw.length > 11) {
		throw new Ip1InputError(field, valueTitle(field, raw, `has ${raw.length} characters, not 3–11`), SENDER_HINT);
	}
	return raw;
}

/** The MMS sender: a number only (the MMS service refuses text senders). */
export function validateMmsSender(input: string, field = 'From'): string {
	const raw = typeof input === 'string' ? input.trim() : typeof input === 'number' ? String(input) : '';
	if (raw === '') throw new Ip1InputError(field, `${field} is empty`, MMS_SENDER_HINT);
	const digits = senderDigits(raw);
	if (digits === null) {
		const problem = /\p{L}/u.test(raw) ? 'is a text, not a phone number' : 'is not a phone number';
		throw new Ip1InputError(field, valueTitle(field, raw, problem), MMS_SENDER_HINT);
	}
	return checkNumber(digits, raw, field, MMS_SENDER_HINT);
}
