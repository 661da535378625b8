/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Webhooks out: delivery reports to the batch's deliveryReportUrl, incoming SMS to the account's URL.
import axios from 'axios';
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { restClient, until, type RestClient } from './restClient';
import { startWebhookServer, type WebhookServer } from './webhookServer';

let sim: SimulatorHandle;
let api: RestClient;
let hook: WebhookServer;
beforeAll(async () => {
	hook = await startWebhookServer();
	sim = await startSimulator({ port: 0, quiet: true, rest: { webhookRetryMs: 30, webhookMaxAttempts: 3 } });
	api = restClient(sim.url);
});
afterAll(async () => {
	await sim.stop();
	await hook.close();
});
beforeEach(() => {
	sim.reset();
	sim.setRest({ reportIdKey: 'both' });
	hook.hits.length = 0;
	hook.script.length = 0;
	hook.fallback = 200;
	hook.respond = undefined;
});


const send = (extra: Record<string, unknown> = {}) =>
	api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'Hej', deliveryReportUrl: `${hook.url}/dlr?secret=s3`, reference: 'order-7', ...extra });

describe('delivery reports', () => {
	it('one POST per status change, in order, JSON with every field of the contract', async () => {
		const { data: b } = await send();
		const hits = await hook.waitFor(8);
		const m = sim.state().rest.messages[0];
		expect(hits.map((h) => h.body.code)).toEqual([101, 102, 103, 110, 111, 112, 113, 201]);
		for (const h of hits) {
			expect(h.method).toBe('POST');
			expect(h.path).toBe('/dlr?secret=s3');
			expect(h.contentType).toMatch(/^application\/json/);
			expect(Object.keys(h.body).sort()).toEqual(['batchId', 'code', 'created', 'currency', 'duration', 'id', 'messageId', 'price', 'recipient', 'reference', 'segments'].sort());
			expect(h.body).toMatchObject({ id: m.id, messageId: m.id, batchId: b.id, recipient: '46701234567', segments: 1, price: 0.35, currency: 'SEK', reference: 'order-7' });
			expect(h.body.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		}
		expect(hits.map((h) => h.body.duration)).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
		await until(() => sim.state().rest.webhooks.length === 8 && sim.state().rest.webhooks.every((w) => w.delivered), 'all recorded');
		expect(sim.state().rest.webhooks.map((w) => [w.kind, w.code, w.attempts.length, w.attempts[0].status])).toEqual(
			[101, 102, 103, 110, 111, 112, 113, 201].map((code) => ['deliveryReport', code, 1, 200]),
		);
	});

	it.each([
		['id', ['id'], ['messageId']],
		['messageId', ['messageId'], ['id']],
	] as const)('reportIdKey %s', async (reportIdKey, present, absent) => {
		sim.setRest({ reportIdKey });
		await send();
		const [first] = await hook.waitFor(1);
		for (const k of present) expect(first.body[k]).toBe(sim.state().rest.messages[0].id);
		for (const k of absent) expect(first.body).not.toHaveProperty(k);
	});

	it('only HTTP 200 counts: 204 and 500 are tried again after the retry interval', async () => {
		// the first report of 101 gets 204, the first of 102 and 103 get 500 (decided per report: retries and first attempts interleave)
		const firstAnswer: Record<number, number> = { 101: 204, 102: 500, 103: 500 };
		hook.respond = (hit, hits) => (hits.filter((h) => h.body.code === hit.body.code).length === 1 ? firstAnswer[hit.body.code as number] ?? 200 : 200);
		await send({ recipients: ['46701234050'] }); // 101 102 103 110 405
		await hook.waitFor(8);
		await until(() => sim.state().rest.webhooks.every((w) => w.finished), 'every report finished');
		expect(sim.state().rest.webhooks.map((w) => [w.code, w.attempts.map((a) => a.status), w.delivered])).toEqual([
			[101, [204, 200], true],
			[102, [500, 200], true],
			[103, [500, 200], true],
			[110, [200], true],
			[405, [200], true],
		]);
		expect(hook.hits.map((h) => h.body.code).sort()).toEqual([101, 101, 102, 102, 103, 103, 110, 405]);
	});

	it('gives up after the most attempts, every attempt recorded; an unreachable URL records status 0 and the error', async () => {
		hook.fallback = 503;
		await send({ recipients: ['46701234050'] });
		await until(() => sim.state().rest.webhooks.length === 5 && sim.state().rest.webhooks.every((w) => w.finished), 'every report finished');
		for (const w of sim.state().rest.webhooks) {
			expect(w.attempts.map((a) => a.status)).toEqual([503, 503, 503]);
			expect(w.delivered).toBe(false);
		}
		expect(hook.hits).toHaveLength(15);

		sim.reset();
		await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234050'], body: 'x', deliveryReportUrl: 'http://127.0.0.1:1/closed' });
		await until(() => sim.state().rest.webhooks.length === 5 && sim.state().rest.webhooks.every((w) => w.finished), 'unreachable finished');
		const w = sim.state().rest.webhooks[0];
		expect(w.attempts.map((a) => a.status)).toEqual([0, 0, 0]);
		expect(w.attempts[0].error).toMatch(/ECONNREFUSED/);
	});

	it('a cancel sends the 203 report', async () => {
		const { data: b } = await send({ deliveryWindows: [{ opens: new Date(Date.now() + 3600_000).toISOString() }] });
		await hook.waitFor(3);
		expect((await api.del(`/v2/batches/${b.id}`)).status).toBe(200);
		const hits = await hook.waitFor(4);
		expect(hits.map((h) => h.body.code)).toEqual([101, 102, 103, 203]);
		expect(hits[3].body).toMatchObject({ duration: 1, price: 0 });
	});

	it('a webhookStatus fault reads a 200 as the chosen status: the receiver gets the same report again', async () => {
		sim.setFault({ kind: 'webhookStatus', status: 500, webhook: 'deliveryReport', count: 1 });
		await send({ recipients: ['46701234050'] });
		await until(() => sim.state().rest.webhooks.length === 5 && sim.state().rest.webhooks.every((w) => w.finished), 'finished');
		const first = sim.state().rest.webhooks[0];
		expect(first.attempts.map((a) => [a.status, a.faultedAs])).toEqual([
			[200, 500],
			[200, undefined],
		]);
		const reports101 = hook.hits.filter((h) => h.body.code === 101);
		expect(reports101).toHaveLength(2);
		expect(reports101[0].body).toEqual(reports101[1].body);
		expect(sim.state().faults).toEqual([]);
	});
});

describe('incoming SMS', () => {
	it('POSTs the mo message document to the account URL and files it under the conversation', async () => {
		sim.setIncomingUrl('ip1-12345', `${hook.url}/in?secret=x`);
		const record = await sim.injectRestIncoming({ sender: '46701234567', recipient: '46709876543', body: 'Hej åäö 😀' });
		expect(record).toMatchObject({ kind: 'incoming', delivered: true, finished: true });
		const [hit] = hook.hits;
		expect(hit.path).toBe('/in?secret=x');
		expect(hit.contentType).toMatch(/^application\/json/);
		expect(hit.body).toMatchObject({ direction: 'mo', sender: '46701234567', recipient: '46709876543', body: 'Hej åäö 😀', owner: 'ip1-12345', datacoding: 'ucs', segments: 1 });
		expect(hit.body.id).toMatch(/^[0-9a-f]{24}$/);
		expect(hit.body.batchId).toMatch(/^[0-9a-f]{24}$/);
		expect(hit.body.id).not.toBe(hit.body.batchId);
		const mo = await api.get('/v2/conversations/46701234567/mo');
		expect(mo.data.map((m: { id: string }) => m.id)).toEqual([hit.body.id]);
	});

	it('is retried like delivery reports, with the same document', async () => {
		hook.script.push(500, 404);
		sim.setIncomingUrl('ip1-12345', hook.url);
		const record = await sim.injectRestIncoming({ sender: '46701234567', recipient: 'iP1', body: 'x' });
		expect(record.attempts).toHaveLength(1);
		await until(() => sim.state().rest.webhooks[0].finished, 'finished');
		expect(sim.state().rest.webhooks[0].attempts.map((a) => a.status)).toEqual([500, 404, 200]);
		expect(hook.hits.map((h) => h.body.id)).toEqual([record.payload.id, record.payload.id, record.payload.id]);
	});

	it('over HTTP: the URL and the injection as JSON and as a form; without a URL it is refused', async () => {
		const noUrl = await axios.post(`${sim.url}/_sim/rest/incoming`, { sender: '46701234567', recipient: 'iP1', body: 'x' }, { validateStatus: () => true });
		expect(noUrl.status).toBe(400);
		expect(noUrl.data.error).toMatch(/incoming-SMS URL/);
		const set = await axios.post(`${sim.url}/_sim/rest/incoming-url`, { url: `${hook.url}/json` });
		expect(set.data).toEqual({ account: 'ip1-12345', url: `${hook.url}/json` });
		const json = await axios.post(`${sim.url}/_sim/rest/incoming`, { sender: '46701234567', recipient: 'iP1', body: 'via json' });
		expect(json.data).toMatchObject({ delivered: true, payload: { body: 'via json' } });
		const form = await axios.post(`${sim.url}/_sim/rest/incoming`, new URLSearchParams({ sender: '46701234568', recipient: 'iP1', body: 'via form' }).toString(), {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			maxRedirects: 0,
			validateStatus: () => true,
		});
		expect(form.status).toBe(303);
		expect(hook.hits.map((h) => [h.path, h.body.body])).toEqual([
			['/json', 'via json'],
			['/json', 'via form'],
		]);
		expect(sim.state().rest.incomingUrls['ip1-12345']).toBe(`${hook.url}/json`);
	});

	it('an incoming URL from the options; reset restores it', async () => {
		const other = await startSimulator({ port: 0, quiet: true, accounts: [{ id: 'ip1-9', key: 'k', balance: 1, incomingUrl: `${hook.url}/configured` }] });
		try {
			other.setIncomingUrl('ip1-9', null);
			await expect(other.injectRestIncoming({ sender: '46701234567', recipient: 'iP1', body: 'x' })).rejects.toThrow(/incoming-SMS URL/);
			other.reset();
			await other.injectRestIncoming({ sender: '46701234567', recipient: 'iP1', body: 'x' });
			expect(hook.hits.map((h) => h.path)).toEqual(['/configured']);
		} finally {
			await other.stop();
		}
	});
});
