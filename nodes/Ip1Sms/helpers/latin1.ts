import { Ip1InputError } from './errors';

/** '%HH' for each ISO-8859-1 byte, or the character itself when RFC 3986 leaves it unreserved. */
const ENCODED: string[] = [];
for (let code = 0; code < 256; code++) {
	const c = String.fromCharCode(code);
	ENCODED.push(/[A-Za-z0-9\-._~]/.test(c) ? c : '%' + code.toString(16).toUpperCase().padStart(2, '0'));
}

/** Percent-encodes a query value as ISO-8859-1 bytes, as the URL-call transport wants (the manual). */
export function percentEncodeLatin1(value: string, field: string): string {
	let out = '';
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code > 0xff) {
			const char = String.fromCodePoint(value.codePointAt(i) ?? code);
			const position = Array.from(value.slice(0, i)).length + 1;
			throw new Ip1InputError(
				field,
				`${field} contains "${char}" (position ${position}), which the URL call cannot send: it carries ISO-8859-1 (Latin-1) characters only`,
				'Switch the transport to SOAP (web service), which carries any character, or remove the character',
			);
		}
		out += ENCODED[code];
	}
	return out;
}
