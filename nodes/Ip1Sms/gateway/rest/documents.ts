/**
 * Reading the REST API's JSON documents into the neutral types. Tolerant by design (the contract's
 * unknowns): any letter case of a field name, enums as words in any case or as the portal's
 * integers, dates with or without an offset (without one they are UTC), ids as strings.
 */
import type { Balance, BatchInfo, BlacklistEntry, ConversationSummary, MessageInfo, MessageStatus, Sender } from '../types';
import { restStatus } from './statuses';

export type Doc = Record<string, unknown>;

export function isDoc(value: unknown): value is Doc {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field by name in any letter case (`/api/me` is PascalCase, `/v2` camelCase). */
export function field(doc: Doc, name: string): unknown {
	if (name in doc) return doc[name];
	const lower = name.toLowerCase();
	for (const key of Object.keys(doc)) if (key.toLowerCase() === lower) return doc[key];
	return undefined;
}

export function str(doc: Doc, name: string): string | undefined {
	const value = field(doc, name);
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'bigint') return String(value);
	return undefined;
}

export function num(doc: Doc, name: string): number | undefined {
	const value = field(doc, name);
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return undefined;
}

/** A currency code as ISO 4217 writes it: iP.1's examples write `sek` as often as `SEK`. */
function currency(doc: Doc, name: string): string | undefined {
	return str(doc, name)?.trim().toUpperCase();
}

/** Times read lately: the messages of one batch share a few timestamps. */
const recentTimes = new Map<string, string>();

/** ISO 8601 in UTC; a time without an offset is UTC. An unreadable value is kept as written. */
export function isoUtc(value: unknown): string | undefined {
	if (typeof value !== 'string' || !value.trim()) return undefined;
	let iso = recentTimes.get(value);
	if (iso === undefined) {
		if (recentTimes.size >= 256) recentTimes.clear();
		iso = readTime(value.trim());
		recentTimes.set(value, iso);
	}
	return iso;
}

