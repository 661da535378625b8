import type { SendRequest } from '../types';

/** A placeholder: `{key}`; keys are case-sensitive and taken as written between the braces. */
const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * The text one recipient gets, filled as the REST API fills it: the recipient's value, else the
 * `default` value, else the placeholder stays as written.
 */
export function render(text: string, values: Record<string, string> | undefined, defaults?: Record<string, string>): string {
	const parts = templateParts(text);
	let out = parts[0];
	for (let i = 1; i < parts.length; i += 2) {
		const key = parts[i];
		if (values && Object.prototype.hasOwnProperty.call(values, key)) out += values[key];
		else if (defaults && Object.prototype.hasOwnProperty.call(defaults, key)) out += defaults[key];
		else out += `{${key}}`;
		out += parts[i + 1];
	}
	return out;
}

/** The last text split: text, key, text, key … text (Combine renders one text for every item). */
let lastTemplate: { text: string; parts: string[] } | undefined;

function templateParts(text: string): string[] {
	if (lastTemplate?.text !== text) {
		const parts: string[] = [];
		let at = 0;
		for (const match of text.matchAll(PLACEHOLDER)) {
			parts.push(text.slice(at, match.index), match[1]);
			at = (match.index ?? 0) + match[0].length;
		}
		parts.push(text.slice(at));
		lastTemplate = { text, parts };
	}
	return lastTemplate.parts;
}

function hasKeys(values: Record<string, string> | undefined): boolean {
	return values !== undefined && Object.keys(values).length > 0;
}

/** Whether the send needs the recipients object (some recipient or the defaults carry template values). */
export function isTemplated(request: SendRequest): boolean {
	return hasKeys(request.defaults) || request.recipients.some((r) => hasKeys(r.values));
}

/**
 * In a templated send every number is a key of one object: a number listed twice cannot be sent
 * in one request. Returns the recipient that repeats, if any.
 */
export function repeatedTemplatedRecipient(request: SendRequest): SendRequest['recipients'][number] | undefined {
	if (!isTemplated(request)) return undefined;
	const seen = new Set<string>();
	for (const recipient of request.recipients) {
		if (seen.has(recipient.to)) return recipient;
		seen.add(recipient.to);
	}
	return undefined;
}

/** The JSON body of `POST /v2/batches`. Unset options are left out. */
export function batchBody(request: SendRequest): Record<string, unknown> {
	let recipients: unknown;
	if (isTemplated(request)) {
		const object: Record<string, Record<string, string>> = {};
		for (const recipient of request.recipients) object[recipient.to] = { ...(recipient.values ?? {}) };
		if (hasKeys(request.defaults)) object.default = { ...request.defaults };
		recipients = object;
	} else {
		recipients = request.recipients.map((r) => r.to);
	}
	return {
		sender: request.sender,
		recipients,
		body: request.text,
		type: request.type,
		...(request.characterSet ? { datacoding: request.characterSet === 'gsm' ? 'gsm' : 'ucs' } : {}),
		priority: request.priority,
		...(request.sendAt ? { deliveryWindows: [{ opens: request.sendAt.iso }] } : {}),
		...(request.deliveryReportUrl ? { deliveryReportUrl: request.deliveryReportUrl } : {}),
		...(request.reference ? { reference: request.reference } : {}),
		...(request.tags && request.tags.length > 0 ? { tags: [...request.tags] } : {}),
	};
}
