/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import type { Faults } from '../faults';
import type { Reply } from '../reply';
import { isValidNumber, isValidSender } from '../rules';
import type { DeliveryTiming } from '../types';
import { readBatchRequest } from './batchRequest';
import { batchDocument, deliveryReport, iso, messageDocument, statusSummary, wireEnums } from './documents';
import { json, page, problem, readPaging, unauthorized, VALIDATION_TITLE } from './http';
import { cancelWaiting, createBatch } from './send';
import { TRIAL_SENDERS, type Listed, type RestAccount, type RestMessage, type RestStore } from './store';
import type { RestIncomingInput, RestSettings, WebhookRecord } from './types';
import { DeliveryPool } from '../deliveryPool';
import { WebhookSender } from './webhooks';
import { AutoReplier } from './autoReply';
import type { AutoReplyRule } from './autoReplyRules';
import { IncomingSms } from './incomingSms';
import { registerContactRoutes } from './contacts';
import type { RouteKit } from './routeKit';
import { registerTemplateRoutes } from './templates';

export interface RestRequest {
	method: string;
	/** decoded path without the query, letter case as sent */
	path: string;
	query: string;
	/** scheme + host the client used, for Link headers */
	origin: string;
	authorization?: string;
	contentType: string;
	body: Buffer;
}

interface Context {
	owner: RestAccount;
	params: string[];
	query: URLSearchParams;
	req: RestRequest;
	now: number;
}

type Handler = (ctx: Context) => Reply;

interface Route {
	method: string;
	segments: string[];
	name: string;
	handler: Handler;
}

export interface RouteMatch {
	/** e.g. `GET /v2/batches/{id}`; `unknown` when no route has this path */
	name: string;
	route?: Route;
	params: string[];
	/** the path exists with another method */
	wrongMethod: boolean;
}

/** iP.1's REST API v2 on the simulator's store. */
export class RestApi {
	private readonly routes: Route[] = [];
	readonly webhooks: WebhookSender;
	readonly incoming: IncomingSms;
	/** the "phone" that answers REST sends */
	readonly autoReplies: AutoReplier;
	/** bumped by stop() (also on reset): report loops of an earlier generation send nothing more */
	private generation = 0;
	/** the path being answered, for a problem document's `instance` (answers are made synchronously) */
	private instance = '';

	constructor(
		readonly store: RestStore,
		private readonly timing: DeliveryTiming,
		public settings: RestSettings,
		faults: Faults,
		log: (line: string) => void,
		pool: DeliveryPool = new DeliveryPool(),
		autoReplies: AutoReplyRule[] = [],
	) {
		this.webhooks = new WebhookSender(store, () => this.settings, faults, log, pool);
		this.incoming = new IncomingSms(store, this.webhooks, () => wireEnums(this.settings.enumCase));
		this.autoReplies = new AutoReplier(autoReplies, (id) => store.accounts.has(id), (mt, body, repeat) => this.incoming.answer(mt, body, repeat), log);
		const r = (method: string, path: string, handler: Handler) =>
			this.routes.push({ method, segments: path.split('/').filter(Boolean), name: `${method} ${path}`, handler: handler.bind(this) });
		r('POST', '/v2/batches', this.postBatch);
		r('GET', '/v2/batches', this.listBatches);
		r('GET', '/v2/batches/{id}', this.getBatch);
		r('DELETE', '/v2/batches/{id}', this.deleteBatch);
		r('GET', '/v2/batches/{id}/messages', this.listMessages);
		r('GET', '/v2/batches/{id}/messages/{messageId}', this.getMessage);
		r('GET', '/v2/conversations/{participant}', (c) => this.conversation(c, undefined));
		r('GET', '/v2/conversations/{participant}/mt', (c) => this.conversation(c, 'mt'));
		r('GET', '/v2/conversations/{participant}/mo', (c) => this.conversation(c, 'mo'));
		r('GET', '/v2/conversations/{participant}/summary', this.conversationSummary);
		r('GET', '/v2/me/senders', (c) => this.listed(c, c.owner.senders, 'sender'));
		r('GET', '/v2/me/senders/{sender}', (c) => this.oneListed(c, c.owner.senders, 'sender', c.params[0].toLowerCase()));
		r('PUT', '/v2/me/senders/{sender}', this.putSender);
		r('DELETE', '/v2/me/senders/{sender}', this.deleteSender);
		r('GET', '/v2/blacklist', (c) => this.listed(c, c.owner.blacklist, 'msisdn'));
		r('GET', '/v2/blacklist/{msisdn}', (c) => this.oneListed(c, c.owner.blacklist, 'msisdn', c.params[0]));
		r('PUT', '/v2/blacklist/{msisdn}', this.putBlacklist);
		r('POST', '/v2/blacklist', this.postBlacklist);
		r('DELETE', '/v2/blacklist/{msisdn}', (c) => this.removeListed(c, c.owner.blacklist, 'msisdn', c.params[0]));
		r('GET', '/api/me', this.me);
		r('GET', '/api/me/account', this.meAccount);
		const kit: RouteKit = {
			route: r,
			settings: () => this.settings,
			store,
			paged: (c, items, render) => this.paged(c, items, render),
			invalid: (errors) => this.invalid(errors),
			notFound: (what) => this.notFound(what),
			problem: (status, title, extra) => this.problem(status, title, extra),
		};
		registerTemplateRoutes(kit);
		registerContactRoutes(kit);
	}

