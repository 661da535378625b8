/**
 * Phone numbers compared the way iP.1 writes them: digits with the country code first.
 * `+46 70-123 45 67`, `0046701234567` and `46701234567` are one number; a single leading 0
 * (Swedish national form, `0701234567`) is read as +46.
 */
export function normaliseNumber(input: string): string {
	const digits = input.replace(/\D/g, '');
	if (digits.startsWith('00')) return digits.slice(2);
	if (digits.startsWith('0')) return `46${digits.slice(1)}`;
	return digits;
}

/** A comma-, semicolon- or newline-separated list, normalised; empty entries dropped. */
export function parseNumberList(list: string): Set<string> {
	const numbers = new Set<string>();
	for (const entry of list.split(/[,;\n]/)) {
		const number = normaliseNumber(entry);
		if (number !== '') numbers.add(number);
	}
	return numbers;
}
