// Searches everything a node run left behind (output items, the error with its description, context,
// cause and stack, and n8n's execution record) for the API key, in every form it could take on the way.
import type { RunNodeResult } from '../support/n8nCore';

/** All strings reachable from a value, Error properties (message, stack, cause, non-enumerable ones) included. */
export function allText(value: unknown): string {
	const out: string[] = [];
	const seen = new Set<unknown>();
	const walk = (v: unknown, depth: number): void => {
		if (v === null || v === undefined || depth > 40) return;
		if (typeof v === 'string') return void out.push(v);
		if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return void out.push(String(v));
		if (typeof v !== 'object' || seen.has(v)) return;
		seen.add(v);
		if (Buffer.isBuffer(v) || ArrayBuffer.isView(v)) return void out.push(Buffer.from(v as Uint8Array).toString('latin1'));
		const keys = new Set<string | symbol>(Reflect.ownKeys(v as object));
		if (v instanceof Error) for (const k of ['message', 'stack', 'cause', 'description', 'context']) keys.add(k);
		for (const key of keys) {
			if (typeof key === 'string') out.push(key);
			let child: unknown;
			try {
				child = (v as Record<string | symbol, unknown>)[key];
			} catch {
				continue;
			}
			if (typeof child !== 'function') walk(child, depth + 1);
		}
	};
	walk(value, 0);
	return out.join('\n');
}

/** The forms a key takes in a request: as is, XML-escaped, percent-encoded (Latin-1 and UTF-8), base64. */
export function secretForms(key: string): string[] {
	const latin1 = Array.from(Buffer.from(key, 'latin1'))
		.map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0')))
		.join('');
	const xml = key.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	// a distinctive stretch of the key also finds it when it was cut or partly escaped
	const stem = /^[A-Za-z0-9-]{6,}/.exec(key)?.[0];
	return [...new Set([key, xml, latin1, encodeURIComponent(key), Buffer.from(key).toString('base64'), ...(stem ? [stem] : [])])];
}

export class LeakWatch {
	runs = 0;
	readonly hits: string[] = [];
	private readonly forms: string[];

	constructor(key: string) {
		this.forms = secretForms(key).map((f) => f.toLowerCase());
	}

	/** Scans one run; returns the result for chaining. */
	scan<T extends RunNodeResult>(result: T, label = ''): T {
		this.runs++;
		const text = allText({ items: result.items, outputs: result.outputs, error: result.error, runData: result.runData }).toLowerCase();
		for (const form of this.forms) if (text.includes(form)) this.hits.push(`${label}: found "${form}"`);
		return result;
	}
}