	static isRestPath(lowerPath: string): boolean {
		return lowerPath.startsWith('/v2/') || lowerPath === '/v2' || lowerPath === '/api/me' || lowerPath.startsWith('/api/me/');
	}

	match(method: string, path: string): RouteMatch {
		const parts = path.split('/').filter(Boolean);
		let wrongMethod = false;
		for (const route of this.routes) {
			if (route.segments.length !== parts.length) continue;
			const params: string[] = [];
			let ok = true;
			for (let i = 0; i < parts.length && ok; i++) {
				const seg = route.segments[i];
				if (seg.startsWith('{')) params.push(parts[i]);
				else ok = seg.toLowerCase() === parts[i].toLowerCase();
			}
			if (!ok) continue;
			if (route.method !== method.toUpperCase()) {
				wrongMethod = true;
				continue;
			}
			return { name: route.name, route, params, wrongMethod: false };
		}
		return { name: wrongMethod ? `${method.toUpperCase()} (method not allowed)` : 'unknown', params: [], wrongMethod };
	}

	/** Answers one request (synchronously: faults decide before and after it). */
	handle(req: RestRequest, match: RouteMatch): Reply {
		if (!match.route) {
			if (match.wrongMethod) return { status: 405, contentType: '', body: '', headers: { Allow: 'GET, POST, PUT, DELETE' } };
			return { status: 404, contentType: '', body: '' };
		}
		const auth = /^Bearer\s+(\S.*)$/i.exec(req.authorization ?? '');
		const key = auth?.[1].trim();
		const owner = key ? this.store.byApiKey(key) : undefined;
		if (!owner || !key) return unauthorized();
		const now = Date.now();
		const limited = this.rateLimit(key, now);
		if (limited) return limited;
		this.store.count(match.name);
		this.instance = req.path;
		return match.route.handler({ owner, params: match.params, query: new URLSearchParams(req.query), req, now });
	}

	private problem(status: number, title: string, extra?: Parameters<typeof problem>[3]): Reply {
		return problem(this.settings.errorBody, status, title, { instance: this.instance, ...extra });
	}

	private invalid(errors: Record<string, string[]>): Reply {
		return this.problem(400, VALIDATION_TITLE, { errors });
	}

	private rateLimit(key: string, now: number): Reply | undefined {
		const limit = this.settings.rateLimit;
		if (!limit) return undefined;
		let w = this.store.rateWindows.get(key);
		if (!w || now - w.start >= limit.perMs) {
			w = { start: now, count: 0 };
			this.store.rateWindows.set(key, w);
		}
		if (++w.count <= limit.requests) return undefined;
		const retryAfter = Math.max(1, Math.ceil((w.start + limit.perMs - now) / 1000));
		return this.problem(429, 'Too Many Requests', {
			detail: `At most ${limit.requests} requests per ${limit.perMs} ms for this API key.`,
			headers: { 'Retry-After': String(retryAfter) },
		});
	}

	// ---- batches ----

