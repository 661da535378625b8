import { decodeLatin1, decodeUtf8, encodeUtf8 } from './bytes';

/**
 * Decoding of a raw query string (or form body), done by hand because n8n's own query parser
 * leaves ISO-8859-1 escapes such as `%E5` undecoded. `+` is a space, `%HH` is a byte; the bytes
 * of each key and value are decoded as UTF-8 when they are valid UTF-8, else as ISO-8859-1
 * (the iP.1 gateway sends ISO-8859-1), unless one encoding is forced.
 */

export type TextEncodingOption = 'auto' | 'utf-8' | 'iso-8859-1';
export type UsedEncoding = 'utf-8' | 'iso-8859-1';

export interface DecodedText {
	value: string;
	encoding: UsedEncoding;
}

export interface QueryPair {
	key: string;
	value: string;
	/** the encoding used for the value */
	encoding: UsedEncoding;
}

function hexValue(charCode: number): number {
	if (charCode >= 0x30 && charCode <= 0x39) return charCode - 0x30;
	if (charCode >= 0x41 && charCode <= 0x46) return charCode - 0x37;
	if (charCode >= 0x61 && charCode <= 0x66) return charCode - 0x57;
	return -1;
}

/**
 * The bytes a URL component stands for. Characters up to U+00FF are taken as one byte each
 * (Node hands over raw request-line bytes that way); a malformed escape such as `%E` or `%ZZ`
 * stays as its literal characters.
 */
export function componentBytes(component: string): number[] {
	const bytes: number[] = [];
	for (let i = 0; i < component.length; i++) {
		const code = component.charCodeAt(i);
		if (code === 0x2b) {
			bytes.push(0x20);
		} else if (code === 0x25 && i + 2 < component.length) {
			const high = hexValue(component.charCodeAt(i + 1));
			const low = hexValue(component.charCodeAt(i + 2));
			if (high >= 0 && low >= 0) {
				bytes.push(high * 16 + low);
				i += 2;
			} else {
				bytes.push(code);
			}
		} else if (code <= 0xff) {
			bytes.push(code);
		} else {
			const codePoint = component.codePointAt(i) ?? code;
			encodeUtf8(codePoint, bytes);
			if (codePoint > 0xffff) i++;
		}
	}
	return bytes;
}

export function decodeBytes(bytes: ArrayLike<number>, option: TextEncodingOption): DecodedText {
	if (option === 'iso-8859-1') return { value: decodeLatin1(bytes), encoding: 'iso-8859-1' };
	const utf8 = decodeUtf8(bytes);
	if (option === 'utf-8' || utf8.valid) return { value: utf8.text, encoding: 'utf-8' };
	return { value: decodeLatin1(bytes), encoding: 'iso-8859-1' };
}

export function decodeComponent(component: string, option: TextEncodingOption): DecodedText {
	return decodeBytes(componentBytes(component), option);
}

/** Splits `a=1&b=2` into decoded pairs, in order, repeats kept. A leading `?` is ignored. */
export function parseRawQuery(raw: string, option: TextEncodingOption): QueryPair[] {
	const pairs: QueryPair[] = [];
	const query = raw.startsWith('?') ? raw.slice(1) : raw;
	for (const part of query.split('&')) {
		if (part === '') continue;
		const equals = part.indexOf('=');
		const rawKey = equals === -1 ? part : part.slice(0, equals);
		const rawValue = equals === -1 ? '' : part.slice(equals + 1);
		const value = decodeComponent(rawValue, option);
		pairs.push({
			key: decodeComponent(rawKey, option).value,
			value: value.value,
			encoding: value.encoding,
		});
	}
	return pairs;
}

/** The query string of a request target (`/webhook/x?a=1#f` gives `a=1`). */
export function rawQueryOf(requestTarget: string): string {
	const question = requestTarget.indexOf('?');
	if (question === -1) return '';
	const hash = requestTarget.indexOf('#', question);
	return requestTarget.slice(question + 1, hash === -1 ? undefined : hash);
}

/** Bytes of a form body held as a byte array, read as one char per byte for `parseRawQuery`. */
export function bytesToBinaryString(bytes: ArrayLike<number>): string {
	return decodeLatin1(bytes);
}
