/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import axios from 'axios';
import http from 'node:http';
import type { DeliveryPool } from '../deliveryPool';
import type { Faults } from '../faults';
import type { RestStore } from './store';
import type { RestSettings, WebhookAttempt, WebhookRecord } from './types';

const ATTEMPT_TIMEOUT_MS = 10_000;
const BODY_KEPT = 2000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

/** POSTs webhook documents as JSON: only HTTP 200 counts; otherwise again after the retry interval, up to the most attempts. */
export class WebhookSender {
	private readonly timers = new Set<NodeJS.Timeout>();
	private abort = new AbortController();
	/** bumped by stop(): attempts of an earlier generation record nothing and schedule nothing */
	private generation = 0;

	constructor(
		private readonly store: RestStore,
		private readonly settings: () => RestSettings,
		private readonly faults: Faults,
		private readonly log: (line: string) => void,
		private readonly pool: DeliveryPool,
	) {}

	/** Records the webhook and makes its first attempt (resolves when that attempt is over). */
	send(record: Omit<WebhookRecord, 'seq' | 'attempts' | 'delivered' | 'finished'>): Promise<WebhookRecord> {
		const full: WebhookRecord = { ...record, seq: ++this.store.webhookSeq, attempts: [], delivered: false, finished: false };
		this.store.webhooks.push(full);
		return this.attempt(full).then(() => full);
	}

	stop(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.abort.abort();
		this.abort = new AbortController();
		this.generation++;
	}

	private async attempt(record: WebhookRecord): Promise<void> {
		const generation = this.generation;
		const attempt: WebhookAttempt = { at: 0, status: 0, body: '' };
		try {
			const res = await this.pool.run(() => {
				attempt.at = Date.now();
				return axios.post(record.url, JSON.stringify(record.payload), {
				timeout: ATTEMPT_TIMEOUT_MS,
				responseType: 'text',
				transformResponse: (d: unknown) => d,
				validateStatus: () => true,
				signal: this.abort.signal,
				httpAgent: agent,
				maxRedirects: 0,
				headers: { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'iP.1 gateway simulator' },
				});
			});
			attempt.status = res.status;
			attempt.body = String(res.data ?? '').slice(0, BODY_KEPT);
		} catch (error) {
			attempt.error = (error as Error).message;
		}
		if (generation !== this.generation) return; // reset or stopped meanwhile
		const faultedAs = attempt.status ? this.faults.takeWebhook(record.kind) : undefined;
		if (faultedAs !== undefined) attempt.faultedAs = faultedAs;
		record.attempts.push(attempt);
		record.delivered = (faultedAs ?? attempt.status) === 200;
		const n = record.attempts.length;
		const { webhookMaxAttempts, webhookRetryMs } = this.settings();
		this.log(`${record.kind} ${record.messageId} attempt ${n}: ${attempt.status || attempt.error}${faultedAs !== undefined ? ` read as ${faultedAs}` : ''}${record.delivered ? ' delivered' : ''}`);
		if (record.delivered || n >= webhookMaxAttempts) {
			record.finished = true;
			return;
		}
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void this.attempt(record);
		}, webhookRetryMs);
		timer.unref();
		this.timers.add(timer);
	}
}
