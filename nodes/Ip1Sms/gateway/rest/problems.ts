/**
 * What an HTTP error answer of the REST API says, in a short title and a description with the
 * field errors and the how-to-fix. The body may be a problem document (application/problem+json),
 * any other JSON, plain text or HTML, or nothing: the contract leaves every error body open.
 */

/** How a request may be repeated, which decides the advice after an answer that may have been acted on. */
export type RequestKind = 'read' | 'send' | 'write';

export interface HttpAnswer {
	status: number;
	/** The body as text ('' when empty). */
	text: string;
	/** The body parsed as JSON, when it is JSON. */
	json?: unknown;
}

export interface FailureText {
	message: string;
	description: string;
}

export const NOT_RESENT =
	'The messages may have reached iP.1. They were not sent again, so that nobody gets them twice: check the batch (Batch → Get Many) or the iP.1 portal before you run it again.';

export const NOT_REPEATED =
	'The change may have reached iP.1. It was not repeated: check its current state before you run it again.';

const MAX_TEXT = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneLine(text: string): string {
	const plain = text
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > MAX_TEXT ? plain.slice(0, MAX_TEXT - 1) + '…' : plain;
}

function asText(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim()) return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** `errors` of a validation problem: `{ "Sender": ["…"] }`, or a list of strings or `{ field, message }`. */
function fieldErrors(errors: unknown): string[] {
	if (Array.isArray(errors)) {
		return errors
			.map((e) => {
				if (isRecord(e)) {
					const field = asText(e.field) ?? asText(e.name) ?? asText(e.propertyName);
					const text = asText(e.message) ?? asText(e.error) ?? asText(e.errorMessage) ?? JSON.stringify(e);
					return field ? `${field}: ${text}` : text;
				}
				return asText(e);
			})
			.filter((e): e is string => Boolean(e));
	}
	if (!isRecord(errors)) return [];
	return Object.entries(errors).map(([field, messages]) => {
		const list = Array.isArray(messages) ? messages.map((m) => asText(m) ?? JSON.stringify(m)) : [asText(messages) ?? JSON.stringify(messages)];
		return `${field || 'request'}: ${list.join(' ')}`;
	});
}

/** What the body says, in plain sentences ('' when it says nothing). */
export function bodyDetail(answer: HttpAnswer): string {
	const { json } = answer;
	if (isRecord(json)) {
		const parts: string[] = [];
		const title = asText(json.title) ?? asText(json.message) ?? asText(json.Message) ?? asText(json.error);
		if (title) parts.push(title);
		const detail = asText(json.detail) ?? asText(json.error_description) ?? asText(json.description);
		if (detail && detail !== title) parts.push(detail);
		const fields = fieldErrors(json.errors ?? json.Errors);
		if (fields.length) parts.push(fields.join('; '));
		if (parts.length) return oneLine(parts.map((p) => (/[.!?…]$/.test(p) ? p : p + '.')).join(' '));
	}
	if (typeof json === 'string') return oneLine(json);
	return oneLine(answer.text);
}

function advice(status: number, kind: RequestKind, detail: string): string {
	if (status === 401) {
		return 'Check the API Key in the iP.1 SMS REST API credential: iP.1 did not accept it (wrong, revoked or from another account).';
	}
	if (status === 403) return 'The API key may not do this: check its rights in the iP.1 portal.';
	if (status === 404) return "Check the id or number you gave, and that the credential's Base URL is iP.1's REST API (e.g. https://api.ip1sms.com).";
	if (status === 409) return 'It is not in a state that allows this any more.';
	if (status === 429) return 'iP.1 limits how fast an account may call it: run it again later, or send fewer requests at once.';
	if (status >= 400 && status < 500) {
		return detail ? 'Correct the value iP.1 names and run the step again.' : "iP.1 gave no reason: check this step's fields and run it again.";
	}
	if (kind === 'send') return NOT_RESENT;
	if (kind === 'write') return NOT_REPEATED;
	return 'iP.1 is having trouble; try again later.';
}

/** The longest title that still names the call; a longer call is named in the description instead. */
const MAX_TITLE = 80;

/**
 * An error title that names the call when it stays short (`make(call)`), else `make('do this')`
 * with `asked` ("Asked to …") to open the description: a call can carry ids and numbers.
 */
export function titleNamingCall(make: (call: string) => string, call: string): { message: string; asked: string } {
	const message = make(call);
	if (message.length <= MAX_TITLE) return { message, asked: '' };
	return { message: make('do this'), asked: `Asked to ${call}.` };
}

/** A failure whose title names the call (see titleNamingCall); the description starts with "Asked to …" when the call did not fit. */
export function failureNamingCall(make: (call: string) => string, call: string, description: string): FailureText {
	const { message, asked } = titleNamingCall(make, call);
	return { message, description: [asked, description].filter(Boolean).join(' ') };
}

function title(status: number, call: string): string {
	if (status === 401) return 'iP.1 did not accept the API key';
	if (status === 403) return `iP.1 does not allow this API key to ${call}`;
	if (status === 404) return `iP.1 could not ${call}: not found`;
	if (status === 429) return `iP.1 refused to ${call} now: too many requests`;
	if (status >= 400 && status < 500) return `iP.1 refused to ${call}`;
	if (status >= 500) return `iP.1 failed to ${call}`;
	return `Unexpected answer from iP.1 when asked to ${call}`;
}

/** The error for an HTTP answer that is not a success: `call` says what was asked, e.g. "send the messages". */
export function describeHttpFailure(answer: HttpAnswer, call: string, kind: RequestKind): FailureText {
	const detail = bodyDetail(answer);
	const description = [detail, advice(answer.status, kind, detail)].filter(Boolean).join(' ');
	return failureNamingCall((what) => `${title(answer.status, what)} (HTTP ${answer.status})`, call, description);
}