function readTime(text: string): string {
	const hasOffset = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/.test(text) && /T|\s\d/.test(text);
	const ms = Date.parse(hasOffset || !/\d{2}:\d{2}/.test(text) ? text : text.replace(' ', 'T') + 'Z');
	return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

function words(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}

export function readType(value: unknown): 'sms' | 'flash' | undefined {
	const w = words(value);
	if (w === 'sms' || w === '1') return 'sms';
	if (w === 'flash' || w === '0') return 'flash';
	return undefined;
}

export function readCharacterSet(value: unknown): 'gsm' | 'ucs2' | undefined {
	const w = words(value);
	if (w === 'gsm' || w === '0') return 'gsm';
	if (w === 'ucs' || w === 'ucs2' || w === 'ucs-2' || w === '2') return 'ucs2';
	return undefined;
}

/** mt / mo in any case; the portal's integers are read as 0 = mt, 1 = mo. */
export function readDirection(value: unknown): 'outgoing' | 'incoming' | undefined {
	const w = words(value);
	if (w === 'mt' || w === '0' || w === 'outgoing') return 'outgoing';
	if (w === 'mo' || w === '1' || w === 'incoming') return 'incoming';
	return undefined;
}

/** A status entry `{ code, created }`, or a bare code. */
function readStatus(entry: unknown): MessageStatus | undefined {
	if (typeof entry === 'number' || (typeof entry === 'string' && /^\d+$/.test(entry))) return restStatus(Number(entry));
	if (!isDoc(entry)) return undefined;
	const code = num(entry, 'code') ?? num(entry, 'status');
	if (code === undefined) return undefined;
	return restStatus(code, isoUtc(field(entry, 'created') ?? field(entry, 'modified')));
}

/** The status history, newest first (sorted by time when every entry has one). */
export function readHistory(doc: Doc): MessageStatus[] {
	const raw = field(doc, 'statuses');
	const list = (Array.isArray(raw) ? raw : []).map(readStatus).filter((s): s is MessageStatus => s !== undefined);
	if (list.length === 0) {
		const single = readStatus(field(doc, 'status') ?? field(doc, 'code'));
		if (single) list.push(single.at ? single : { ...single, ...(isoUtc(field(doc, 'modified')) ? { at: isoUtc(field(doc, 'modified')) } : {}) });
	}
	// each time parsed once (a 1,000-message read has thousands of entries)
	const times = list.map((s) => (s.at ? Date.parse(s.at) : NaN));
	if (times.every((t) => !Number.isNaN(t))) {
		return list
			.map((s, i) => ({ s, i, t: times[i] }))
			.sort((a, b) => b.t - a.t || a.i - b.i)
			.map(({ s }) => s);
	}
	return list;
}

const NO_STATUS: MessageStatus = {
	code: 0,
	name: 'Unknown',
	description: 'iP.1 gave no status for this message',
	state: 'pending',
};

function omitUndefined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function readMessage(doc: Doc): MessageInfo {
	const history = readHistory(doc);
	return omitUndefined<MessageInfo>({
		messageId: str(doc, 'id') ?? str(doc, 'messageId') ?? '',
		batchId: str(doc, 'batchId'),
		to: str(doc, 'recipient'),
		from: str(doc, 'sender'),
		text: str(doc, 'body'),
		segments: num(doc, 'segments'),
		price: num(doc, 'price'),
		currency: currency(doc, 'currency'),
		reference: str(doc, 'reference') ?? undefined,
		status: history[0] ?? NO_STATUS,
		history,
		direction: readDirection(field(doc, 'direction')),
	});
}

function counts(value: unknown): Record<string, { messages: number; segments: number }> {
	const out: Record<string, { messages: number; segments: number }> = {};
	if (!isDoc(value)) return out;
	for (const [code, entry] of Object.entries(value)) {
		if (isDoc(entry)) out[code] = { messages: num(entry, 'messages') ?? 0, segments: num(entry, 'sms') ?? num(entry, 'segments') ?? 0 };
		else if (typeof entry === 'number') out[code] = { messages: entry, segments: 0 };
	}
	return out;
}

export function readBatch(doc: Doc): BatchInfo {
	const windows = field(doc, 'deliveryWindows');
	const firstWindow = Array.isArray(windows) && isDoc(windows[0]) ? windows[0] : undefined;
	const price = field(doc, 'priceSummary');
	const tags = field(doc, 'tags');
	const summary = field(doc, 'messageSummary');
	return omitUndefined<BatchInfo>({
		batchId: str(doc, 'id') ?? str(doc, 'batchId') ?? '',
		from: str(doc, 'sender'),
		text: str(doc, 'body'),
		type: readType(field(doc, 'type')),
		characterSet: readCharacterSet(field(doc, 'datacoding')),
		priority: num(doc, 'priority'),
		createdAt: isoUtc(field(doc, 'created')),
		sendAt: firstWindow ? isoUtc(field(firstWindow, 'opens')) : undefined,
		reference: str(doc, 'reference'),
		tags: Array.isArray(tags) ? tags.map(String) : undefined,
		deliveryReportUrl: str(doc, 'deliveryReportUrl'),
		price:
			isDoc(price) && num(price, 'total') !== undefined
				? omitUndefined({ total: num(price, 'total') as number, average: num(price, 'average'), currency: currency(price, 'currency') ?? '' })
				: undefined,
		statusCounts: isDoc(summary) ? counts(summary) : undefined,
		statusCode: num(doc, 'status'),
	});
}

export function readSender(doc: Doc, fallback = ''): Sender {
	return omitUndefined<Sender>({ sender: str(doc, 'sender') ?? str(doc, 'name') ?? fallback, createdAt: isoUtc(field(doc, 'created')) });
}

export function readBlacklistEntry(doc: Doc, fallback = ''): BlacklistEntry {
	return omitUndefined<BlacklistEntry>({
		phoneNumber: str(doc, 'msisdn') ?? str(doc, 'phoneNumber') ?? fallback,
		createdAt: isoUtc(field(doc, 'created')),
	});
}

export function readSummary(doc: Doc, participant: string): ConversationSummary {
	return {
		participant: str(doc, 'participant') ?? participant,
		totalMessages: num(doc, 'totalMessageCount') ?? 0,
		totalSegments: num(doc, 'totalSmsCount') ?? 0,
		outgoing: counts(field(doc, 'mobileTerminatedMessages')),
		incoming: counts(field(doc, 'mobileOriginatedMessages')),
	};
}

export function readBalance(doc: Doc): Balance | undefined {
	const balance = num(doc, 'Balance');
	if (balance === undefined) return undefined;
	return omitUndefined<Balance>({
		balance,
		currency: currency(doc, 'Currency'),
		accountType: str(doc, 'Type'),
		accountId: str(doc, 'Account') ?? str(doc, 'ID'),
	});
}
