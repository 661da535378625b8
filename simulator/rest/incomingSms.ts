/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Incoming SMS (MO) over REST: filed under the phone's conversation, then POSTed to the account's incoming-SMS URL.
import { isValidNumber } from '../rules';
import { messageDocument, wireEnums, type WireEnums } from './documents';
import { REST } from './life';
import type { RestAccount, RestMessage, RestStore } from './store';
import { fitsGsm, restSegments } from './text';
import type { RestIncomingInput, WebhookRecord } from './types';
import type { WebhookSender } from './webhooks';

export class NotFoundError extends Error {}

export class IncomingSms {
	constructor(
		private readonly store: RestStore,
		private readonly webhooks: WebhookSender,
		private readonly enums: () => WireEnums = () => wireEnums(),
	) {}

	/** Resolves once the first attempt is over (and, with `repeat`, each repeat's first attempt). */
	async inject(input: RestIncomingInput): Promise<WebhookRecord> {
		for (const field of ['sender', 'recipient', 'body'] as const) {
			if (typeof input[field] !== 'string' || input[field] === '') throw new Error(`${field} must be a non-empty string`);
		}
		const raw = input.repeat as unknown; // a form sends text
		const repeat = raw === undefined || raw === '' ? 0 : Number(raw);
		if (!Number.isInteger(repeat) || repeat < 0) throw new Error('repeat must be a whole number ≥ 0');
		const owner = input.account ? this.store.accounts.get(input.account) : this.store.accounts.values().next().value;
		if (!owner) throw new Error(`no such account: ${input.account}`);
		const url = input.url || owner.incomingUrl;
		if (!url) throw new Error(`no incoming-SMS URL for ${owner.account.id}: set one (setIncomingUrl, --incoming-url) or pass url`);
		if (!/^https?:\/\//i.test(url)) throw new Error(`the incoming-SMS URL must be http(s): ${url}`);
		const m = this.file(owner, input.sender, input.recipient, input.body);
		return this.post(m, url, repeat);
	}

	/** The auto-reply's answer to an MT: from its recipient to its sender; only filed when the account has no incoming-SMS URL. */
	async answer(mt: RestMessage, body: string, repeat: number): Promise<{ moMessageId: string; webhookSeq: number | null }> {
		const owner = this.store.accounts.get(mt.account);
		if (!owner) throw new Error(`no such account: ${mt.account}`);
		const m = this.file(owner, mt.recipient, mt.sender, body);
		if (!owner.incomingUrl) return { moMessageId: m.id, webhookSeq: null };
		const record = await this.post(m, owner.incomingUrl, repeat);
		return { moMessageId: m.id, webhookSeq: record.seq };
	}

	/** POSTs the same document of an incoming SMS to the same URL once more, as iP.1 does when it did not get its 200. */
	repeat(messageId: string): Promise<WebhookRecord> {
		const first = this.store.webhooks.find((w) => w.kind === 'incoming' && w.messageId === messageId && w.repeatOf === undefined);
		if (!first) throw new NotFoundError(`no incoming SMS ${messageId} was POSTed`);
		return this.webhooks.send({ kind: 'incoming', account: first.account, url: first.url, payload: first.payload, messageId, repeatOf: first.seq });
	}

	private async post(m: RestMessage, url: string, repeat: number): Promise<WebhookRecord> {
		const record = await this.webhooks.send({ kind: 'incoming', account: m.account, url, payload: messageDocument(m, m.created, true, this.enums()), messageId: m.id });
		for (let i = 0; i < repeat; i++) await this.repeat(m.id);
		return record;
	}

	private file(owner: RestAccount, sender: string, recipient: string, body: string): RestMessage {
		const now = Date.now();
		const datacoding = fitsGsm(body) ? 'gsm' : 'ucs';
		const m: RestMessage = {
			id: this.store.newId(now),
			batchId: this.store.newId(now),
			account: owner.account.id,
			direction: 'mo',
			sender,
			recipient,
			body,
			type: 'sms',
			datacoding,
			priority: 1,
			segments: restSegments(body, datacoding),
			price: 0,
			currency: owner.currency,
			reference: null,
			created: now,
			plan: [{ code: REST.delivered, at: now }],
			reported: 1,
		};
		this.store.addMessage(m);
		if (/^\s*stop\s*$/i.test(body) && isValidNumber(sender) && !owner.blacklist.has(sender)) {
			owner.blacklist.set(sender, { name: sender, created: now });
		}
		return m;
	}
}
