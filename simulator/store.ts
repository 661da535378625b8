/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import type {
	BundleRecord,
	DeliveryTiming,
	FaultKind,
	IncomingRecord,
	MessageRecord,
	MmsRecord,
	RequestLogEntry,
	ServiceName,
	SimulatorAccount,
} from './types';
import { MMS, SMS } from './codes';

export interface Account {
	id: string;
	key: string;
	balance: number;
	startBalance: number;
	/** the account as configured (REST keys, currency, type, …) */
	profile: SimulatorAccount;
}

export type Failure = 'gsm' | 'phone' | undefined;

export interface StoredMessage extends Omit<MessageRecord, 'status'> {
	cancelled: boolean;
	failure: Failure;
}

export interface StoredMms extends Omit<MmsRecord, 'status'> {
	failure: Failure;
}

const REQUEST_LOG_SIZE = 1000;

/** All gateway state, kept in maps by id so that no request scans all messages. */
export class Store {
	readonly accounts = new Map<string, Account>();
	readonly messages = new Map<string, StoredMessage>();
	readonly bundles = new Map<string, BundleRecord>();
	readonly mms = new Map<string, StoredMms>();
	readonly incoming = new Map<string, IncomingRecord>();
	calls: Record<string, number> = {};
	requests: RequestLogEntry[] = [];
	requestCount = 0;
	accepted = 0;
	private nextId = 1000;

	constructor(
		accounts: SimulatorAccount[],
		readonly delivery: DeliveryTiming,
		readonly failSuffixes: { gsm: string; phone: string },
	) {
		for (const a of accounts) {
			this.accounts.set(a.id, { id: a.id, key: a.key, balance: a.balance, startBalance: a.balance, profile: a });
		}
	}

	reset(): void {
		for (const a of this.accounts.values()) a.balance = a.startBalance;
		this.messages.clear();
		this.bundles.clear();
		this.mms.clear();
		this.incoming.clear();
		this.calls = {};
		this.requests = [];
		this.requestCount = 0;
		this.accepted = 0;
		this.nextId = 1000;
	}

	newId(): string {
		return String(this.nextId++);
	}

	/** Account ids are compared as given; keys exactly. */
	authenticate(id: string, key: string): Account | undefined {
		const account = this.accounts.get(id.trim());
		return account && account.key === key ? account : undefined;
	}

	failureFor(number: string): Failure {
		const { gsm, phone } = this.failSuffixes;
		if (gsm && number.endsWith(gsm)) return 'gsm';
		if (phone && number.endsWith(phone)) return 'phone';
		return undefined;
	}

	logRequest(service: ServiceName, operation: string, soapVersion?: '1.1' | '1.2', faulted?: FaultKind): RequestLogEntry {
		const key = service === 'sms' ? operation : service === 'mms' ? `mms.${operation}` : service === 'rest' ? `rest ${operation}` : operation;
		this.calls[key] = (this.calls[key] ?? 0) + 1;
		this.requestCount++;
		const entry: RequestLogEntry = { at: Date.now(), service, operation };
		if (soapVersion) entry.soapVersion = soapVersion;
		if (faulted) entry.faulted = faulted;
		this.requests.push(entry);
		if (this.requests.length > REQUEST_LOG_SIZE * 2) this.requests = this.requests.slice(-REQUEST_LOG_SIZE);
		return entry;
	}

	/** The delivery clock: 0 (at gateway) → 21 (GSM network) → 22 (phone), or 51/52 for scripted failures. */
	smsStatus(m: StoredMessage, now = Date.now()): number {
		if (m.cancelled) return SMS.cancelled;
		let start = m.acceptedAt;
		if (m.sendAt !== undefined) {
			if (now < m.sendAt * 1000) return SMS.scheduled;
			start = Math.max(start, m.sendAt * 1000);
		}
		return this.progress(start, now, m.failure, SMS);
	}

	mmsStatus(m: StoredMms, now = Date.now()): number {
		return this.progress(m.acceptedAt, now, m.failure, MMS);
	}

	isPending(m: StoredMessage, now = Date.now()): boolean {
		return !m.cancelled && m.sendAt !== undefined && now < m.sendAt * 1000;
	}

	private progress(
		start: number,
		now: number,
		failure: Failure,
		codes: { atGateway: number; toNetwork: number; delivered: number; gsmFailed: number; phoneFailed: number },
	): number {
		const elapsed = now - start;
		const timing = this.delivery === 'instant' ? { toNetworkMs: 0, toPhoneMs: 0 } : this.delivery;
		if (elapsed < timing.toNetworkMs) return codes.atGateway;
		if (failure === 'gsm') return codes.gsmFailed;
		if (elapsed < timing.toNetworkMs + timing.toPhoneMs) return codes.toNetwork;
		return failure === 'phone' ? codes.phoneFailed : codes.delivered;
	}

	messageRecord(m: StoredMessage, now = Date.now()): MessageRecord {
		const { cancelled, failure, ...rest } = m;
		return { ...rest, status: this.smsStatus(m, now) };
	}

	mmsRecord(m: StoredMms, now = Date.now()): MmsRecord {
		const { failure, ...rest } = m;
		return { ...rest, files: rest.files.map((f) => ({ ...f })), status: this.mmsStatus(m, now) };
	}
}
