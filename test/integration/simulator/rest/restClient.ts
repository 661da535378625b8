/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// A plain axios client for the simulator's REST API v2, independent of the node's code.
import axios, { type AxiosResponse } from 'axios';

export const REST_KEY = 'test-api-key-rest';

export interface RestClient {
	get(path: string, key?: string | null): Promise<AxiosResponse>;
	post(path: string, body: unknown, key?: string | null, headers?: Record<string, string>): Promise<AxiosResponse>;
	put(path: string, key?: string | null): Promise<AxiosResponse>;
	del(path: string, key?: string | null): Promise<AxiosResponse>;
}

/** Every answer comes back (no throw on 4xx/5xx); a JSON body is parsed when it can be. `key: null` sends no Authorization. */
export function restClient(baseUrl: string, defaultKey = REST_KEY): RestClient {
	const http = axios.create({ baseURL: baseUrl, validateStatus: () => true, responseType: 'text', transformResponse: (d: unknown) => d, transformRequest: (d: unknown) => d });
	const auth = (key: string | null | undefined) => {
		const k = key === undefined ? defaultKey : key;
		return k === null ? {} : { Authorization: `Bearer ${k}` };
	};
	const parse = (res: AxiosResponse) => {
		const type = String(res.headers['content-type'] ?? '');
		if (/json/.test(type) && typeof res.data === 'string' && res.data !== '') {
			try {
				res.data = JSON.parse(res.data);
			} catch {
				// left as text: the faults tests look at unreadable bodies
			}
		}
		return res;
	};
	return {
		get: (path, key) => http.get(path, { headers: auth(key) }).then(parse),
		post: (path, body, key, headers) =>
			http
				.post(path, typeof body === 'string' ? body : JSON.stringify(body), { headers: { 'Content-Type': 'application/json', ...auth(key), ...headers } })
				.then(parse),
		put: (path, key) => http.put(path, undefined, { headers: auth(key) }).then(parse),
		del: (path, key) => http.delete(path, { headers: auth(key) }).then(parse),
	};
}

/** Reads a Link header in either form (`<url>; rel="x"` or `<url> rel="x"`, quoted or not) into rel → URL. */
export function readLinks(header: string | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of (header ?? '').matchAll(/<([^>]*)>\s*;?\s*rel="?([a-z]+)"?/gi)) out[m[2]] = m[1];
	return out;
}

/** Polls `check` until it holds (the simulator's clock runs on its own; tests wait for states, never assert times). */
export async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}
