import {
	NodeApiError,
	NodeOperationError,
	sleep as n8nSleep,
	type ICredentialsDecrypted,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type JsonObject,
} from 'n8n-workflow';

import { CODE_WORDS, errorCode, isTimeout, NOT_REACHED } from '../../helpers/networkErrors';
import { redactSecret } from '../../helpers/redact';
import { describeHttpFailure, failureNamingCall, NOT_REPEATED, NOT_RESENT, type FailureText, type RequestKind } from './problems';

export const REST_CREDENTIAL_TYPE = 'ip1SmsRestApi';
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Three tries in all; the waits between them, where a 429 names no Retry-After or the failure is not a 429. */
const BACKOFF_MS = [250, 1000];
const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** A 429 asking for a longer pause than this fails at once (nothing was done) instead of holding the execution. */
export const MAX_RETRY_AFTER_MS = 30_000;

export interface RestCredentials {
	apiKey: string;
	baseUrl: string;
	/** Read once per execution and handed to n8n's request helper, which would otherwise read it for every call. */
	decrypted?: ICredentialsDecrypted;
}

/**
 * What the client needs of n8n: an action's execute() or a webhook() (Send and Wait's reply, the
 * trigger reading a conversation) both have it.
 */
export type RestContext = Pick<IExecuteFunctions, 'getNode' | 'getCredentials'> & {
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;
};

export async function getRestCredentials(ctx: RestContext): Promise<RestCredentials> {
	const raw = await ctx.getCredentials(REST_CREDENTIAL_TYPE);
	const baseUrl = String(raw.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/i.test(baseUrl)) {
		throw new NodeOperationError(ctx.getNode(), "The credential's Base URL is not an http:// or https:// address", {
			description: 'Open the iP.1 SMS REST API credential and set Base URL to e.g. https://api.ip1sms.com',
		});
	}
	const apiKey = String(raw.apiKey ?? '');
	if (!apiKey.trim()) {
		throw new NodeOperationError(ctx.getNode(), "The credential's API Key is empty", {
			description: 'Open the iP.1 SMS REST API credential and paste an API key from the iP.1 portal (Accounts → API keys)',
		});
	}
	const reference = ctx.getNode().credentials?.[REST_CREDENTIAL_TYPE];
	const decrypted: ICredentialsDecrypted | undefined = reference?.id
		? { id: reference.id, name: reference.name, type: REST_CREDENTIAL_TYPE, data: raw }
		: undefined;
	return { apiKey, baseUrl, decrypted };
}

export interface RestRequest {
	method: IHttpRequestMethods;
	/** e.g. `/v2/batches`, segments already encoded */
	path: string;
	query?: Record<string, string | number>;
	body?: unknown;
	/** What was asked, for errors: "send the messages", "read batch 5bc8…". */
	call: string;
	itemIndex: number;
	timeout?: number;
	/** Non-2xx statuses the caller reads itself (e.g. 409 on a cancel), instead of an error. */
	accept?: number[];
	/** How it may be repeated, where the method does not say (a POST that sends no message is a `write`). */
	kind?: RequestKind;
}

export interface RestResponse {
	status: number;
	/** Lower-case names. */
	headers: Record<string, string>;
	/** The body as text, with the API key removed wherever it was echoed. */
	text: string;
	/** The body parsed as JSON; undefined when empty or not JSON. */
	json?: unknown;
}

interface RawResponse {
	body: unknown;
	statusCode: number;
	statusMessage?: string;
	headers?: Record<string, unknown>;
}

export interface RestClientOptions {
	/** Tests replace the pause between attempts. */
	sleep?: (ms: number) => Promise<void>;
}

function kindOf(method: IHttpRequestMethods): RequestKind {
	if (method === 'GET' || method === 'HEAD') return 'read';
	return method === 'POST' ? 'send' : 'write';
}

function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value === undefined || value === null || typeof value === 'function') continue;
		out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return out;
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

function parseJson(text: string): unknown {
	const trimmed = text.trim();
	if (!trimmed) return undefined;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return undefined;
	}
}

