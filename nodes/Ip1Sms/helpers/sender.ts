import { Ip1InputError, quoteValue } from './errors';

const SENDER_HINT =
	'A sender is 3–11 letters or digits (A–Z, a–z, 0–9; no spaces or other characters) or a phone number of 3–15 digits, with country code if recipients should be able to reply';
const NUMBER_SEPARATORS = /[\s\-.()\u2010-\u2015\u2212]/g;

/** '+46 70-123 45 67' → '46701234567'; null when the value is not written as a number at all. */
function senderDigits(value: string): string | null {
	if (!/^\+?[\d\s\-.()\u2010-\u2015\u2212]+$/.test(value)) return null;
	let digits = value.replace(NUMBER_SEPARATORS, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	else if (digits.startsWith('00')) digits = digits.slice(2);
	return /^\d*$/.test(digits) ? digits : null;
}

function checkNumberLength(digits: string, raw: string, field: string): string {
	if (digits.length < 3 || digits.length > 15) {
		throw new Ip1InputError(
			field,
			`${field} ${quoteValue(raw)} is a number of ${digits.length} digits: a number sender must have 3–15 digits`,
			SENDER_HINT,
		);
	}
	return digits;
}

/** The SMS sender: 3–11 letters/digits, or a number of 3–15 digits ('+'/'00' and spaces are stripped). */
export function validateSender(input: string, field = 'From'): string {
	const raw = typeof input === 'string' ? input.trim() : typeof input === 'number' ? String(input) : '';
	if (raw === '') throw new Ip1InputError(field, `${field} is empty: enter a sender name or number`, SENDER_HINT);
	const digits = senderDigits(raw);
	if (digits !== null) return checkNumberLength(digits, raw, field);
	const bad = /[^A-Za-z0-9]/u.exec(raw);
	if (bad) {
		const what = /\s/.test(bad[0]) ? 'a space' : `"${bad[0]}"`;
		throw new Ip1InputError(
			field,
			`${field} ${quoteValue(raw)} contains ${what}: a text sender may only use the letters A–Z and a–z and the digits 0–9`,
			SENDER_HINT,
		);
	}
	if (raw.length < 3 || raw.length > 11) {
		throw new Ip1InputError(
			field,
			`${field} ${quoteValue(raw)} has ${raw.length} characters: a text sender must have 3–11`,
			SENDER_HINT,
		);
	}
	return raw;
}

/** The MMS sender: a number only (the MMS service refuses text senders). */
export function validateMmsSender(input: string, field = 'From'): string {
	const raw = typeof input === 'string' ? input.trim() : typeof input === 'number' ? String(input) : '';
	const hint = 'MMS senders must be phone numbers of 3–15 digits with country code, e.g. 46701234567';
	if (raw === '') throw new Ip1InputError(field, `${field} is empty: an MMS needs a sender phone number`, hint);
	const digits = senderDigits(raw);
	if (digits === null) {
		const problem = /\p{L}/u.test(raw) ? 'contains letters' : 'is not a phone number';
		throw new Ip1InputError(
			field,
			`${field} ${quoteValue(raw)} ${problem}: the MMS service refuses text senders, use a phone number with country code (e.g. 46701234567)`,
			hint,
		);
	}
	return checkNumberLength(digits, raw, field);
}
