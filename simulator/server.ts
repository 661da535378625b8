/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults, type FaultDecision } from './faults';
import { aspNetErrorPage, IIS_503_PAGE } from './html';
import { helpPage } from './helpPage';
import { DeliveryPool } from './deliveryPool';
import { IncomingDispatcher } from './incoming';
import type { ServiceDef } from './operations/definitions';
import { mmsService } from './operations/mmsService';
import { smsService } from './operations/smsService';
import {
	actionMatches,
	parseSoapRequest,
	soapActionOf,
	SoapRequestError,
	versionFromContentType,
	type SoapVersion,
} from './soap/envelope';
import { soapContentType, soapFault, soapResult } from './soap/respond';
import { Store } from './store';
import type { FaultSpec, IncomingSmsInput, SimulatorAccount, SimulatorOptions, SimulatorState } from './types';
import type { Reply } from './reply';
import { RestApi } from './rest/api';
import { problem } from './rest/http';
import { DEFAULT_REST_SETTINGS, mergeRestSettings } from './rest/settings';
import { RestStore } from './rest/store';
import { normalizeRules } from './rest/autoReplyRules';
import { NotFoundError } from './rest/incomingSms';
import type { RestIncomingInput, RestSettings, RestState } from './rest/types';
import { parseQuery, urlCall } from './urlCall';
import { webView } from './webView';
import { buildWsdl } from './wsdl';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export const DEFAULT_ACCOUNTS: SimulatorAccount[] = [{ id: 'ip1-12345', key: 'test-api-key', balance: 1000 }];

class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

/** The gateway: one Node http server, no framework; all state in a Store. */
export class SimulatorServer {
	readonly store: Store;
	readonly faults = new Faults();
	readonly incoming: IncomingDispatcher;
	readonly restStore: RestStore;
	readonly rest: RestApi;
	private readonly server: http.Server;
	private readonly pendingTimers = new Set<NodeJS.Timeout>();
	url = '';

