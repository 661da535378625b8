export type SmsEncoding = 'GSM 03.38' | 'UCS-2';

export interface SegmentInfo {
	encoding: SmsEncoding;
	characters: number;
	segments: number;
}

// GSM 03.38 basic character set (ESC, 0x1B, left out: it is no character of its own).
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// The extension table: each takes an escape plus the character, so two septets.
const GSM_EXTENSION = '\f^{}\\[~]|€';

/** Septets per UTF-16 code unit; 0 = not in GSM 03.38. Every GSM character is in the BMP below U+2100. */
const SEPTETS = new Uint8Array(0x2100);
for (const c of GSM_BASIC) SEPTETS[c.charCodeAt(0)] = 1;
for (const c of GSM_EXTENSION) SEPTETS[c.charCodeAt(0)] = 2;

export const GSM_SINGLE = 160;
export const GSM_PART = 152; // the manual: longer texts are split into parts of up to 152 characters
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

const LINE_BREAKS = /\r\n|\r|\n/g;

/** Line breaks travel as "%0a" (the manual), so they count three characters. */
export function toWireText(text: string): string {
	return text.replace(LINE_BREAKS, '%0a');
}

/** GSM septet count, or -1 as soon as a character is outside GSM 03.38. */
function gsmLength(text: string): number {
	let septets = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const n = c < 0x2100 ? SEPTETS[c] : 0;
		if (n === 0) return -1;
		septets += n;
	}
	return septets;
}

export function isGsmText(text: string): boolean {
	return gsmLength(text) >= 0;
}

/** Characters and billed parts of the text as sent (count line breaks as "%0a": call toWireText first). */
export function countSegments(wireText: string): SegmentInfo {
	if (wireText.length === 0) return { encoding: 'GSM 03.38', characters: 0, segments: 0 };
	const septets = gsmLength(wireText);
	if (septets >= 0) {
		return {
			encoding: 'GSM 03.38',
			characters: septets,
			segments: septets <= GSM_SINGLE ? 1 : Math.ceil(septets / GSM_PART),
		};
	}
	// UCS-2: UTF-16 code units, so a character outside the BMP (most emoji) counts two
	const units = wireText.length;
	return { encoding: 'UCS-2', characters: units, segments: units <= UCS2_SINGLE ? 1 : Math.ceil(units / UCS2_PART) };
}

/** REST API v2's character sets, as the contract counts them: GSM 160 / parts of 153, UCS-2 70 / 67. */
export type RestCharacterSet = 'gsm' | 'ucs2';

export interface RestSegmentInfo {
	characterSet: RestCharacterSet;
	/** The places the text takes in SMS: a GSM extension character ({ } [ ] € …) takes two, an emoji two UCS-2 units. */
	characters: number;
	/** The text's characters as a reader counts them (what the outputs call `characters`). */
	length: number;
	segments: number;
}

const REST_GSM_PART = 153;

/** `wanted` undefined is Auto: GSM when every character allows it, else UCS-2. Null when GSM was asked for and cannot carry the text. */
export function countRestSegments(text: string, wanted?: RestCharacterSet): RestSegmentInfo | null {
	const septets = wanted === 'ucs2' ? -1 : gsmLength(text);
	const length = [...text].length;
	if (septets >= 0) {
		return { characterSet: 'gsm', characters: septets, length, segments: septets <= GSM_SINGLE ? 1 : Math.ceil(septets / REST_GSM_PART) };
	}
	if (wanted === 'gsm') return null;
	const units = text.length;
	return { characterSet: 'ucs2', characters: units, length, segments: units <= UCS2_SINGLE ? 1 : Math.ceil(units / UCS2_PART) };
}