/** Every string in a parsed answer, keys included, one per line: to look for the secret once. */
export function allStrings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			out.push(k);
			allStrings(v, out);
		}
	}
	return out;
}

/** Every string in a parsed answer, keys included, with the secret removed. */
export function redactDeep(value: unknown, secret: string): unknown {
	if (typeof value === 'string') return redactSecret(value, secret);
	if (Array.isArray(value)) return value.map((v) => redactDeep(v, secret));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [redactSecret(k, secret), redactDeep(v, secret)]),
		);
	}
	return value;
}

/** An answer's text and its parsed JSON (undefined when empty or not JSON), the API key removed from both. */
export function redactAnswer(rawText: string, secret: string): { text: string; json: unknown } {
	const text = redactSecret(rawText, secret);
	let json = parseJson(rawText);
	if (json === undefined) return { text, json };
	// Without a backslash every string of the JSON (key or value) stands in the raw text as written,
	// between quotes: when the text held no form of the key, neither do they (a 1,000-message read is 0.4 MB).
	if (text === rawText && !rawText.includes('\\')) return { text, json };
	// Looked for in the parsed strings: JSON may escape a key's characters (\" \\ \u00f6) in the raw text.
	const strings = allStrings(json).join('\n');
	if (redactSecret(strings, secret) !== strings) json = redactDeep(json, secret);
	return { text, json };
}

/** `Retry-After` in milliseconds: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
	if (!header) return undefined;
	const value = header.trim();
	if (/^\d+(?:\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
	const at = /[a-z]{3}/i.test(value) ? Date.parse(value) : NaN;
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

type Outcome = { response: RestResponse } | { failure: FailureText; httpCode?: number; retry: boolean; waitMs?: number };

/** One JSON API, one credential, read once: every request of an execution goes through here. */
export class RestClient {
	/** HTTP requests made so far (every attempt counts). */
	requests = 0;

	/** n8n's own wait (tests replace it): between attempts, and between the reads of a send's messages. */
	readonly pause: (ms: number) => Promise<void>;

	constructor(
		private readonly ctx: RestContext,
		readonly creds: RestCredentials,
		options: RestClientOptions = {},
	) {
		this.pause = options.sleep ?? (async (ms) => await n8nSleep(ms));
	}

	/** Removes the API key, in any form it could be echoed in. */
	redact(text: string): string {
		return redactSecret(text, this.creds.apiKey);
	}

	url(path: string, query?: RestRequest['query']): string {
		const search = new URLSearchParams();
		for (const [name, value] of Object.entries(query ?? {})) search.set(name, String(value));
		const qs = search.toString();
		return `${this.creds.baseUrl}${path}${qs ? `?${qs}` : ''}`;
	}

	/** Makes the request, repeating it only where that is safe; resolves with a 2xx (or accepted) answer. */
	async request(req: RestRequest): Promise<RestResponse> {
		const kind = req.kind ?? kindOf(req.method);
		for (let attempt = 1; ; attempt++) {
			const outcome = await this.once(req, kind);
			if ('response' in outcome) return outcome.response;
			const canRetry = outcome.retry && attempt < MAX_ATTEMPTS && (outcome.waitMs ?? 0) <= MAX_RETRY_AFTER_MS;
			if (!canRetry) throw this.error(outcome.failure, req.itemIndex, outcome.httpCode);
			await this.pause(outcome.waitMs ?? BACKOFF_MS[attempt - 1]);
		}
	}

	/** A NodeApiError built from our own words only (the helper's error holds the request, with its Authorization header). */
	error(failure: FailureText, itemIndex: number, httpCode?: number): NodeApiError {
		const message = this.redact(failure.message);
		const description = this.redact(failure.description);
		return new NodeApiError(this.ctx.getNode(), { message } as JsonObject, {
			message,
			description,
			httpCode: httpCode ? String(httpCode) : undefined,
			itemIndex,
		});
	}

