import { isValidNumber } from '../rules';
import { currentStatus, isFinal, reached } from './life';
import type { RestBatch, RestMessage } from './store';
import type { EnumCase, ReportIdKey, RestStatus } from './types';

/** How the enums and the currency are written in an answer (the `enumCase` switch). */
export interface WireEnums {
	direction(d: 'mt' | 'mo'): string | number;
	type(t: 'sms' | 'flash'): string | number;
	datacoding(c: 'gsm' | 'ucs'): string | number;
	currency(c: string): string;
}

const ENUMS: Record<EnumCase, WireEnums> = {
	lower: { direction: (d) => d, type: (t) => t, datacoding: (c) => c, currency: (c) => c },
	// as iP.1's own examples write them: "MT", "SMS" but "flash", "GSM", currency "sek"
	vendor: { direction: (d) => d.toUpperCase(), type: (t) => (t === 'sms' ? 'SMS' : t), datacoding: (c) => c.toUpperCase(), currency: (c) => c.toLowerCase() },
	// the portal's schema
	integer: { direction: (d) => (d === 'mt' ? 0 : 1), type: (t) => (t === 'flash' ? 0 : 1), datacoding: (c) => (c === 'gsm' ? 0 : 2), currency: (c) => c },
};

export function wireEnums(style: EnumCase = 'lower'): WireEnums {
	return ENUMS[style];
}

/** ISO 8601 in UTC without milliseconds, as iP.1 writes times. */
export function iso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function round4(n: number): number {
	return Math.round(n * 10_000) / 10_000;
}

const MCC: [string, string][] = [
	['46', '240'],
	['47', '242'],
	['45', '238'],
	['358', '244'],
	['354', '274'],
	['49', '262'],
	['44', '234'],
	['1', '310'],
];

function network(number: string): { mcc: string | null; mnc: string | null } {
	const hit = isValidNumber(number) ? MCC.find(([prefix]) => number.startsWith(prefix)) : undefined;
	return hit ? { mcc: hit[1], mnc: '01' } : { mcc: null, mnc: null };
}

function statusDocument(s: RestStatus) {
	return { code: s.code, duration: isFinal(s.code) ? 1 : 0, created: iso(s.at) };
}

/** The message document; `history`: the whole status history (newest first), else only the latest. */
export function messageDocument(m: RestMessage, now: number, history: boolean, enums: WireEnums = ENUMS.lower) {
	const statuses = history ? reached(m.plan, now).reverse() : [currentStatus(m.plan, now)];
	return {
		id: m.id,
		batchId: m.batchId,
		owner: m.account,
		sender: m.sender,
		recipient: m.recipient,
		body: m.body,
		direction: enums.direction(m.direction),
		segments: m.segments,
		type: enums.type(m.type),
		datacoding: enums.datacoding(m.datacoding),
		priority: m.priority,
		price: m.price,
		currency: enums.currency(m.currency),
		reference: m.reference,
		...network(m.direction === 'mt' ? m.recipient : m.sender),
		modified: iso(statuses[0].at),
		statuses: statuses.map(statusDocument),
	};
}

/** code → { messages, sms } over the messages' latest statuses. */
export function statusSummary(messages: RestMessage[], now: number): Record<string, { messages: number; sms: number }> {
	const out: Record<string, { messages: number; sms: number }> = {};
	for (const m of messages) {
		const code = String(currentStatus(m.plan, now).code);
		const entry = (out[code] ??= { messages: 0, sms: 0 });
		entry.messages++;
		entry.sms += m.segments;
	}
	return out;
}

/** The code most of the messages have now (ties: the lower code); iP.1 does not say what its batch `status` means. */
function batchStatus(messages: RestMessage[], now: number): number | undefined {
	const counts = Object.entries(statusSummary(messages, now)).sort(([a, x], [b, y]) => y.messages - x.messages || Number(a) - Number(b));
	return counts.length ? Number(counts[0][0]) : undefined;
}

/**
 * The batch document; `summaries` adds priceSummary and messageSummary (not in lists); `form.status`
 * the batch-level `status` (the `batchStatus` switch).
 */
export function batchDocument(
	b: RestBatch,
	messages: RestMessage[],
	now: number,
	summaries: boolean,
	form: { enums?: WireEnums; status?: boolean } = {},
) {
	const enums = form.enums ?? ENUMS.lower;
	const doc: Record<string, unknown> = {
		id: b.id,
		sender: b.sender,
		body: b.body,
		owner: b.account,
		direction: enums.direction('mt'),
		type: enums.type(b.type),
		datacoding: enums.datacoding(b.datacoding),
		priority: b.priority,
		templated: b.templated,
	};
	if (form.status) {
		const status = batchStatus(messages, now);
		if (status !== undefined) doc.status = status;
	}
	if (summaries) {
		const total = round4(messages.reduce((sum, m) => sum + m.price, 0));
		doc.priceSummary = { total, currency: enums.currency(b.currency), average: messages.length ? round4(total / messages.length) : 0 };
		doc.messageSummary = statusSummary(messages, now);
	}
	return Object.assign(doc, {
		deliveryWindows: b.deliveryWindows.map((w) => ({ opens: iso(w.opens), closes: iso(w.closes) })),
		deliveryReportUrl: b.deliveryReportUrl,
		reference: b.reference,
		tags: [...b.tags],
		created: iso(b.created),
	});
}

/** One delivery report: a status change of one message. */
export function deliveryReport(m: RestMessage, s: RestStatus, idKey: ReportIdKey, enums: WireEnums = ENUMS.lower): Record<string, unknown> {
	const ids = idKey === 'id' ? { id: m.id } : idKey === 'messageId' ? { messageId: m.id } : { id: m.id, messageId: m.id };
	return {
		...ids,
		batchId: m.batchId,
		recipient: m.recipient,
		code: s.code,
		duration: isFinal(s.code) ? 1 : 0,
		created: iso(s.at),
		segments: m.segments,
		price: m.price,
		currency: enums.currency(m.currency),
		reference: m.reference,
	};
}
