import type { Reply } from '../reply';
import type { ErrorBody, LinkStyle } from './types';

export const JSON_TYPE = 'application/json; charset=utf-8';

const PROBLEM_TYPES: Record<number, string> = {
	400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
	402: 'https://tools.ietf.org/html/rfc9110#section-15.5.3',
	403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
	404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
	405: 'https://tools.ietf.org/html/rfc9110#section-15.5.6',
	409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
	415: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
	429: 'https://tools.ietf.org/html/rfc6585#section-4',
	500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
};

export const VALIDATION_TITLE = 'One or more validation errors occurred.';

export function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
	return { status, contentType: JSON_TYPE, body: JSON.stringify(value), headers };
}

let traceCounter = 0;

/** Field errors told in one sentence each: `Sender: The sender … is not registered.` */
function errorSentences(errors: Record<string, string[]> | undefined): string[] {
	return Object.entries(errors ?? {}).map(([field, messages]) => `${field ? `${field}: ` : ''}${messages.join(' ')}`);
}

/**
 * An error answer in the configured form: RFC 9457 problem+json as iP.1's portal documents it
 * (`type, title, status, detail, instance`; field errors told in `detail`), ASP.NET's validation
 * problem (`errors` per field, `traceId`), plain text, or nothing.
 */
export function problem(
	form: ErrorBody,
	status: number,
	title: string,
	extra: { errors?: Record<string, string[]>; detail?: string; headers?: Record<string, string>; instance?: string } = {},
): Reply {
	const headers = extra.headers;
	if (form === 'empty') return { status, contentType: '', body: '', headers };
	if (form === 'text') {
		const lines = [title, extra.detail, ...errorSentences(extra.errors).map((line) => line.replace(/^: /, ''))];
		return { status, contentType: 'text/plain; charset=utf-8', body: lines.filter(Boolean).join('\n'), headers };
	}
	const doc: Record<string, unknown> = { type: PROBLEM_TYPES[status] ?? 'about:blank', title, status };
	if (form === 'problem') {
		const detail = [extra.detail, ...errorSentences(extra.errors)].filter(Boolean).join(' ');
		if (detail) doc.detail = detail;
		if (extra.instance) doc.instance = extra.instance;
	} else {
		if (extra.detail) doc.detail = extra.detail;
		if (extra.errors) doc.errors = extra.errors;
		doc.traceId = `00-${(++traceCounter).toString(16).padStart(32, '0')}-${'0'.repeat(15)}1-00`;
	}
	return { status, contentType: 'application/problem+json; charset=utf-8', body: JSON.stringify(doc), headers };
}

/** 401 as ASP.NET's JWT bearer handler answers it: no body. */
export function unauthorized(): Reply {
	return { status: 401, contentType: '', body: '', headers: { 'WWW-Authenticate': 'Bearer' } };
}

export interface PageRequest {
	start: number;
	limit: number;
	order: 'ASC' | 'DESC';
}

/** Reads `start`, `limit`, `order`; answers the per-field errors when one is out of range. */
export function readPaging(query: URLSearchParams, maxPageSize: number): PageRequest | { errors: Record<string, string[]> } {
	const errors: Record<string, string[]> = {};
	const int = (name: string, fallback: number, min: number, max: number): number => {
		const raw = query.get(name);
		if (raw === null || raw === '') return fallback;
		const n = Number(raw);
		if (!/^[0-9]+$/.test(raw.trim()) || n < min || n > max) (errors[name[0].toUpperCase() + name.slice(1)] ??= []).push(`The value '${raw}' is not valid: ${min}–${max}.`);
		return n;
	};
	const start = int('start', 0, 0, Number.MAX_SAFE_INTEGER);
	const limit = int('limit', 50, 1, maxPageSize);
	const orderRaw = (query.get('order') ?? 'ASC').toUpperCase();
	if (orderRaw !== 'ASC' && orderRaw !== 'DESC') errors.Order = [`The value '${query.get('order')}' is not valid: ASC or DESC.`];
	if (Object.keys(errors).length) return { errors };
	return { start, limit, order: orderRaw as 'ASC' | 'DESC' };
}

/** The page's items and its `Link` header (self, first, prev, next, last). */
export function page<T>(items: T[], p: PageRequest, baseUrl: string, style: LinkStyle): { items: T[]; link: string } {
	const ordered = p.order === 'DESC' ? [...items].reverse() : items;
	const total = ordered.length;
	const at = (start: number) => `${baseUrl}?start=${start}&limit=${p.limit}&order=${p.order}`;
	const links: [string, number][] = [
		['self', p.start],
		['first', 0],
	];
	if (p.start > 0) links.push(['prev', Math.max(0, p.start - p.limit)]);
	if (p.start + p.limit < total) links.push(['next', p.start + p.limit]);
	links.push(['last', total === 0 ? 0 : Math.floor((total - 1) / p.limit) * p.limit]);
	const sep = style === 'semicolon' ? '; ' : ' ';
	return {
		items: ordered.slice(p.start, p.start + p.limit),
		link: links.map(([rel, start]) => `<${at(start)}>${sep}rel="${rel}"`).join(', '),
	};
}