	private postBatch(c: Context): Reply {
		if (!/^application\/([a-z.+-]*\+)?json\b/i.test(c.req.contentType)) {
			return this.problem(415, 'Unsupported Media Type', { detail: 'Send the batch as application/json.' });
		}
		const text = c.req.body.toString('utf8').replace(/^\uFEFF/, '');
		if (text.trim() === '') return this.invalid({ '': ['A non-empty request body is required.'] });
		let raw: unknown;
		try {
			raw = JSON.parse(text);
		} catch (error) {
			return this.invalid({ $: [`The JSON value could not be read: ${(error as Error).message}`] });
		}
		const limits = { maxRecipients: this.settings.maxRecipients, maxReference: this.settings.maxReferenceLength, now: c.now };
		const read = readBatchRequest(raw, limits, (sender) => this.senderRefusal(c.owner, sender));
		if ('errors' in read) return this.invalid(read.errors);
		const batch = createBatch(this.store, c.owner, read.request, { now: c.now, timing: this.timing, statusSuffixes: this.settings.statusSuffixes });
		if (batch.deliveryReportUrl) for (const id of batch.messageIds) this.scheduleReports(this.store.messages.get(id)!);
		for (const id of batch.messageIds) this.autoReplies.onSent(this.store.messages.get(id)!, c.now);
		const location = { Location: `/v2/batches/${batch.id}` };
		if (this.settings.postAnswer === 'id') return json(200, { id: batch.id }, location);
		if (this.settings.postAnswer === 'messages') return json(201, this.listedMessages(batch, c.now).map((m) => this.messageDoc(m, c.now, false)), location);
		const doc = this.batchDoc(batch, c.now, true);
		return json({ created: 201, accepted: 202, ok: 200 }[this.settings.postAnswer], doc, location);
	}

	private senderRefusal(owner: RestAccount, sender: string): string | undefined {
		if (owner.trial && !TRIAL_SENDERS.some((s) => s.toLowerCase() === sender.toLowerCase())) {
			return `A trial account may only send from ${TRIAL_SENDERS.join(' or ')}.`;
		}
		if (!owner.senders.has(sender.toLowerCase())) return `The sender '${sender}' is not registered for this account.`;
		return undefined;
	}

	private messagesOf(ids: string[]): RestMessage[] {
		return ids.map((id) => this.store.messages.get(id)!);
	}

	/** The batch's messages as its lists show them: none until `messagesListedAfterMs` after the send. */
	private listedMessages(batch: { created: number; messageIds: string[] }, now: number): RestMessage[] {
		return now - batch.created < this.settings.messagesListedAfterMs ? [] : this.messagesOf(batch.messageIds);
	}

	private messageDoc(m: RestMessage, now: number, history: boolean) {
		return messageDocument(m, now, history, wireEnums(this.settings.enumCase));
	}

	private batchDoc(b: Parameters<typeof batchDocument>[0], now: number, summaries: boolean) {
		const messages = summaries || this.settings.batchStatus ? this.messagesOf(b.messageIds) : [];
		return batchDocument(b, messages, now, summaries, { enums: wireEnums(this.settings.enumCase), status: this.settings.batchStatus });
	}

	private ownBatch(c: Context) {
		const batch = this.store.batches.get(c.params[0]);
		return batch && batch.account === c.owner.account.id ? batch : undefined;
	}

	private notFound(what: string): Reply {
		return this.problem(404, 'Not Found', { detail: `${what} not found` });
	}

	private paged<T>(c: Context, items: T[], render: (item: T) => unknown): Reply {
		const p = readPaging(c.query, this.settings.maxPageSize);
		if ('errors' in p) return this.invalid(p.errors);
		const result = page(items, p, `${c.req.origin}${c.req.path.replace(/\/+$/, '')}`, this.settings.linkStyle);
		return json(200, result.items.map(render), { Link: result.link });
	}

	private listBatches(c: Context): Reply {
		const batches = c.owner.batchIds.map((id) => this.store.batches.get(id)!);
		return this.paged(c, batches, (b) => this.batchDoc(b, c.now, false));
	}

	private getBatch(c: Context): Reply {
		const batch = this.ownBatch(c);
		if (!batch) return this.notFound('Batch');
		return json(200, this.batchDoc(batch, c.now, true));
	}

