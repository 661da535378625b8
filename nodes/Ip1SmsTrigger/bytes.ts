/** Byte-level text decoding, by hand: shipped node code avoids depending on Buffer or TextDecoder labels (`latin1` there means windows-1252). */

export interface Utf8Result {
	text: string;
	/** false when any byte sequence was not well-formed UTF-8 (each such sequence became U+FFFD). */
	valid: boolean;
}

const REPLACEMENT = 0xfffd;

function isContinuation(byte: number | undefined): boolean {
	return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/** Strict UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF); an ill-formed subpart becomes one U+FFFD, as the WHATWG decoder does. */
export function decodeUtf8(bytes: ArrayLike<number>): Utf8Result {
	const codePoints: number[] = [];
	let valid = true;
	let i = 0;
	while (i < bytes.length) {
		const lead = bytes[i];
		if (lead < 0x80) {
			codePoints.push(lead);
			i++;
			continue;
		}
		let needed: number;
		let codePoint: number;
		let lower = 0x80;
		let upper = 0xbf;
		if (lead >= 0xc2 && lead <= 0xdf) {
			needed = 1;
			codePoint = lead & 0x1f;
		} else if (lead >= 0xe0 && lead <= 0xef) {
			needed = 2;
			codePoint = lead & 0x0f;
			if (lead === 0xe0) lower = 0xa0;
			if (lead === 0xed) upper = 0x9f;
		} else if (lead >= 0xf0 && lead <= 0xf4) {
			needed = 3;
			codePoint = lead & 0x07;
			if (lead === 0xf0) lower = 0x90;
			if (lead === 0xf4) upper = 0x8f;
		} else {
			codePoints.push(REPLACEMENT);
			valid = false;
			i++;
			continue;
		}
		let j = i + 1;
		let complete = true;
		for (let k = 0; k < needed; k++, j++) {
			const next = bytes[j];
			const min = k === 0 ? lower : 0x80;
			const max = k === 0 ? upper : 0xbf;
			if (!isContinuation(next) || next < min || next > max) {
				complete = false;
				break;
			}
			codePoint = (codePoint << 6) | (next & 0x3f);
		}
		if (complete) {
			codePoints.push(codePoint);
		} else {
			// the offending byte is not consumed: it may start the next character
			codePoints.push(REPLACEMENT);
			valid = false;
		}
		i = j;
	}
	return { text: fromCodePoints(codePoints), valid };
}

/** ISO-8859-1: every byte is the code point of the same value. */
export function decodeLatin1(bytes: ArrayLike<number>): string {
	const codePoints: number[] = [];
	for (let i = 0; i < bytes.length; i++) codePoints.push(bytes[i]);
	return fromCodePoints(codePoints);
}

export function encodeUtf8(codePoint: number, into: number[]): void {
	if (codePoint < 0x80) {
		into.push(codePoint);
	} else if (codePoint < 0x800) {
		into.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
	} else if (codePoint < 0x10000) {
		into.push(
			0xe0 | (codePoint >> 12),
			0x80 | ((codePoint >> 6) & 0x3f),
			0x80 | (codePoint & 0x3f),
		);
	} else {
		into.push(
			0xf0 | (codePoint >> 18),
			0x80 | ((codePoint >> 12) & 0x3f),
			0x80 | ((codePoint >> 6) & 0x3f),
			0x80 | (codePoint & 0x3f),
		);
	}
}

function fromCodePoints(codePoints: number[]): string {
	const chunks: string[] = [];
	for (let start = 0; start < codePoints.length; start += 4096) {
		chunks.push(String.fromCodePoint(...codePoints.slice(start, start + 4096)));
	}
	return chunks.join('');
}
