
/** Country code first, digits only: no `+`, no leading `0`/`00`; 7–15 digits (E.164). */
export function isValidNumber(n: string): boolean {
	return /^[1-9][0-9]{6,14}$/.test(n);
}

/** 3–11 letters/digits (A–Z, a–z, 0–9), or a number of 3–15 digits. */
export function isValidSender(s: string): boolean {
	return /^[A-Za-z0-9]{3,11}$/.test(s) || /^[0-9]{3,15}$/.test(s);
}

/** MMS senders must be phone numbers. */
export function isValidMmsSender(s: string): boolean {
	return /^[0-9]{3,15}$/.test(s);
}

/** 1, 2 or 3; anything else is a parameter error. */
export function parsePrio(p: string): number | undefined {
	return /^[123]$/.test(p.trim()) ? Number(p.trim()) : undefined;
}

/** Unix seconds as an integer string (a decimal fraction is tolerated and floored). */
export function parseSendAt(s: string): number | undefined {
	const t = s.trim();
	if (!/^[0-9]{1,12}(\.[0-9]+)?$/.test(t)) return undefined;
	return Math.floor(Number(t));
}

export function splitNumbers(till: string): string[] {
	return till
		.split(',')
		.map((n) => n.trim())
		.filter((n) => n !== '');
}
