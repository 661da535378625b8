import type { Paging } from '../types';
import type { RestClient, RestRequest } from './client';
import { failureNamingCall } from './problems';

/**
 * Collections page with `start`, `limit` and `order`, and name the next page in a `Link` header.
 * The largest `limit` is not documented: pages ask for PAGE_SIZE, and a page refused with 400 is
 * asked again once with the API's default size (50), so a smaller server maximum only costs one request.
 */
export const PAGE_SIZE = 1000;
const API_DEFAULT_LIMIT = 50;

/**
 * The links of a `Link` header by relation. Reads `<url>; rel="next"`, `<url>;rel=next`,
 * `<url> rel="next"` and several relations in one `rel` ("next last").
 */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
	const links: Record<string, string> = {};
	if (!header) return links;
	const entry = /<([^>]*)>([^<]*)/g;
	for (let m = entry.exec(header); m; m = entry.exec(header)) {
		const rel = /(?:^|[\s;,])rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2]);
		if (!rel) continue;
		for (const name of (rel[1] ?? rel[2]).trim().toLowerCase().split(/\s+/)) {
			if (name && !(name in links)) links[name] = m[1].trim();
		}
	}
	return links;
}

/** The `start` a link asks for; undefined when it names none. */
function startOf(link: string): number | undefined {
	try {
		const value = new URL(link, 'http://link.invalid/').searchParams.get('start');
		if (value === null || !/^\d+$/.test(value)) return undefined;
		return Number(value);
	} catch {
		return undefined;
	}
}

/** A page's rows: a JSON array, or an array under one of the usual wrapper keys. */
function rowsOf(json: unknown): unknown[] | undefined {
	if (Array.isArray(json)) return json;
	if (json && typeof json === 'object') {
		for (const key of ['items', 'data', 'results', 'value']) {
			const rows = (json as Record<string, unknown>)[key];
			if (Array.isArray(rows)) return rows;
		}
	}
	return undefined;
}

export interface PageRequest extends Omit<RestRequest, 'method' | 'query' | 'body' | 'accept'> {
	order?: 'ASC' | 'DESC';
	/** Filters sent with every page, e.g. `{ category: '/orders' }`. */
	filter?: Record<string, string>;
}

/**
 * Reads pages until Return All has them all or Limit is reached. The next page is the `start` of
 * the `next` link (only `start` is taken from it: requests stay on the credential's Base URL, so
 * the key never follows a link elsewhere); without a `Link` header, a page of another size than
 * asked is the last.
 */
export async function readPages(client: RestClient, req: PageRequest, paging: Paging, pageSize = PAGE_SIZE): Promise<unknown[]> {
	const wanted = paging.returnAll ? Infinity : Math.max(0, Math.floor(paging.limit));
	const rows: unknown[] = [];
	let start = 0;
	let size = pageSize;
	let previousFirst: string | undefined;
	while (rows.length < wanted) {
		const limit = Math.min(size, wanted - rows.length);
		const query: Record<string, string | number> = { ...req.filter, start, limit, ...(req.order ? { order: req.order } : {}) };
		const accept = limit > API_DEFAULT_LIMIT ? [400] : undefined;
		const response = await client.request({ ...req, method: 'GET', query, accept });
		if (response.status === 400) {
			size = API_DEFAULT_LIMIT;
			continue;
		}
		const page = rowsOf(response.json);
		if (!page) {
			const failure = failureNamingCall(
				(call) => `iP.1 answered with something that is not a list when asked to ${call}`,
				req.call,
				`The answer began: ${response.text.slice(0, 120) || '(empty)'}`,
			);
			throw client.error(failure, req.itemIndex, response.status);
		}
		const links = response.headers.link !== undefined ? parseLinkHeader(response.headers.link) : undefined;
		// A server that ignores start (no Link header) would send the first page again: not rows twice.
		const first = page.length > 0 ? JSON.stringify(page[0]) : undefined;
		if (!links && start > 0 && first === previousFirst) break;
		previousFirst = first;
		rows.push(...page.slice(0, wanted - rows.length));
		if (page.length === 0) break;
		if (links) {
			if (!links.next) break;
			const next = startOf(links.next) ?? start + page.length;
			if (next <= start) break;
			start = next;
		} else {
			// shorter: the last page; longer: the server ignores limit and sent everything
			if (page.length !== limit) break;
			start += page.length;
		}
	}
	return rows;
}
