import { Ip1InputError, valueTitle } from './errors';

const MIN_DIGITS = 8;
const MAX_DIGITS = 15; // E.164
const HOW_TO_WRITE = 'Write the number with the country code first, e.g. 46701234567 or +46701234567.';

// spaces (incl. no-break), dashes (incl. Unicode hyphens and minus), dots, parentheses
const SEPARATORS = /[\s\-.()\u2010-\u2015\u2212]/g;
/** '+46 (0)70…': the national 0 written after the country code; read as a digit it gives another number. */
const TRUNK_ZERO = /(?<=\d\s*)\(\s*0\s*\)/;

/** The number without its '(0)' when it has one ('+46 (0)70 123' → '+46 70 123'), else undefined. */
export function withoutTrunkZero(raw: string): string | undefined {
	return TRUNK_ZERO.test(raw) ? raw.replace(TRUNK_ZERO, ' ').replace(/\s+/g, ' ').trim() : undefined;
}

export const TRUNK_ZERO_FIX = 'Leave out the (0), which is dialled only within the country: write';

/** Title: the field, the value and what is wrong with it; description: how to write it instead. */
function numberError(field: string, label: string, raw: string, problem: string, fix: string): Ip1InputError {
	return new Ip1InputError(field, valueTitle(label, raw, problem), fix);
}

function normalize(input: unknown, field: string, label: string): string {
	const raw = typeof input === 'string' ? input.trim() : typeof input === 'number' ? String(input) : '';
	if (raw === '') throw new Ip1InputError(field, `${label} is empty`, `Enter a phone number. ${HOW_TO_WRITE}`);
	const without = withoutTrunkZero(raw);
	if (without !== undefined) throw numberError(field, label, raw, 'has a (0) in it', `${TRUNK_ZERO_FIX} ${without}.`);
	let digits = raw.replace(SEPARATORS, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	else if (digits.startsWith('00')) digits = digits.slice(2);
	for (let i = 0; i < digits.length; i++) {
		const c = digits.charCodeAt(i);
		if (c < 48 || c > 57) {
			const what = /\p{L}/u.test(digits[i]) ? 'letters' : `"${digits[i]}"`;
			throw numberError(field, label, raw, 'is not a phone number', `It contains ${what}: use digits only. ${HOW_TO_WRITE}`);
		}
	}
	if (digits === '') throw numberError(field, label, raw, 'has no digits', `Enter a phone number. ${HOW_TO_WRITE}`);
	if (digits.startsWith('0')) {
		const national = digits.replace(/^0+/, '');
		if (raw.replace(SEPARATORS, '').match(/^(\+|00)/) || national === '') {
			throw numberError(field, label, raw, 'has no country code', `Country codes never start with 0. ${HOW_TO_WRITE}`);
		}
		throw numberError(
			field,
			label,
			raw,
			'has no country code',
			`Drop the leading 0 and put the country code first: for a Swedish number write 46${national} or +46${national}.`,
		);
	}
	if (digits.length < MIN_DIGITS) {
		throw numberError(
			field,
			label,
			raw,
			`is too short (${digits.length} digits)`,
			`A phone number with country code has at least ${MIN_DIGITS} digits. ${HOW_TO_WRITE}`,
		);
	}
	if (digits.length > MAX_DIGITS) {
		throw numberError(
			field,
			label,
			raw,
			`is too long (${digits.length} digits)`,
			`A phone number has at most ${MAX_DIGITS} digits, country code included. ${HOW_TO_WRITE}`,
		);
	}
	return digits;
}

/** '+46 70-123 45 67', '0046701234567', '(+46) 70 123 45 67' → '46701234567' (what the gateway wants). */
export function normalizePhoneNumber(input: string, field = 'To'): string {
	return normalize(input, field, field);
}

const LIST_SEPARATORS = /[,;\r\n]+/;

/** A list, or text separated by commas, semicolons or line breaks → normalized numbers without duplicates. */
export function parseRecipients(input: string | string[], field = 'Recipients'): string[] {
	const entries: string[] = [];
	const parts: unknown[] = Array.isArray(input) ? input : [input];
	for (const part of parts) {
		const text = typeof part === 'string' ? part : typeof part === 'number' ? String(part) : '';
		for (const entry of text.split(LIST_SEPARATORS)) {
			if (entry.trim() !== '') entries.push(entry);
		}
	}
	if (entries.length === 0) {
		throw new Ip1InputError(
			field,
			`${field} is empty`,
			`Enter at least one phone number, several separated by commas. ${HOW_TO_WRITE}`,
		);
	}
	const seen = new Set<string>();
	const result: string[] = [];
	for (let i = 0; i < entries.length; i++) {
		const number = normalize(entries[i], field, `${field}: entry ${i + 1}`);
		if (!seen.has(number)) {
			seen.add(number);
			result.push(number);
		}
	}
	return result;
}
