import type { SmsEncoding } from './types';

// GSM 03.38 default alphabet (one septet each) and its extension table (escape + septet: two each).
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(Array.from(GSM_BASIC));
const extension = new Set(Array.from(GSM_EXTENSION));

/** A line break travels as `%0a` (any case) and counts as those three characters (manuals). */
const LINE_BREAK_COST = 3;

export function decodeLineBreaks(text: string): string {
	return text.replace(/%0a/gi, '\n');
}

/** GSM 03.38 septets of a text as written (a line break is one), or undefined when a character is outside GSM 03.38. */
export function gsmSeptets(text: string): number | undefined {
	let septets = 0;
	for (const ch of text) {
		if (basic.has(ch)) septets += 1;
		else if (extension.has(ch)) septets += 2;
		else return undefined;
	}
	return septets;
}

export interface SegmentCount {
	encoding: SmsEncoding;
	characters: number;
	segments: number;
}

/** Counts a message as stored (line breaks already turned into `\n`). */
export function countSegments(text: string): SegmentCount {
	let septets = 0;
	let gsm = true;
	for (const ch of text) {
		if (ch === '\n') septets += LINE_BREAK_COST;
		else if (basic.has(ch)) septets += 1;
		else if (extension.has(ch)) septets += 2;
		else {
			gsm = false;
			break;
		}
	}
	if (gsm) {
		return { encoding: 'GSM 03.38', characters: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 152) };
	}
	// UCS-2: UTF-16 code units (a character outside the BMP takes two)
	let units = 0;
	for (let i = 0; i < text.length; i++) units += text.charCodeAt(i) === 10 ? LINE_BREAK_COST : 1;
	return { encoding: 'UCS-2', characters: units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
