import { Ip1InputError, quoteValue } from './errors';

const MIN_DIGITS = 8;
const MAX_DIGITS = 15; // E.164
const COUNTRY_CODE_HINT = 'Write numbers with the country code first, e.g. 46701234567 or +46701234567';

// spaces (incl. no-break), dashes (incl. Unicode hyphens and minus), dots, parentheses
const SEPARATORS = /[\s\-.()\u2010-\u2015\u2212]/g;

function numberError(field: string, label: string, raw: string, problem: string): Ip1InputError {
	return new Ip1InputError(field, `${label} ${quoteValue(raw)} ${problem}`, COUNTRY_CODE_HINT);
}

function normalize(input: unknown, field: string, label: string): string {
	const raw = typeof input === 'string' ? input.trim() : typeof input === 'number' ? String(input) : '';
	if (raw === '') {
		throw new Ip1InputError(field, `${label} is empty: enter a phone number with country code, e.g. 46701234567`, COUNTRY_CODE_HINT);
	}
	let digits = raw.replace(SEPARATORS, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	else if (digits.startsWith('00')) digits = digits.slice(2);
	for (let i = 0; i < digits.length; i++) {
		const c = digits.charCodeAt(i);
		if (c < 48 || c > 57) {
			const what = /\p{L}/u.test(digits[i]) ? 'letters' : `"${digits[i]}"`;
			throw numberError(field, label, raw, `is not a phone number: it contains ${what}; use digits only, with the country code first (e.g. 46701234567)`);
		}
	}
	if (digits === '') throw numberError(field, label, raw, 'has no digits: enter a phone number with country code, e.g. 46701234567');
	if (digits.startsWith('0')) {
		const national = digits.replace(/^0+/, '');
		if (raw.replace(SEPARATORS, '').match(/^(\+|00)/) || national === '') {
			throw numberError(field, label, raw, 'has no valid country code: country codes never start with 0');
		}
		throw numberError(
			field,
			label,
			raw,
			`has no country code: write it as 46${national} or +46${national} if it is a Swedish number (drop the leading 0, put the country code first)`,
		);
	}
	if (digits.length < MIN_DIGITS) {
		throw numberError(field, label, raw, `is too short (${digits.length} digits): a phone number with country code has at least ${MIN_DIGITS} digits`);
	}
	if (digits.length > MAX_DIGITS) {
		throw numberError(field, label, raw, `is too long (${digits.length} digits): a phone number has at most ${MAX_DIGITS} digits (E.164)`);
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
		throw new Ip1InputError(field, `${field} is empty: enter at least one phone number with country code, e.g. 46701234567`, COUNTRY_CODE_HINT);
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
