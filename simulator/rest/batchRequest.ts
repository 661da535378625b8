import { isValidSender } from '../rules';
import { fitsGsm, renderTemplate } from './text';

export type FieldErrors = Record<string, string[]>;

export interface DraftMessage {
	recipient: string;
	text: string;
}

export interface BatchRequest {
	sender: string;
	body: string;
	type: 'sms' | 'flash';
	datacoding: 'gsm' | 'ucs';
	priority: number;
	templated: boolean;
	drafts: DraftMessage[];
	/** epoch milliseconds, sorted by opens */
	deliveryWindows: { opens: number; closes: number }[];
	deliveryReportUrl: string | null;
	reference: string | null;
	tags: string[];
}

const MAX_BODY = 2000;
const FIELDS = ['sender', 'recipients', 'body', 'type', 'datacoding', 'priority', 'deliveryWindows', 'deliveryReportUrl', 'reference', 'tags'];
const WEEK_MS = 7 * 24 * 3600 * 1000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** `null` and `[]` mean "not given", as the sample client sends them. */
function given(v: unknown): boolean {
	return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

/** An enum in any letter case, or one of its integer forms (also as a digit string). */
function readEnum<T extends string>(v: unknown, names: readonly T[], integers: Record<number, T>): T | undefined {
	if (typeof v === 'number') return integers[v];
	if (typeof v !== 'string') return undefined;
	const t = v.trim();
	if (/^[0-9]+$/.test(t)) return integers[Number(t)];
	return names.find((n) => n === t.toLowerCase());
}

/** ISO 8601; without an offset it is read as UTC. */
export function readIsoTime(v: unknown): number | undefined {
	if (typeof v !== 'string' || !ISO_TIME.test(v.trim())) return undefined;
	const t = v.trim();
	const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(t) ? t : `${t}Z`);
	return Number.isFinite(ms) ? ms : undefined;
}

function scalarText(v: unknown): string | undefined {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return undefined;
}

function readValues(v: unknown, field: string, errors: FieldErrors): Record<string, string> {
	if (v === null || v === undefined) return {};
	if (typeof v !== 'object' || Array.isArray(v)) {
		add(errors, field, 'The template values must be an object of key → text.');
		return {};
	}
	const out: Record<string, string> = {};
	for (const [k, val] of Object.entries(v)) {
		const text = val === null ? '' : scalarText(val);
		if (text === undefined) add(errors, `${field}.${k}`, 'A template value must be text or a number.');
		else out[k] = text;
	}
	return out;
}

/**
 * The known fields by their camelCase names, whatever the letter case they came in (iP.1's C# sample
 * posts PascalCase, as ASP.NET reads any case); the exact name wins over another case of it.
 */
function byName(raw: Record<string, unknown>, names: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
	for (const [key, value] of Object.entries(raw)) {
		const name = lower.get(key.toLowerCase());
		if (name && (key === name || !(name in out))) out[name] = value;
	}
	return out;
}

function add(errors: FieldErrors, field: string, message: string): void {
	(errors[field] ??= []).push(message);
}

