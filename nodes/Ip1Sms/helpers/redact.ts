import { percentEncodeLatin1 } from '../helpers/latin1';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(text: string): number[] {
	const bytes: number[] = [];
	for (const char of text) {
		const cp = char.codePointAt(0) ?? 0;
		if (cp < 0x80) bytes.push(cp);
		else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
		else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
		else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
	}
	return bytes;
}

function base64(bytes: number[]): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
		out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
		out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
	}
	return out;
}

/** The forms in which a gateway (or anything between) could echo a secret back. */
function secretForms(secret: string): string[] {
	const forms = new Set<string>([secret]);
	forms.add(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
	forms.add(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'));
	const utf8 = utf8Bytes(secret);
	forms.add(utf8.map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join(''));
	forms.add(encodeURIComponent(secret));
	forms.add(base64(utf8));
	try {
		forms.add(percentEncodeLatin1(secret, 'API Key'));
	} catch {
		// not Latin-1: that form cannot occur
	}
	for (const form of [...forms]) forms.add(form.toLowerCase());
	return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

interface Search {
	/** lower-cased: each looked for once */
	lower: string;
	pattern: RegExp;
}

/** The forms of the last key asked for: an execution redacts every answer with one key, so they are worked out once. */
let last: { secret: string; searches: Search[] } | undefined;

function searchesFor(secret: string): Search[] {
	if (last?.secret !== secret) {
		const seen = new Set<string>();
		const searches: Search[] = [];
		for (const form of secretForms(secret)) {
			const lower = form.toLowerCase();
			if (seen.has(lower)) continue;
			seen.add(lower);
			searches.push({ lower, pattern: new RegExp(form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi') });
		}
		last = { secret, searches };
	}
	return last.searches;
}

/** Removes the API key, in any form a gateway could echo it in, from text shown to the user. */
export function redactSecret(text: string, secret: string): string {
	if (!secret || !text) return text;
	let out = text;
	// lower-cased once, and again only after a replacement (a 0.4 MB answer has ~14 forms to look for)
	let lower = out.toLowerCase();
	for (const { lower: form, pattern } of searchesFor(secret)) {
		if (lower.includes(form)) {
			out = out.replace(pattern, '***');
			lower = out.toLowerCase();
		}
	}
	return out;
}
