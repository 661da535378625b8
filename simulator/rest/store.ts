/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { randomBytes } from 'node:crypto';
import type { Account } from '../store';
import type { SimulatorAccount } from '../types';
import { CrmStore } from './crmStore';
import type { RestBatchFields, RestMessageFields, RestStatus, WebhookRecord } from './types';

export interface RestMessage extends RestMessageFields {
	created: number;
	/** every status it will reach, time ascending (cut short by a cancel) */
	plan: RestStatus[];
	/** plan entries already handed to the delivery-report sender */
	reported: number;
	reportTimer?: NodeJS.Timeout;
	reporting?: boolean;
}

export interface RestBatch extends RestBatchFields {
	/** epoch milliseconds, sorted by opens */
	deliveryWindows: { opens: number; closes: number }[];
}

export interface Listed {
	/** the name as registered (senders) or the number (blacklist) */
	name: string;
	created: number;
}

/** What one account holds on the REST side. */
export interface RestAccount {
	account: Account;
	currency: 'SEK' | 'EUR';
	type: 'Swedish' | 'international';
	trial: boolean;
	pricePerPart: number;
	/** by lower-case name */
	senders: Map<string, Listed>;
	blacklist: Map<string, Listed>;
	incomingUrl: string | null;
	batchIds: string[];
}

export const TRIAL_SENDERS = ['iP1', 'iP1sms'];

/** An account's REST API keys: as configured, else one, `<SOAP key>-rest`. */
export function restKeysOf(account: SimulatorAccount): string[] {
	return account.restKeys?.length ? account.restKeys : [`${account.key}-rest`];
}

const PROCESS_PART = randomBytes(5).toString('hex');

/** REST v2 state, beside the SOAP store; accounts and balances are the SOAP store's. */
export class RestStore {
	readonly accounts = new Map<string, RestAccount>();
	private readonly byKey = new Map<string, RestAccount>();
	readonly batches = new Map<string, RestBatch>();
	readonly messages = new Map<string, RestMessage>();
	/** account → participant → message ids, oldest first */
	readonly conversations = new Map<string, Map<string, string[]>>();
	webhooks: WebhookRecord[] = [];
	calls: Record<string, number> = {};
	accepted = 0;
	private counter = 0;
	webhookSeq = 0;
	/** per API key: start of the current window and requests in it */
	readonly rateWindows = new Map<string, { start: number; count: number }>();
	/** templates and contacts (crmStore.ts) */
	readonly crm = new CrmStore();

	constructor(soapAccounts: Map<string, Account>) {
		for (const account of soapAccounts.values()) {
			for (const key of restKeysOf(account.profile)) {
				if (this.byKey.has(key)) throw new Error(`REST key ${JSON.stringify(key)} is given to two accounts`);
				this.byKey.set(key, this.accountFor(account));
			}
		}
	}

	private accountFor(account: Account): RestAccount {
		let r = this.accounts.get(account.id);
		if (r) return r;
		const p = account.profile;
		const type = p.type ?? (p.currency === 'EUR' ? 'international' : 'Swedish');
		const currency = p.currency ?? (type === 'international' ? 'EUR' : 'SEK');
		r = {
			account,
			currency,
			type,
			trial: p.trial ?? false,
			pricePerPart: p.pricePerPart ?? (currency === 'EUR' ? 0.035 : 0.35),
			senders: new Map(),
			blacklist: new Map(),
			incomingUrl: null,
			batchIds: [],
		};
		this.accounts.set(account.id, r);
		this.restoreLists(r, Date.now());
		return r;
	}

	private restoreLists(r: RestAccount, now: number): void {
		r.senders.clear();
		r.blacklist.clear();
		for (const name of [...TRIAL_SENDERS, ...(r.account.profile.senders ?? [])]) r.senders.set(name.toLowerCase(), { name, created: now });
		r.incomingUrl = r.account.profile.incomingUrl ?? null;
		this.crm.restore(r.account.id, r.account.profile.templates, now, () => this.newId(now));
		r.batchIds = [];
	}

	/** Empties everything and restores senders, blacklists and incoming URLs as configured. */
	reset(): void {
		for (const m of this.messages.values()) if (m.reportTimer) clearTimeout(m.reportTimer);
		const now = Date.now();
		for (const r of this.accounts.values()) this.restoreLists(r, now);
		this.batches.clear();
		this.messages.clear();
		this.conversations.clear();
		this.webhooks = [];
		this.calls = {};
		this.accepted = 0;
		this.webhookSeq = 0;
		this.rateWindows.clear();
	}

	byApiKey(key: string): RestAccount | undefined {
		return this.byKey.get(key);
	}


	/** 24 lower-case hex digits, as iP.1's ids: seconds, a per-process part, a counter. */
	newId(now = Date.now()): string {
		this.counter = (this.counter + 1) % 0x1000000;
		return Math.floor(now / 1000).toString(16).padStart(8, '0') + PROCESS_PART + this.counter.toString(16).padStart(6, '0');
	}

	addMessage(m: RestMessage): void {
		this.messages.set(m.id, m);
		const participant = m.direction === 'mt' ? m.recipient : m.sender;
		let byParticipant = this.conversations.get(m.account);
		if (!byParticipant) this.conversations.set(m.account, (byParticipant = new Map()));
		const list = byParticipant.get(participant);
		if (list) list.push(m.id);
		else byParticipant.set(participant, [m.id]);
	}

	conversation(account: string, participant: string): RestMessage[] {
		return (this.conversations.get(account)?.get(participant) ?? []).map((id) => this.messages.get(id)!);
	}

	count(route: string): void {
		this.calls[route] = (this.calls[route] ?? 0) + 1;
	}
}