	private deleteBatch(c: Context): Reply {
		const batch = this.ownBatch(c);
		if (!batch) return this.notFound('Batch');
		const canceled = cancelWaiting(this.store, c.owner, batch, c.now);
		if (canceled.length === 0) return this.problem(409, 'Conflict', { detail: 'No message of this batch is waiting: nothing to cancel.' });
		if (batch.deliveryReportUrl) for (const m of canceled) this.scheduleReports(m);
		if (this.settings.deleteAnswer === 'noContent') return { status: 204, contentType: '', body: '' };
		return json(200, this.batchDoc(batch, c.now, true));
	}

	private listMessages(c: Context): Reply {
		const batch = this.ownBatch(c);
		if (!batch) return this.notFound('Batch');
		return this.paged(c, this.listedMessages(batch, c.now), (m) => this.messageDoc(m, c.now, false));
	}

	private getMessage(c: Context): Reply {
		const batch = this.ownBatch(c);
		const m = batch ? this.store.messages.get(c.params[1]) : undefined;
		if (!batch || !m || m.batchId !== batch.id || !this.listedMessages(batch, c.now).length) return this.notFound('Message or batch');
		return json(200, this.messageDoc(m, c.now, true));
	}

	// ---- conversations ----

	private conversation(c: Context, direction: 'mt' | 'mo' | undefined): Reply {
		const all = this.store.conversation(c.owner.account.id, c.params[0]);
		const items = direction ? all.filter((m) => m.direction === direction) : all;
		return this.paged(c, items, (m) => this.messageDoc(m, c.now, false));
	}

	private conversationSummary(c: Context): Reply {
		const all = this.store.conversation(c.owner.account.id, c.params[0]);
		return json(200, {
			participant: c.params[0],
			totalMessageCount: all.length,
			totalSmsCount: all.reduce((n, m) => n + m.segments, 0),
			mobileTerminatedMessages: statusSummary(all.filter((m) => m.direction === 'mt'), c.now),
			mobileOriginatedMessages: statusSummary(all.filter((m) => m.direction === 'mo'), c.now),
		});
	}

	// ---- senders and blacklist ----

	private listed(c: Context, list: Map<string, Listed>, field: 'sender' | 'msisdn'): Reply {
		return json(200, [...list.values()].map((e) => ({ [field]: e.name, created: iso(e.created) })));
	}

	private oneListed(_c: Context, list: Map<string, Listed>, field: 'sender' | 'msisdn', key: string): Reply {
		const e = list.get(key);
		if (!e) return this.notFound(field === 'sender' ? 'Sender' : 'Number');
		return json(200, { [field]: e.name, created: iso(e.created) });
	}

	private removeListed(c: Context, list: Map<string, Listed>, field: 'sender' | 'msisdn', key: string): Reply {
		const answer = this.oneListed(c, list, field, key);
		list.delete(key);
		return answer;
	}

	private putSender(c: Context): Reply {
		const sender = c.params[0];
		if (!isValidSender(sender)) return this.invalid({ Sender: ['The sender must be 3–11 letters or digits, or a number of at most 15 digits.'] });
		if (c.owner.trial) return this.problem(403, 'Forbidden', { detail: 'A trial account cannot register senders.' });
		if (!c.owner.senders.has(sender.toLowerCase())) c.owner.senders.set(sender.toLowerCase(), { name: sender, created: c.now });
		return this.oneListed(c, c.owner.senders, 'sender', sender.toLowerCase());
	}

	private deleteSender(c: Context): Reply {
		if (c.owner.trial) return this.problem(403, 'Forbidden', { detail: 'A trial account cannot change its senders.' });
		return this.removeListed(c, c.owner.senders, 'sender', c.params[0].toLowerCase());
	}

	private putBlacklist(c: Context): Reply {
		if (this.settings.blacklistAdd === 'post') return this.methodNotAllowed('GET, DELETE');
		return this.addToBlacklist(c, c.params[0]);
	}

