import type { IDataObject } from 'n8n-workflow';

import {
	bytesToBinaryString,
	parseRawQuery,
	rawQueryOf,
	type QueryPair,
	type TextEncodingOption,
	type UsedEncoding,
} from './rawQuery';

/** What the trigger reads from n8n's (Express) request. */
export interface CallbackRequestLike {
	method?: string;
	url?: string;
	originalUrl?: string;
	headers?: Record<string, string | string[] | undefined>;
	/** the unparsed body n8n keeps for POST requests */
	rawBody?: ArrayLike<number>;
}

export const GATEWAY_FIELDS = ['incsmsid', 'sender', 'text', 'to'] as const;
export type GatewayField = (typeof GATEWAY_FIELDS)[number];

export interface CallbackFields {
	/** the gateway's fields, by lower-case name; a repeated field keeps its last value */
	fields: Partial<Record<GatewayField, { value: string; encoding: UsedEncoding }>>;
	/** the secret parameter's value, when a secret parameter name was given and present */
	secret?: string;
	/** every other parameter; a repeated name gives an array */
	query: IDataObject;
	rawQuery: string;
}

function isFormBody(req: CallbackRequestLike): boolean {
	const contentType = req.headers?.['content-type'];
	const value = Array.isArray(contentType) ? contentType[0] : contentType;
	return (value ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** Pairs from an already parsed body (JSON, or a form n8n parsed without keeping its bytes). */
function parsedBodyPairs(body: unknown): QueryPair[] {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
	const pairs: QueryPair[] = [];
	for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
		const values = Array.isArray(value) ? value : [value];
		for (const single of values) {
			if (typeof single === 'string' || typeof single === 'number' || typeof single === 'boolean') {
				pairs.push({ key, value: String(single), encoding: 'utf-8' });
			}
		}
	}
	return pairs;
}

/** The parameters of a callback: the raw query, then (for POST) the form body, decoded by hand. */
export function readCallbackPairs(
	req: CallbackRequestLike,
	parsedBody: unknown,
	encoding: TextEncodingOption,
): { pairs: QueryPair[]; rawQuery: string } {
	const rawQuery = rawQueryOf(req.originalUrl ?? req.url ?? '');
	const pairs = parseRawQuery(rawQuery, encoding);
	if ((req.method ?? 'GET').toUpperCase() !== 'GET') {
		if (isFormBody(req) && req.rawBody && req.rawBody.length > 0) {
			pairs.push(...parseRawQuery(bytesToBinaryString(req.rawBody), encoding));
		} else {
			pairs.push(...parsedBodyPairs(parsedBody));
		}
	}
	return { pairs, rawQuery };
}

export function sortCallbackPairs(
	pairs: QueryPair[],
	rawQuery: string,
	secretParameterName: string | undefined,
): CallbackFields {
	const result: CallbackFields = { fields: {}, query: {}, rawQuery };
	const others = new Map<string, string[]>();
	for (const pair of pairs) {
		const lower = pair.key.toLowerCase() as GatewayField;
		if ((GATEWAY_FIELDS as readonly string[]).includes(lower)) {
			result.fields[lower] = { value: pair.value, encoding: pair.encoding };
		} else if (secretParameterName !== undefined && pair.key === secretParameterName) {
			result.secret = pair.value;
		} else {
			const values = others.get(pair.key);
			if (values) values.push(pair.value);
			else others.set(pair.key, [pair.value]);
		}
	}
	// fromEntries defines own properties, so a parameter named `__proto__` stays a plain field
	result.query = Object.fromEntries(
		[...others].map(([key, values]) => [key, values.length === 1 ? values[0] : values]),
	);
	return result;
}
