import { Ip1InputError } from './errors';

/** '%HH' for each ISO-8859-1 byte, or the character itself when RFC 3986 leaves it unreserved. */
const ENCODED: string[] = [];
for (let code = 0; code < 256; code++) {
	const c = String.fromCharCode(code);
	ENCODED.push(/[A-Za-z0-9\-._~]/.test(c) ? c : '%' + code.toString(16).toUpperCase().padStart(2, '0'));
}

const USE_SOAP =
	'The URL call carries Western European (Latin-1) characters only. Set Options → Transport to SOAP Web Service, which carries any character';

/** Percent-encodes a query value as ISO-8859-1 bytes, as the URL-call transport wants (the manual). */
export function percentEncodeLatin1(value: string, field: string, secret = false): string {
	let out = '';
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code > 0xff) {
			const char = String.fromCodePoint(value.codePointAt(i) ?? code);
			const position = Array.from(value.slice(0, i)).length + 1;
			throw new Ip1InputError(
				field,
				secret
					? `${field} has a character the URL call cannot send`
					: `${field} has "${char}" (position ${position}), which the URL call cannot send`,
				secret ? `${USE_SOAP}.` : `${USE_SOAP}, or remove the character.`,
			);
		}
		out += ENCODED[code];
	}
	return out;
}

/** Whether Latin-1 text, taken as bytes, is also valid UTF-8 with at least one multi-byte sequence. */
function readsAsUtf8(value: string): boolean {
	let multiByte = false;
	for (let i = 0; i < value.length; ) {
		const b = value.charCodeAt(i);
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let low = 0x80;
		let high = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) low = 0xa0;
			if (b === 0xed) high = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) low = 0x90;
			if (b === 0xf4) high = 0x8f;
		} else return false;
		for (let k = 1; k <= need; k++) {
			const c = value.charCodeAt(i + k);
			if (!(c >= (k === 1 ? low : 0x80) && c <= (k === 1 ? high : 0xbf))) return false;
		}
		multiByte = true;
		i += need + 1;
	}
	return multiByte;
}

/**
 * The gateway takes URL-call values as ISO-8859-1, but also accepts UTF-8: a Latin-1 text whose
 * bytes happen to form valid UTF-8 (mojibake such as "Ã¤") would be read as other characters.
 */
export function assertUnambiguousLatin1(value: string, field: string): void {
	if (!readsAsUtf8(value)) return;
	throw new Ip1InputError(
		field,
		`${field} would arrive changed over the URL call`,
		'Its characters, sent as Latin-1, also read as UTF-8 text, which iP.1 accepts too, so other characters would arrive (e.g. "Ã¤" as "ä"). Set Options → Transport to SOAP Web Service, which carries every character exactly.',
	);
}