	/** `POST /v2/blacklist` (iP.1 documents it without its body): `{ "msisdn" }` in any key case, or the number as a JSON string. */
	private postBlacklist(c: Context): Reply {
		if (this.settings.blacklistAdd === 'put') return this.methodNotAllowed('GET');
		let raw: unknown;
		try {
			raw = JSON.parse(c.req.body.toString('utf8').replace(/^\uFEFF/, '') || 'null');
		} catch (error) {
			return this.invalid({ $: [`The JSON value could not be read: ${(error as Error).message}`] });
		}
		const entry = raw !== null && typeof raw === 'object' ? Object.entries(raw).find(([k]) => k.toLowerCase() === 'msisdn')?.[1] : raw;
		if (typeof entry !== 'string' && typeof entry !== 'number') return this.invalid({ Msisdn: ['The Msisdn field is required.'] });
		return this.addToBlacklist(c, String(entry).trim());
	}

	/** As ASP.NET answers a method the path has no action for. */
	private methodNotAllowed(allow: string): Reply {
		return { status: 405, contentType: '', body: '', headers: { Allow: allow } };
	}

	private addToBlacklist(c: Context, msisdn: string): Reply {
		if (!isValidNumber(msisdn)) return this.invalid({ Msisdn: ['The number must be digits only, country code first, 7–15 digits.'] });
		if (!c.owner.blacklist.has(msisdn)) c.owner.blacklist.set(msisdn, { name: msisdn, created: c.now });
		return this.oneListed(c, c.owner.blacklist, 'msisdn', msisdn);
	}

	// ---- account ----

	private me(c: Context): Reply {
		const { owner } = c;
		const p = owner.account.profile;
		return json(200, { Account: owner.account.id, Organization: p.organization ?? 'Simulated AB', Type: owner.type, Balance: owner.account.balance, Currency: owner.currency });
	}

	private meAccount(c: Context): Reply {
		const { owner } = c;
		const p = owner.account.profile;
		const digits = /([0-9]+)$/.exec(owner.account.id)?.[1];
		return json(200, {
			Key: owner.account.id,
			Parent: null,
			Type: owner.type,
			Balance: owner.account.balance,
			Currency: owner.currency,
			ID: digits ? Number(digits) : owner.account.id,
			Name: p.name ?? owner.account.id,
		});
	}

	// ---- webhooks ----

	/** Sends, in order, a delivery report for each status reached and not yet reported; waits for the next one. */
	scheduleReports(m: RestMessage): void {
		if (m.reportTimer) clearTimeout(m.reportTimer);
		m.reportTimer = undefined;
		void this.reportDue(m);
	}

	private async reportDue(m: RestMessage): Promise<void> {
		if (m.reporting) return;
		m.reporting = true;
		const generation = this.generation;
		try {
			while (m.reported < m.plan.length && m.plan[m.reported].at <= Date.now()) {
				const batch = this.store.batches.get(m.batchId);
				if (!batch?.deliveryReportUrl || generation !== this.generation) return; // stopped or reset meanwhile
				const status = m.plan[m.reported++];
				await this.webhooks.send({
					kind: 'deliveryReport',
					account: m.account,
					url: batch.deliveryReportUrl,
					payload: deliveryReport(m, status, this.settings.reportIdKey, wireEnums(this.settings.enumCase)),
					messageId: m.id,
					code: status.code,
				});
			}
		} finally {
			m.reporting = false;
		}
		const next = m.plan[m.reported];
		if (next && generation === this.generation) {
			m.reportTimer = setTimeout(() => this.scheduleReports(m), Math.max(0, next.at - Date.now()));
			m.reportTimer.unref();
		}
	}

	/** An incoming SMS: filed under the sender's conversation and POSTed to the account's incoming URL. */
	injectIncoming(input: RestIncomingInput): Promise<WebhookRecord> {
		return this.incoming.inject(input);
	}

	setIncomingUrl(account: string, url: string | null): void {
		const owner = this.store.accounts.get(account);
		if (!owner) throw new Error(`no such account: ${account}`);
		if (url !== null && !/^https?:\/\//i.test(url)) throw new Error(`the incoming-SMS URL must be http(s): ${url}`);
		owner.incomingUrl = url || null;
	}

	stop(): void {
		this.generation++;
		this.webhooks.stop();
		this.autoReplies.stop();
		for (const m of this.store.messages.values()) if (m.reportTimer) clearTimeout(m.reportTimer);
	}
}
