/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import axios from 'axios';
import type { DeliveryPool } from './deliveryPool';
import type { Store } from './store';
import type { CallbackAttempt, IncomingRecord, IncomingSmsInput } from './types';

export interface IncomingOptions {
	callbackUrl?: string;
	encoding: 'iso-8859-1' | 'utf-8';
	retryMs: number;
	maxAttempts: number;
	log: (line: string) => void;
	pool: DeliveryPool;
}

const ATTEMPT_TIMEOUT_MS = 10_000;
const BODY_KEPT = 2000;

/** Percent-encodes as ASP.NET's HttpUtility.UrlEncode does: `+` for a space, `-_.!*()` and letters/digits kept. */
export function urlEncode(text: string, encoding: 'iso-8859-1' | 'utf-8'): string {
	const bytes =
		encoding === 'utf-8'
			? Buffer.from(text, 'utf8')
			: Buffer.from(Array.from(text, (ch) => (ch.codePointAt(0)! <= 0xff ? ch.codePointAt(0)! : 0x3f)));
	let out = '';
	for (const b of bytes) {
		const c = String.fromCharCode(b);
		if (/[A-Za-z0-9\-_.!*()]/.test(c)) out += c;
		else if (b === 0x20) out += '+';
		else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
	}
	return out;
}

export function callbackRequestUrl(base: string, r: IncomingRecord): string {
	const hashAt = base.indexOf('#');
	const url = hashAt >= 0 ? base.slice(0, hashAt) : base;
	const sep = !url.includes('?') ? '?' : url.endsWith('?') || url.endsWith('&') ? '' : '&';
	const q = (v: string) => urlEncode(v, r.encoding);
	return `${url}${sep}incsmsid=${q(r.incsmsid)}&sender=${q(r.sender)}&text=${q(r.text)}&to=${q(r.to)}`;
}

/** Delivers incoming SMS to the callback URL: GET, exactly `OK` counts, otherwise retried with the same incsmsid. */
export class IncomingDispatcher {
	private readonly timers = new Set<NodeJS.Timeout>();
	private abort = new AbortController();
	/** bumped by stop(): attempts of an earlier generation record nothing and schedule nothing */
	private generation = 0;

	constructor(
		private readonly store: Store,
		readonly options: IncomingOptions,
	) {}

	async inject(input: IncomingSmsInput): Promise<IncomingRecord> {
		const callbackUrl = input.callbackUrl || this.options.callbackUrl;
		if (!callbackUrl) throw new Error('no callback URL: start the simulator with one or pass callbackUrl');
		if (!/^https?:\/\//i.test(callbackUrl)) throw new Error(`callback URL must be http(s): ${callbackUrl}`);
		for (const field of ['sender', 'to', 'text'] as const) {
			if (typeof input[field] !== 'string') throw new Error(`${field} must be a string`);
		}
		const encoding = input.encoding ?? this.options.encoding;
		if (encoding !== 'iso-8859-1' && encoding !== 'utf-8') throw new Error('encoding must be iso-8859-1 or utf-8');
		const record: IncomingRecord = {
			incsmsid: this.store.newId(),
			sender: input.sender,
			to: input.to,
			text: input.text,
			encoding,
			callbackUrl,
			attempts: [],
			delivered: false,
			finished: false,
		};
		this.store.incoming.set(record.incsmsid, record);
		await this.attempt(record);
		return record;
	}

	stop(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.abort.abort();
		this.abort = new AbortController();
		this.generation++;
	}

	private async attempt(record: IncomingRecord): Promise<void> {
		const generation = this.generation;
		const url = callbackRequestUrl(record.callbackUrl, record);
		const attempt: CallbackAttempt = { at: 0, status: 0, body: '', url };
		try {
			const res = await this.options.pool.run(() => {
				attempt.at = Date.now();
				return axios.get(url, {
				timeout: ATTEMPT_TIMEOUT_MS,
				responseType: 'text',
				transformResponse: (d: unknown) => d,
				validateStatus: () => true,
				signal: this.abort.signal,
				headers: { 'User-Agent': 'iP.1 gateway simulator' },
				});
			});
			attempt.status = res.status;
			attempt.body = String(res.data ?? '').slice(0, BODY_KEPT);
		} catch (error) {
			attempt.error = (error as Error).message;
		}
		if (generation !== this.generation || this.store.incoming.get(record.incsmsid) !== record) return; // reset or stopped meanwhile
		record.attempts.push(attempt);
		record.delivered = attempt.status >= 200 && attempt.status < 300 && attempt.body === 'OK';
		const n = record.attempts.length;
		this.options.log(
			`incoming ${record.incsmsid} attempt ${n}: ${attempt.status || attempt.error} ${record.delivered ? 'delivered' : JSON.stringify(attempt.body.slice(0, 60))}`,
		);
		if (record.delivered || n >= this.options.maxAttempts) {
			record.finished = true;
			return;
		}
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void this.attempt(record);
		}, this.options.retryMs);
		timer.unref();
		this.timers.add(timer);
	}
}