	private async once(req: RestRequest, kind: RequestKind): Promise<Outcome> {
		const timeout = req.timeout ?? DEFAULT_TIMEOUT_MS;
		let raw: RawResponse;
		this.requests++;
		try {
			raw = (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx as IExecuteFunctions,
				REST_CREDENTIAL_TYPE,
				{
					method: req.method,
					url: this.url(req.path, req.query),
					headers: {
						Accept: 'application/json, application/problem+json;q=0.9, */*;q=0.1',
						...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
					},
					...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
					timeout,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					json: false,
					encoding: 'text',
					// A redirect would carry the Bearer key elsewhere, and a POST would come back as a GET.
					disableFollowRedirect: true,
				},
				this.creds.decrypted ? { credentialsDecrypted: this.creds.decrypted } : undefined,
			)) as RawResponse;
		} catch (error) {
			// e.g. no credential: not a network failure (the constructor hands the same error back)
			if (error instanceof NodeOperationError) throw new NodeOperationError(this.ctx.getNode(), error);
			return this.networkFailure(error, req, kind, timeout);
		}
		return this.read(raw, req, kind);
	}

	private read(raw: RawResponse, req: RestRequest, kind: RequestKind): Outcome {
		const status = Number(raw.statusCode);
		const headers = lowerCaseHeaders(raw.headers);
		const { text, json } = redactAnswer(bodyText(raw.body), this.creds.apiKey);
		if (kind === 'read' && status >= 200 && status < 300 && json === undefined) {
			// A read always answers JSON: an empty or cut one is a fault on the way, worth another try.
			const what = text.trim() ? 'something that is not JSON' : 'an empty reply';
			return {
				failure: failureNamingCall(
					(call) => `iP.1 answered with ${what} when asked to ${call}`,
					req.call,
					`The gateway or the network is having trouble; try again later. The answer began: ${text.slice(0, 120) || '(empty)'}`,
				),
				httpCode: status,
				retry: true,
			};
		}
		if ((status >= 200 && status < 300) || req.accept?.includes(status)) {
			return { response: { status, headers, text, json } };
		}
		if (status >= 300 && status < 400) {
			let target = '';
			try {
				target = new URL(headers.location ?? '', this.creds.baseUrl).origin;
			} catch {
				// no usable Location
			}
			return {
				failure: {
					message: `iP.1 sent the request elsewhere (HTTP ${status})`,
					description: `Nothing was done: requests are not followed to another address. Set the credential's Base URL to ${target || "iP.1's REST API address"}.`,
				},
				httpCode: status,
				retry: false,
			};
		}
		const failure = describeHttpFailure({ status, text, json }, req.call, kind);
		if (status === 429) {
			const waitMs = retryAfterMs(headers['retry-after']);
			if (waitMs !== undefined && waitMs > MAX_RETRY_AFTER_MS) {
				failure.description = `iP.1 asks to wait ${Math.ceil(waitMs / 1000)} s before the next request. Nothing was done. ${failure.description}`;
			}
			return { failure, httpCode: status, retry: true, waitMs: waitMs ?? undefined };
		}
		return { failure, httpCode: status, retry: kind === 'read' && status >= 500 };
	}

	private networkFailure(error: unknown, req: RestRequest, kind: RequestKind, timeout: number): Outcome {
		const code = errorCode(error) ?? 'UNKNOWN';
		const words = CODE_WORDS[code] ?? 'network error';
		if (NOT_REACHED.has(code)) {
			return {
				failure: {
					message: `Could not connect to iP.1 at ${this.creds.baseUrl}: ${words}`,
					description: `Nothing was sent (${code}). Check the credential's Base URL and that this n8n can reach it.`,
				},
				retry: true,
			};
		}
		const timedOut = isTimeout(code, error);
		const advice =
			kind === 'read'
				? 'The gateway or the network is having trouble; try again later.'
				: kind === 'send'
					? NOT_RESENT
					: NOT_REPEATED;
		const title = timedOut
			? (call: string) => `iP.1 did not answer within ${timeout} ms when asked to ${call}`
			: (call: string) => `The connection to iP.1 was cut when asked to ${call}: ${words}`;
		return { failure: failureNamingCall(title, req.call, `${advice} (${code})`), retry: kind === 'read' };
	}
}
