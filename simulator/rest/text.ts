import { gsmSeptets } from '../smsText';

/** Parts of one SMS text: GSM 160 in one, 153 per part; UCS-2 70 in one, 67 per part (UTF-16 units). */
export function restSegments(text: string, datacoding: 'gsm' | 'ucs'): number {
	if (datacoding === 'gsm') {
		const septets = gsmSeptets(text) ?? Infinity;
		return septets <= 160 ? 1 : Math.ceil(septets / 153);
	}
	return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

export function fitsGsm(text: string): boolean {
	return gsmSeptets(text) !== undefined;
}

/** `{key}` takes the recipient's value, else the default's, else stays as written; keys are case-sensitive. */
export function renderTemplate(body: string, values: Record<string, string>, defaults: Record<string, string>): string {
	return body.replace(/\{([^{}]+)\}/g, (whole, key: string) =>
		Object.prototype.hasOwnProperty.call(values, key) ? values[key] : Object.prototype.hasOwnProperty.call(defaults, key) ? defaults[key] : whole,
	);
}