	constructor(private readonly options: SimulatorOptions) {
		this.store = new Store(
			options.accounts ?? DEFAULT_ACCOUNTS,
			options.delivery ?? 'instant',
			options.failSuffixes ?? { gsm: '5151', phone: '5252' },
		);
		const pool = new DeliveryPool(options.deliveryConcurrency ?? Infinity);
		this.incoming = new IncomingDispatcher(this.store, {
			callbackUrl: options.callbackUrl,
			encoding: options.callbackEncoding ?? 'iso-8859-1',
			retryMs: options.callbackRetryMs ?? 30 * 60 * 1000,
			maxAttempts: options.callbackMaxAttempts ?? 10,
			log: (line) => this.log(line),
			pool,
		});
		this.restStore = new RestStore(this.store.accounts);
		this.rest = new RestApi(this.restStore, this.store.delivery, mergeRestSettings(DEFAULT_REST_SETTINGS, options.rest), this.faults, (line) => this.log(line), pool, normalizeRules(options.autoReplies ?? []));
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				this.log(`internal error: ${(error as Error).stack ?? error}`);
				if (!res.headersSent && !res.destroyed) {
					this.send(res, { status: 500, contentType: 'text/plain; charset=utf-8', body: `internal error: ${(error as Error).message}` });
				}
			});
		});
		this.server.keepAliveTimeout = 10_000;
	}

	async listen(): Promise<void> {
		const host = this.options.host ?? '127.0.0.1';
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? 8080, host, () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	}

	get port(): number {
		return (this.server.address() as AddressInfo).port;
	}

	async stop(): Promise<void> {
		this.incoming.stop();
		this.rest.stop();
		for (const t of this.pendingTimers) clearTimeout(t);
		this.pendingTimers.clear();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	reset(): void {
		this.incoming.stop();
		this.rest.stop();
		this.store.reset();
		this.restStore.reset();
		this.rest.autoReplies.reset();
		this.faults.clear();
	}

	setFault(f: FaultSpec): void {
		this.faults.set(f);
	}

	injectIncoming(sms: IncomingSmsInput) {
		return this.incoming.inject(sms);
	}

	setRest(changes: Partial<RestSettings>): RestSettings {
		this.rest.settings = mergeRestSettings(this.rest.settings, changes);
		return { ...this.rest.settings };
	}

	injectRestIncoming(sms: RestIncomingInput) {
		return this.rest.injectIncoming(sms);
	}

	setIncomingUrl(account: string, url: string | null): void {
		this.rest.setIncomingUrl(account, url);
	}

	restState(now = Date.now()): RestState {
		const r = this.restStore;
		const lists = (pick: (a: (typeof r.accounts extends Map<string, infer A> ? A : never)) => Map<string, { name: string }>) =>
			Object.fromEntries([...r.accounts.values()].map((a) => [a.account.id, [...pick(a).values()].map((e) => e.name)]));
		return {
			settings: { ...this.rest.settings, statusSuffixes: { ...this.rest.settings.statusSuffixes } },
			batches: [...r.batches.values()].map((b) => ({
				...b,
				deliveryWindows: b.deliveryWindows.map((w) => ({ opens: new Date(w.opens).toISOString(), closes: new Date(w.closes).toISOString() })),
				tags: [...b.tags],
				messageIds: [...b.messageIds],
			})),
			messages: [...r.messages.values()].map((m) => {
				const { plan, reported, reportTimer, reporting, created, ...rest } = m;
				const history = plan.filter((s) => s.at <= now).map((s) => ({ ...s }));
				if (history.length === 0) history.push({ ...plan[0] });
				return { ...rest, status: history[history.length - 1].code, history };
			}),
			accepted: r.accepted,
			webhooks: r.webhooks.map((w) => ({ ...w, attempts: w.attempts.map((a) => ({ ...a })) })),
			senders: lists((a) => a.senders),
			blacklist: lists((a) => a.blacklist),
			templates: Object.fromEntries([...r.crm.templates].map(([account, list]) => [account, list.map(({ id, name, category, pinned, body }) => ({ id, name, category, pinned, body }))])),
			contacts: Object.fromEntries([...r.crm.contacts].map(([account, map]) => [account, [...map.values()].map((c) => ({ id: c.id, properties: { ...c.properties }, labels: [...c.labels] }))])),
			incomingUrls: Object.fromEntries([...r.accounts.values()].map((a) => [a.account.id, a.incomingUrl])),
			calls: { ...r.calls },
			autoReplies: this.rest.autoReplies.list(),
			autoReplied: this.rest.autoReplies.records.map((a) => ({ ...a })),
		};
	}

	state(): SimulatorState {
		const s = this.store;
		const now = Date.now();
		return {
			url: this.url,
			accounts: [...s.accounts.values()].map((a) => ({ id: a.id, balance: a.balance })),
			messages: [...s.messages.values()].map((m) => s.messageRecord(m, now)),
			bundles: [...s.bundles.values()].map((b) => ({ ...b, messageIds: [...b.messageIds] })),
			mms: [...s.mms.values()].map((m) => s.mmsRecord(m, now)),
			incoming: [...s.incoming.values()].map((r) => ({ ...r, attempts: r.attempts.map((a) => ({ ...a })) })),
			requests: s.requests.slice(-1000).map((r) => ({ ...r })),
			requestCount: s.requestCount,
			calls: { ...s.calls },
			accepted: s.accepted + this.restStore.accepted,
			faults: this.faults.snapshot(),
			rest: this.restState(now),
		};
	}

	log(line: string): void {
		if (!this.options.quiet) console.log(`[ip1-sim] ${line}`);
	}

	// ---- routing ----

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const rawUrl = req.url ?? '/';
		const q = rawUrl.indexOf('?');
		const casedPath = decodeURIComponentSafe(q < 0 ? rawUrl : rawUrl.slice(0, q));
		const path = casedPath.toLowerCase();
		const query = q < 0 ? '' : rawUrl.slice(q + 1);
		const method = req.method ?? 'GET';

		if (RestApi.isRestPath(path)) return this.restEndpoint(req, res, method, casedPath, query);

		if (path === smsService.path.toLowerCase()) return this.soapEndpoint(smsService, req, res, method, query);
		if (path === mmsService.path.toLowerCase()) return this.soapEndpoint(mmsService, req, res, method, query);
		if (path === '/sendsms.aspx') return this.urlEndpoint(req, res, method, query);
		if (path === '/' || path === '/index.html' || path === '/_sim/' || path === '/_sim') {
			if (method !== 'GET' && method !== 'HEAD') return this.send(res, methodNotAllowed());
			const body = webView(this.state(), { callbackUrl: this.incoming.options.callbackUrl, callbackEncoding: this.incoming.options.encoding });
			return this.send(res, { status: 200, contentType: 'text/html; charset=utf-8', body });
		}
		if (path.startsWith('/_sim/')) return this.controlEndpoint(req, res, method, path.slice('/_sim/'.length));
		const page = aspNetErrorPage(404, 'The resource cannot be found.', `HTTP 404. The resource you are looking for could not be found: ${path}`);
		return this.send(res, { status: 404, contentType: 'text/html; charset=utf-8', body: page });
	}

	// ---- SOAP ----

	private async soapEndpoint(service: ServiceDef, req: http.IncomingMessage, res: http.ServerResponse, method: string, query: string) {
		if (method === 'GET' || method === 'HEAD') {
			const params = parseQuery(query);
			if (params.has('wsdl')) {
				const location = `http://${req.headers.host ?? this.url.replace(/^http:\/\//, '')}${service.path}`;
				return this.send(res, { status: 200, contentType: 'text/xml; charset=utf-8', body: buildWsdl(service, location) });
			}
			return this.send(res, { status: 200, contentType: 'text/html; charset=utf-8', body: helpPage(service, params.get('op')) });
		}
		if (method !== 'POST') return this.send(res, methodNotAllowed());

		const contentType = req.headers['content-type'] ?? '';
		const contentVersion = versionFromContentType(contentType);
		const raw = await readBody(req);
		if (!contentVersion) {
			const body = `System.InvalidOperationException: Request format is invalid: ${contentType || 'missing Content-Type'}.`;
			return this.send(res, { status: 500, contentType: 'text/plain; charset=utf-8', body });
		}
		// .NET and Java clients may send a byte-order mark, which ASMX ignores
		const text = raw.toString(/charset\s*=\s*"?(iso-8859-1|latin1)/i.test(contentType) ? 'latin1' : 'utf8').replace(/^\uFEFF/, '');
		const action = soapActionOf(contentVersion, contentType, header(req, 'soapaction'));

		let version: SoapVersion = contentVersion;
		let operation = '';
		let reply: () => Reply;
		try {
			const request = await parseSoapRequest(text, contentVersion, action);
			version = request.version;
			operation = request.operation;
			const op = service.operations.get(request.operation);
			if (!op) {
				throw new SoapRequestError('Client', `Server did not recognize the value of HTTP Header SOAPAction: ${action ?? request.ns + request.operation}.`, version);
			}
			if (action !== undefined && !actionMatches(action, request.ns, request.operation)) {
				const named = /([A-Za-z_][A-Za-z0-9_]*)$/.exec(action)?.[1];
				const message = named && service.operations.has(named)
					? `Server was unable to read request. ---> There is an error in XML document. ---> <${request.operation} xmlns='${request.ns}'> was not expected: SOAPAction ${action} names the operation ${named}.`
					: `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`;
				throw new SoapRequestError('Client', message, version);
			}
			reply = () => {
				const contentType = soapContentType(request.version);
				try {
					const result = op.run({ store: this.store, now: Date.now() }, request.params);
					return { status: 200, contentType, body: soapResult(request.version, request.ns, op.name, result) };
				} catch (error) {
					const message = `Server was unable to process request. ---> ${(error as Error).message}`;
					return { status: 500, contentType, body: soapFault(request.version, 'Server', message) };
				}
			};
		} catch (error) {
			if (!(error instanceof SoapRequestError)) throw error;
			const fault = error;
			reply = () => ({ status: 500, contentType: soapContentType(fault.version), body: soapFault(fault.version, fault.code, fault.message) });
		}
		const decision = this.faults.active ? this.faults.take(service.name, operation) : { delayMs: 0 };
		this.store.logRequest(service.name, operation || '(unreadable)', version, decision.kind ?? (decision.delayMs ? 'delay' : undefined));
		await this.respondWithFaults(req, res, decision, reply, {
			http500: () => ({
				status: 500,
				contentType: soapContentType(version),
				body: soapFault(version, 'Server', 'Server was unable to process request. ---> Simulated fault (http500).'),
			}),
			malformed: (r) => {
				const cut = r.body.replace(`</${operation}Result>`, '');
				return cut !== r.body ? cut : r.body.replace('</soap:Body>', '');
			},
		});
	}

	// ---- URL call ----

	private async urlEndpoint(req: http.IncomingMessage, res: http.ServerResponse, method: string, query: string) {
		if (method !== 'GET' && method !== 'POST' && method !== 'HEAD') return this.send(res, methodNotAllowed());
		const params = parseQuery(query);
		if (method === 'POST') {
			const raw = await readBody(req);
			if (/application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) parseQuery(raw.toString('latin1'), params);
		}
		const decision = this.faults.active ? this.faults.take('url', 'sendsms.aspx') : { delayMs: 0 };
		this.store.logRequest('url', 'sendsms.aspx', undefined, decision.kind ?? (decision.delayMs ? 'delay' : undefined));
		const reply = (): Reply => {
			const answer = urlCall(this.store, params);
			if (answer.redirect) {
				const body = `<html><head><title>Object moved</title></head><body>\r\n<h2>Object moved to <a href="${answer.redirect.replace(/"/g, '%22')}">here</a>.</h2>\r\n</body></html>\r\n`;
				return { status: 302, contentType: 'text/html; charset=utf-8', body, headers: { Location: answer.redirect } };
			}
			return { status: 200, contentType: 'text/html; charset=utf-8', body: answer.result };
		};
		await this.respondWithFaults(req, res, decision, reply, {
			http500: () => ({
				status: 500,
				contentType: 'text/html; charset=utf-8',
				body: aspNetErrorPage(500, 'Runtime Error', 'An application error occurred on the server (simulated fault http500).'),
			}),
			malformed: (r) => `<html><body>${r.body}</bdy>`,
		});
	}

	// ---- REST v2 ----

	private async restEndpoint(req: http.IncomingMessage, res: http.ServerResponse, method: string, path: string, query: string) {
		const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(req);
		const match = this.rest.match(method, path);
		const decision = this.faults.active ? this.faults.take('rest', match.name, { method, path }) : { delayMs: 0 };
		this.store.logRequest('rest', match.name, undefined, decision.kind ?? (decision.delayMs ? 'delay' : undefined));
		const restRequest = {
			method,
			path,
			query,
			origin: `http://${req.headers.host ?? this.url.replace(/^http:\/\//, '')}`,
			authorization: header(req, 'authorization'),
			contentType: header(req, 'content-type') ?? '',
			body,
		};
		await this.respondWithFaults(req, res, decision, () => this.rest.handle(restRequest, match), {
			http500: () => problem('problem', 500, 'An error occurred while processing your request.', { detail: 'Simulated fault (http500).' }),
			malformed: (r) => r.body.slice(0, Math.max(1, Math.floor(r.body.length / 2))) || '{',
		});
	}

	// ---- faults ----

	private async respondWithFaults(
		req: http.IncomingMessage,
		res: http.ServerResponse,
		decision: FaultDecision,
		reply: () => Reply,
		variants: { http500: () => Reply; malformed: (r: Reply) => string },
	): Promise<void> {
		if (decision.delayMs > 0) {
			await new Promise<void>((resolve) => {
				const t = setTimeout(() => {
					this.pendingTimers.delete(t);
					resolve();
				}, decision.delayMs);
				this.pendingTimers.add(t);
			});
			if (res.destroyed) return;
		}
		switch (decision.kind) {
			case 'resetBefore':
				return resetConnection(req);
			case 'http500':
				return this.send(res, variants.http500());
			case 'http503':
				return this.send(res, { status: 503, contentType: 'text/html; charset=us-ascii', body: IIS_503_PAGE });
		}
		const r = reply();
		switch (decision.kind) {
			case 'resetAfter':
				return resetConnection(req);
			case 'malformedXml':
				return this.send(res, { ...r, status: 200, body: variants.malformed(r) });
			case 'emptyBody':
				return this.send(res, { ...r, status: 200, body: '' });
			case 'truncatedBody':
				return this.sendTruncated(res, { ...r, status: 200 });
			default:
				return this.send(res, r);
		}
	}

	// ---- control ----

	private async controlEndpoint(req: http.IncomingMessage, res: http.ServerResponse, method: string, route: string) {
		const json = (status: number, value: unknown) =>
			this.send(res, { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value, null, 1) });
		try {
			const key = `${method} ${route.replace(/\/+$/, '')}`;
			const repeat = /^POST rest\/incoming\/([^/]+)\/repeat$/.exec(key);
			if (repeat) return json(200, await this.rest.incoming.repeat(repeat[1]));
			switch (key) {
				case 'GET state':
					return json(200, this.state());
				case 'GET calls':
					return json(200, { ...this.store.calls });
				case 'GET faults':
					return json(200, this.faults.snapshot());
				case 'GET accounts':
				case 'GET messages':
				case 'GET bundles':
				case 'GET mms':
				case 'GET incoming':
					return json(200, this.state()[route.replace(/\/+$/, '') as 'accounts']);
				case 'POST reset':
					this.reset();
					return json(200, { ok: true });
				case 'POST faults': {
					const body = await readJson(req);
					for (const f of Array.isArray(body) ? body : [body]) this.setFault(f as FaultSpec);
					return json(200, this.faults.snapshot());
				}
				case 'DELETE faults':
					this.faults.clear();
					return json(200, []);
				case 'GET accepted':
					return json(200, { accepted: this.store.accepted + this.restStore.accepted, rest: this.restStore.accepted });
				case 'GET rest':
					return json(200, this.restState());
				case 'GET rest/settings':
					return json(200, this.rest.settings);
				case 'POST rest/settings':
					return json(200, this.setRest((await readJson(req)) as Partial<RestSettings>));
				case 'GET rest/auto-replies':
					return json(200, this.rest.autoReplies.list());
				case 'POST rest/auto-replies':
					return json(200, this.rest.autoReplies.set(await readJson(req)));
				case 'DELETE rest/auto-replies':
					return json(200, this.rest.autoReplies.set([]));
				case 'POST rest/incoming-url': {
					const isForm = /application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
					const input = isForm ? Object.fromEntries(new URLSearchParams((await readBody(req)).toString('utf8'))) : await readJson(req);
					const account = typeof input.account === 'string' && input.account ? input.account : this.restStore.accounts.keys().next().value!;
					this.setIncomingUrl(account, typeof input.url === 'string' && input.url ? input.url : null);
					if (isForm) return this.send(res, { status: 303, contentType: 'text/plain; charset=utf-8', body: 'See /_sim/', headers: { Location: '/_sim/' } });
					return json(200, { account, url: this.restStore.accounts.get(account)!.incomingUrl });
				}
				case 'POST rest/incoming': {
					const isForm = /application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
					const input = isForm ? Object.fromEntries(new URLSearchParams((await readBody(req)).toString('utf8'))) : await readJson(req);
					const record = await this.injectRestIncoming(input as unknown as RestIncomingInput);
					if (isForm) return this.send(res, { status: 303, contentType: 'text/plain; charset=utf-8', body: 'See /_sim/', headers: { Location: '/_sim/' } });
					return json(200, record);
				}
				case 'POST incoming': {
					const isForm = /application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
					const input = isForm ? Object.fromEntries(new URLSearchParams((await readBody(req)).toString('utf8'))) : await readJson(req);
					const record = await this.injectIncoming(input as unknown as IncomingSmsInput);
					if (isForm) return this.send(res, { status: 303, contentType: 'text/plain; charset=utf-8', body: 'See /', headers: { Location: '/' } });
					return json(200, record);
				}
				default:
					return json(404, { error: `no such endpoint: ${method} /_sim/${route}` });
			}
		} catch (error) {
			const status = error instanceof HttpError ? error.status : error instanceof NotFoundError ? 404 : 400;
			return json(status, { error: (error as Error).message });
		}
	}

	/** Announces the whole answer, sends the first half, then cuts the connection: what a body cut in transit looks like. */
	private sendTruncated(res: http.ServerResponse, r: Reply): void {
		if (res.destroyed) return;
		const body = Buffer.from(r.body, 'utf8');
		res.writeHead(r.status, { 'Content-Type': r.contentType, 'Content-Length': body.length, 'Cache-Control': 'private', ...r.headers });
		res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
	}

	private send(res: http.ServerResponse, r: Reply): void {
		if (res.destroyed) return;
		const length = Buffer.byteLength(r.body, 'utf8');
		const headers: http.OutgoingHttpHeaders = { 'Content-Length': length, 'Cache-Control': 'private', ...r.headers };
		if (r.contentType) headers['Content-Type'] = r.contentType;
		res.writeHead(r.status, headers);
		// a string body goes out in one write together with the headers (a Buffer would take a writev)
		res.end(res.req.method === 'HEAD' ? undefined : r.body, 'utf8');
	}
}

function methodNotAllowed(): Reply {
	return { status: 405, contentType: 'text/plain; charset=utf-8', body: 'Method not allowed' };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

function decodeURIComponentSafe(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** A TCP reset: the client sees ECONNRESET / "socket hang up" and no answer. */
function resetConnection(req: http.IncomingMessage): void {
	const socket = req.socket as import('node:net').Socket & { resetAndDestroy?: () => void };
	if (socket.resetAndDestroy) socket.resetAndDestroy();
	else socket.destroy();
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_BODY_BYTES) {
				reject(new HttpError(413, 'request body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
	const raw = (await readBody(req)).toString('utf8');
	try {
		return JSON.parse(raw || '{}');
	} catch {
		throw new HttpError(400, 'body is not JSON');
	}
}
