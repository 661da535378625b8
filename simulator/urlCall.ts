import { sendSingle } from './operations/sending';
import type { Store } from './store';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes one query value: `+` is a space, `%XX` a byte; the bytes are read as UTF-8 when they
 * form valid UTF-8, otherwise as ISO-8859-1 (the manual's encoding).
 */
export function decodeQueryValue(raw: string): string {
	const bytes: number[] = [];
	for (let i = 0; i < raw.length; i++) {
		const ch = raw.charCodeAt(i);
		if (ch === 0x2b) bytes.push(0x20);
		else if (ch === 0x25 && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 1, i + 3))) {
			bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
			i += 2;
		} else if (ch <= 0xff) bytes.push(ch); // a raw byte of the request line (Node reads it as latin1)
		else for (const b of Buffer.from(raw[i], 'utf8')) bytes.push(b);
	}
	const buf = Buffer.from(bytes);
	try {
		return utf8.decode(buf);
	} catch {
		return buf.toString('latin1');
	}
}

/** Query (or form body) parameters by lower-case name; the first occurrence wins. */
export function parseQuery(query: string, into: Map<string, string> = new Map()): Map<string, string> {
	for (const pair of query.split('&')) {
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		const name = decodeQueryValue(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
		const value = eq < 0 ? '' : decodeQueryValue(pair.slice(eq + 1));
		if (!into.has(name)) into.set(name, value);
	}
	return into;
}

export interface UrlCallAnswer {
	/** the bare id or status code */
	result: string;
	/** where to redirect when `ok`/`error` asked for it */
	redirect?: string;
}

/** `ok`/`error` addresses get the id or code appended: directly after a trailing `=`, else as `id=` / `code=`. */
export function redirectTarget(address: string, name: 'id' | 'code', value: string): string {
	if (address.endsWith('=')) return address + encodeURIComponent(value);
	const sep = !address.includes('?') ? '?' : address.endsWith('?') || address.endsWith('&') ? '' : '&';
	return `${address}${sep}${name}=${encodeURIComponent(value)}`;
}

export function urlCall(store: Store, params: Map<string, string>): UrlCallAnswer {
	const get = (n: string) => params.get(n) ?? '';
	const result = sendSingle(store, {
		account: get('acc'),
		key: get('pass'),
		to: get('to'),
		from: get('from'),
		text: get('msg'),
		prio: get('prio'),
		flash: get('type').trim().toLowerCase() === 'flash',
		via: 'url',
	});
	const isId = Number(result) >= 1000;
	const address = isId ? get('ok') : get('error');
	return address ? { result, redirect: redirectTarget(address, isId ? 'id' : 'code', result) } : { result };
}