/** Reads and checks a `POST /v2/batches` body; per-field errors in ASP.NET's PascalCase names. */
export function readBatchRequest(
	raw: unknown,
	limits: { maxRecipients: number; maxReference: number; now: number },
	senderAllowed: (sender: string) => string | undefined,
): { request: BatchRequest } | { errors: FieldErrors } {
	const errors: FieldErrors = {};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return { errors: { $: ['The request body must be a JSON object.'] } };
	}
	const r = byName(raw as Record<string, unknown>, FIELDS);

	const sender = typeof r.sender === 'string' ? r.sender.trim() : '';
	if (!given(r.sender) || sender === '') add(errors, 'Sender', 'The Sender field is required.');
	else if (typeof r.sender !== 'string' || !isValidSender(sender)) add(errors, 'Sender', 'The sender must be 3–11 letters or digits, or a number of at most 15 digits.');
	else {
		const refusal = senderAllowed(sender);
		if (refusal) add(errors, 'Sender', refusal);
	}

	const body = typeof r.body === 'string' ? r.body : '';
	if (!given(r.body) || (typeof r.body === 'string' && body.trim() === '')) add(errors, 'Body', 'The Body field is required.');
	else if (typeof r.body !== 'string') add(errors, 'Body', 'The body must be text.');
	else if (body.length > MAX_BODY) add(errors, 'Body', `The body may hold at most ${MAX_BODY} characters.`);

	const type = given(r.type) ? readEnum(r.type, ['sms', 'flash'] as const, { 0: 'flash', 1: 'sms' }) : 'sms';
	if (!type) add(errors, 'Type', `The value ${JSON.stringify(r.type)} is not valid for Type: sms or flash.`);
	const datacoding = given(r.datacoding) ? readEnum(r.datacoding, ['gsm', 'ucs'] as const, { 0: 'gsm', 2: 'ucs' }) : 'ucs';
	if (!datacoding) add(errors, 'Datacoding', `The value ${JSON.stringify(r.datacoding)} is not valid for Datacoding: gsm or ucs.`);
	const priority = given(r.priority) ? r.priority : 1;
	if (priority !== 1 && priority !== 2) add(errors, 'Priority', 'The priority must be 1 or 2.');

	// recipients: a list of numbers, or number → template values plus "default"
	let templated = false;
	const drafts: DraftMessage[] = [];
	let defaults: Record<string, string> = {};
	const entries: { recipient: string; values: Record<string, string> }[] = [];
	if (!given(r.recipients)) add(errors, 'Recipients', 'The Recipients field is required.');
	else if (Array.isArray(r.recipients)) {
		r.recipients.forEach((n, i) => {
			const text = typeof n === 'number' ? String(n) : typeof n === 'string' ? n.trim() : undefined;
			if (text === undefined) add(errors, `Recipients[${i}]`, 'A recipient must be a phone number.');
			else entries.push({ recipient: text, values: {} });
		});
	} else if (typeof r.recipients === 'object') {
		templated = true;
		for (const [number, values] of Object.entries(r.recipients as Record<string, unknown>)) {
			if (number === 'default') defaults = readValues(values, 'Recipients.default', errors);
			else entries.push({ recipient: number.trim(), values: readValues(values, `Recipients.${number}`, errors) });
		}
		if (entries.length === 0) add(errors, 'Recipients', 'At least one recipient is required.');
	} else add(errors, 'Recipients', 'Recipients must be a list of phone numbers or an object of number → template values.');
	if (entries.length > limits.maxRecipients) add(errors, 'Recipients', `At most ${limits.maxRecipients} recipients per batch.`);

	if (typeof r.body === 'string' && body.trim() !== '') {
		for (const e of entries) drafts.push({ recipient: e.recipient, text: templated ? renderTemplate(body, e.values, defaults) : body });
		if (datacoding === 'gsm' && drafts.some((d) => !fitsGsm(d.text))) {
			add(errors, 'Datacoding', 'The body holds characters outside GSM 03.38: send it with datacoding ucs.');
		}
	}

	const deliveryWindows: BatchRequest['deliveryWindows'] = [];
	if (given(r.deliveryWindows)) {
		if (!Array.isArray(r.deliveryWindows)) add(errors, 'DeliveryWindows', 'DeliveryWindows must be a list of { opens, closes }.');
		else {
			r.deliveryWindows.forEach((w, i) => {
				const field = `DeliveryWindows[${i}]`;
				const window = typeof w === 'object' && w !== null ? byName(w as Record<string, unknown>, ['opens', 'closes']) : {};
				const opens = readIsoTime(window.opens);
				const closesRaw = window.closes;
				const closes = given(closesRaw) ? readIsoTime(closesRaw) : opens !== undefined ? opens + WEEK_MS : undefined;
				if (opens === undefined) add(errors, `${field}.Opens`, 'Opens must be an ISO 8601 time.');
				else if (closes === undefined) add(errors, `${field}.Closes`, 'Closes must be an ISO 8601 time.');
				else if (closes <= opens) add(errors, `${field}.Closes`, 'Closes must be after Opens.');
				else deliveryWindows.push({ opens, closes });
			});
			deliveryWindows.sort((a, b) => a.opens - b.opens);
			if (deliveryWindows.length && deliveryWindows.every((w) => w.closes <= limits.now)) {
				add(errors, 'DeliveryWindows', 'Every delivery window has already closed.');
			}
		}
	}

	let deliveryReportUrl: string | null = null;
	if (given(r.deliveryReportUrl)) {
		if (typeof r.deliveryReportUrl !== 'string' || !/^https?:\/\/[^\s/]+/i.test(r.deliveryReportUrl.trim())) {
			add(errors, 'DeliveryReportUrl', 'DeliveryReportUrl must be an absolute http(s) URL.');
		} else deliveryReportUrl = r.deliveryReportUrl.trim();
	}

	let reference: string | null = null;
	if (given(r.reference)) {
		if (typeof r.reference !== 'string') add(errors, 'Reference', 'Reference must be text.');
		else if (r.reference.length > limits.maxReference) add(errors, 'Reference', `The field Reference must be a string with a maximum length of ${limits.maxReference}.`);
		else reference = r.reference;
	}

	let tags: string[] = [];
	if (given(r.tags)) {
		if (!Array.isArray(r.tags) || r.tags.some((t) => typeof t !== 'string')) add(errors, 'Tags', 'Tags must be a list of strings.');
		else tags = [...(r.tags as string[])];
	}

	if (Object.keys(errors).length) return { errors };
	return {
		request: {
			sender,
			body,
			type: type!,
			datacoding: datacoding!,
			priority: priority as number,
			templated,
			drafts,
			deliveryWindows,
			deliveryReportUrl,
			reference,
			tags,
		},
	};
}
