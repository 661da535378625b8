import { valueTitle } from '../Ip1Sms/helpers/errors';
import { TRUNK_ZERO_FIX, withoutTrunkZero } from '../Ip1Sms/helpers/phone';

/**
 * Phone numbers compared the way iP.1 writes them: digits with the country code first.
 * `+46 70-123 45 67`, `0046701234567` and `46701234567` are one number.
 */
export function normaliseNumber(input: string): string {
	const digits = input.replace(/\D/g, '');
	return digits.startsWith('00') ? digits.slice(2) : digits;
}

/**
 * Version 1 read a single leading 0 (Swedish national form, `0701234567`) as +46; its workflows
 * keep that reading. Version 2 refuses such entries instead (see `parseReceivingNumbers`).
 */
export function normaliseNumberV1(input: string): string {
	const digits = normaliseNumber(input);
	return /^0[1-9]/.test(digits) ? `46${digits.slice(1)}` : digits;
}

const entriesOf = (list: string) =>
	list
		.split(/[,;\n]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');

/** Version 1: a comma-, semicolon- or newline-separated list, normalised; empty entries dropped. */
export function parseNumberList(list: string): Set<string> {
	return new Set(entriesOf(list).map(normaliseNumberV1));
}

/** `title` and `fix` are the error's title and description. */
export type NumberListReading = { numbers: Set<string> } | { title: string; fix: string };

const SUBJECT = 'Receiving Numbers:';

/**
 * Version 2: every entry must be an international number (country code first, 8–15 digits,
 * optionally `+` or `00` in front, spaces, dashes, dots and brackets allowed). Anything else is
 * refused, so a number is never silently read as some other country's.
 */
export function parseReceivingNumbers(list: string): NumberListReading {
	const numbers = new Set<string>();
	for (const entry of entriesOf(list)) {
		if (!/^\+?[\d\s\-.()]+$/.test(entry)) {
			return {
				title: valueTitle(SUBJECT, entry, 'is not a phone number'),
				fix: 'List your iP.1 numbers in international form, e.g. 46701234567, separated by commas.',
			};
		}
		const without = withoutTrunkZero(entry);
		if (without !== undefined) return { title: valueTitle(SUBJECT, entry, 'has a (0) in it'), fix: `${TRUNK_ZERO_FIX} ${without}.` };
		const compact = entry.replace(/[\s\-.()]/g, '');
		if (/^0[1-9]/.test(compact)) {
			return {
				title: valueTitle(SUBJECT, entry, 'has no country code'),
				fix: `Write it in international form: the country code first, without the leading 0 (e.g. for Sweden 46${compact.slice(1)}).`,
			};
		}
		const digits = normaliseNumber(compact);
		if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) {
			return {
				title: valueTitle(SUBJECT, entry, 'is not an international number'),
				fix: 'An international number has 8 to 15 digits, the country code first (e.g. 46701234567).',
			};
		}
		numbers.add(digits);
	}
	return { numbers };
}
