// Seeded random message texts for the wire fuzz: the whole GSM 03.38 table, Swedish letters, emoji and other
// surrogate pairs, XML specials, CDATA ends, control characters, and what XML cannot carry.
import { createRandom } from '../support/soapAnswerGenerator';

const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';
const SWEDISH = 'åäöÅÄÖéÉüÜ';
const SURROGATE_PAIRS = ['😀', '🇸🇪', '👍🏽', '👨‍👩‍👧', '𝄞', '𠜎', '🙈', '🦄', '💩'];
const OTHER_UNICODE = ['\u00a0', '\u2028', '\u2029', '\u200d', '\ufeff', 'ł', 'ś', 'Ж', 'ي', '中', '\u0301', '\u00ad', '\u007f', '\u0085', '\u009f'];
const XML_SPECIALS = ['<', '>', '&', '"', "'", ']]>', '<![CDATA[', '<!--', '-->', '&amp;', '&lt;', '&#x41;', '&#0;', '</meddelande>', '<till>', '<?xml?>', '\t'];
/** C0 controls XML 1.0 cannot carry (tab, line feed and carriage return are fine) */
const BAD_CONTROLS = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).filter((c) => !'\t\n\r'.includes(c));
const UNCARRIABLE = [...BAD_CONTROLS, '\ud800', '\udfff', '\ufffe', '\uffff'];

export interface GeneratedText {
	text: string;
	/** contains something XML 1.0 cannot carry: the node must refuse it */
	uncarriable: boolean;
}

/** `count` texts of 1–300 UTF-16 units; some carry a character XML cannot carry. */
export function generateTexts(seed: number, count: number): GeneratedText[] {
	const random = createRandom(seed);
	const int = (n: number) => Math.floor(random() * n);
	const pick = <T>(list: readonly T[] | string): T => list[int(list.length)] as T;
	const out: GeneratedText[] = [];
	for (let n = 0; n < count; n++) {
		// each text leans towards one pool, so that many stay pure GSM (and one segment) and others mix
		const style = int(6);
		const length = 1 + int(int(4) === 0 ? 300 : 60);
		let text = '';
		while (text.length < length) {
			const r = random();
			if (r < 0.004) {
				text += pick(UNCARRIABLE);
			} else if (style === 0 || r < 0.5) {
				text += pick(GSM_BASIC);
			} else if (r < 0.6) {
				text += pick(GSM_EXTENSION);
			} else if (r < 0.7) {
				text += pick(SWEDISH);
			} else if (r < 0.8) {
				text += style === 1 ? pick(GSM_BASIC) : pick(SURROGATE_PAIRS);
			} else if (r < 0.9) {
				text += pick(XML_SPECIALS);
			} else {
				text += pick(OTHER_UNICODE);
			}
		}
		// decided from the text itself: a lone surrogate may have paired up with a neighbour
		out.push({ text, uncarriable: hasUncarriable(text) });
	}
	return out;
}

/** What XML 1.0 cannot carry: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. */
export function hasUncarriable(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
		if (c === 0xfffe || c === 0xffff) return true;
		if (c >= 0xd800 && c <= 0xdbff) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) i++;
			else return true;
		} else if (c >= 0xdc00 && c <= 0xdfff) return true;
	}
	return false;
}

/**
 * The text the gateway stores for a carried text: line breaks travel as `%0a` and the gateway turns every
 * `%0a` (any case) back into a line break, so CR LF and CR arrive as LF.
 */
export function storedForm(text: string): string {
	return text.replace(/\r\n|\r|\n/g, '%0a').replace(/%0a/gi, '\n');
}
