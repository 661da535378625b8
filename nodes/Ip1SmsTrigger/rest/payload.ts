import type { IDataObject } from 'n8n-workflow';

import { describeStatus, isKnownStatusClass } from './statusCodes';

/**
 * Readers of iP.1's REST v2 webhooks: an incoming SMS (a message document, `direction` "mo") and a
 * delivery report (`{ id | messageId, batchId, recipient, code, … }`). Numbers may come as strings,
 * enums as names or integers; unknown extra fields are ignored.
 */

export type RestEvent = 'incomingSms' | 'deliveryReport';

export type RestReading =
	| { ok: true; event: RestEvent; item: IDataObject; dedupeKey: string }
	| { ok: false; problem: string };

type Doc = Record<string, unknown>;

function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

function numberOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value.trim());
		return Number.isFinite(parsed) ? parsed : undefined;
	}
	return undefined;
}

function integerOf(value: unknown): number | undefined {
	const parsed = numberOf(value);
	return parsed !== undefined && Number.isInteger(parsed) ? parsed : undefined;
}

/** ISO 8601 in UTC; a time without offset is read as UTC (some iP.1 documents carry none). */
function isoTime(value: unknown): string | undefined {
	const raw = text(value)?.trim();
	if (!raw || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw)) return undefined;
	const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(raw);
	const parsed = Date.parse(hasOffset ? raw : `${raw}Z`);
	return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

function latestStatusTime(doc: Doc): string | undefined {
	const statuses = doc.statuses;
	if (!Array.isArray(statuses) || statuses.length === 0) return undefined;
	const newest = statuses[0] as unknown;
	return newest !== null && typeof newest === 'object' ? isoTime((newest as Doc).created) : undefined;
}

function isIncoming(doc: Doc): boolean {
	const direction = text(doc.direction)?.trim().toLowerCase();
	if (direction === 'mo') return true;
	if (direction === 'mt') return false;
	// the portal's schema numbers `direction`; without a code, a document with a sender and a body is an incoming SMS
	return doc.code === undefined && text(doc.sender) !== undefined && 'body' in doc;
}

function readIncoming(doc: Doc, now: string): RestReading {
	const messageId = text(doc.id)?.trim();
	if (!messageId) return { ok: false, problem: 'incoming SMS without an id' };
	const sender = text(doc.sender)?.trim();
	if (!sender) return { ok: false, problem: `incoming SMS ${messageId} without a sender` };
	return {
		ok: true,
		event: 'incomingSms',
		dedupeKey: `mo:${messageId}`,
		item: {
			event: 'incomingSms',
			messageId,
			batchId: text(doc.batchId) ?? null,
			sender,
			to: text(doc.recipient) ?? '',
			text: text(doc.body) ?? '',
			segments: integerOf(doc.segments) ?? null,
			receivedAt: isoTime(doc.created) ?? latestStatusTime(doc) ?? isoTime(doc.modified) ?? now,
		},
	};
}

function readReport(doc: Doc, now: string): RestReading {
	const messageId = (text(doc.id) ?? text(doc.messageId))?.trim();
	if (!messageId) return { ok: false, problem: 'delivery report without an id or messageId' };
	const code = integerOf(doc.code);
	if (code === undefined || !isKnownStatusClass(code)) {
		return { ok: false, problem: `delivery report ${messageId} with an unreadable code` };
	}
	const { name, state } = describeStatus(code);
	return {
		ok: true,
		event: 'deliveryReport',
		dedupeKey: `dr:${messageId}:${code}`,
		item: {
			event: 'deliveryReport',
			messageId,
			batchId: text(doc.batchId) ?? null,
			// the names of the action node's message reads (recipient `to`, `statusCode`, `statusAt`)
			to: text(doc.recipient) ?? '',
			statusCode: code,
			status: name,
			state,
			statusAt: isoTime(doc.created) ?? now,
			segments: integerOf(doc.segments) ?? null,
			price: numberOf(doc.price) ?? null,
			// iP.1's examples write `sek`: ISO 4217's upper case, as the node's outputs
			currency: text(doc.currency)?.trim().toUpperCase() ?? null,
			reference: text(doc.reference) ?? null,
		},
	};
}

/** Reads one webhook body (already parsed JSON). `now` fills in a missing time. */
export function readRestPayload(body: unknown, now: string): RestReading {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return { ok: false, problem: 'the body is not a JSON object' };
	}
	const doc = body as Doc;
	if (doc.code !== undefined && doc.code !== null) return readReport(doc, now);
	if (isIncoming(doc)) return readIncoming(doc, now);
	return {
		ok: false,
		problem: 'neither an incoming SMS (direction "mo") nor a delivery report (a status code)',
	};
}
