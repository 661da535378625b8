/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Every "unknown" of the contract is a switch: set by options, setRest() and POST /_sim/rest/settings.
import axios from 'axios';
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { restClient, type RestClient } from './restClient';

let sim: SimulatorHandle;
let api: RestClient;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true, rest: { postAnswer: 'ok' } });
	api = restClient(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => {
	sim.reset();
	sim.setRest({ postAnswer: 'created', errorBody: 'problem', rateLimit: null });
});

const valid = { sender: 'iP1', recipients: ['46701234567'], body: 'x' };

it('options set switches at start', async () => {
	const other = await startSimulator({ port: 0, quiet: true, rest: { postAnswer: 'id', maxPageSize: 7 } });
	try {
		expect(other.state().rest.settings).toMatchObject({ postAnswer: 'id', maxPageSize: 7, errorBody: 'problem' });
		const res = await restClient(other.url).post('/v2/batches', valid);
		expect(res.status).toBe(200);
		expect(Object.keys(res.data)).toEqual(['id']);
	} finally {
		await other.stop();
	}
});

describe('the answer to POST /v2/batches', () => {
	it.each([
		['created', 201, true],
		['ok', 200, true],
		['id', 200, false],
	] as const)('%s: HTTP %i, whole document %s', async (postAnswer, status, whole) => {
		sim.setRest({ postAnswer });
		const res = await api.post('/v2/batches', valid);
		expect(res.status).toBe(status);
		expect(res.data.id).toMatch(/^[0-9a-f]{24}$/);
		expect(res.headers.location).toBe(`/v2/batches/${res.data.id}`);
		if (whole) expect(res.data).toHaveProperty('messageSummary');
		else expect(res.data).toEqual({ id: res.data.id });
		expect(sim.state().rest.accepted).toBe(1);
	});

	it('messages: HTTP 201, the array of the batch\'s message documents as GET /v2/batches/{id}/messages lists them', async () => {
		sim.setRest({ postAnswer: 'messages' });
		// a scripted rejection (…4050 ends 405) among them: every recipient is listed, refused or not
		const recipients = ['46701234567', '46709876543', '46701114050'];
		const res = await api.post('/v2/batches', { ...valid, recipients });
		expect(res.status).toBe(201);
		expect(Array.isArray(res.data)).toBe(true);
		const batchId = /^\/v2\/batches\/([0-9a-f]{24})$/.exec(res.headers.location)?.[1];
		expect(batchId).toBeDefined();
		expect(res.data.map((m: { recipient: string }) => m.recipient)).toEqual(recipients);
		for (const m of res.data) {
			expect(m).toMatchObject({ batchId, direction: 'mt', sender: 'iP1', body: 'x' });
			expect(m.id).toMatch(/^[0-9a-f]{24}$/);
			expect(m.statuses).toHaveLength(1); // the latest only, as in a list
		}
		expect(res.data.map((m: { id: string }) => m.id)).toEqual(sim.state().rest.batches[0].messageIds);
		// delivery is instant here: nothing changes between the two answers
		const listed = await api.get(`/v2/batches/${batchId}/messages`);
		expect(res.data).toEqual(listed.data);
		expect(res.data.map((m: { statuses: Array<{ code: number }> }) => m.statuses[0].code)).toEqual([201, 201, 405]);
	});
});

describe('the error body form', () => {
	it('problem (default): application/problem+json as the portal documents it, the field told in detail', async () => {
		const res = await api.post('/v2/batches', { ...valid, sender: 'x' });
		expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
		expect(Object.keys(res.data).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
		expect(res.data).toMatchObject({ status: 400, instance: '/v2/batches', detail: expect.stringMatching(/^Sender: /) });
	});

	it('validation: application/problem+json with errors per field (ASP.NET)', async () => {
		sim.setRest({ errorBody: 'validation' });
		const res = await api.post('/v2/batches', { ...valid, sender: 'x' });
		expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
		expect(res.data.errors.Sender).toHaveLength(1);
		expect(res.data).not.toHaveProperty('instance');
	});

	it('text: a plain-text body naming the field', async () => {
		sim.setRest({ errorBody: 'text' });
		const res = await api.post('/v2/batches', { ...valid, sender: 'x' });
		expect(res.status).toBe(400);
		expect(res.headers['content-type']).toMatch(/^text\/plain/);
		expect(res.data).toMatch(/^One or more validation errors occurred\.\nSender: /);
		const missing = await api.get('/v2/batches/000000000000000000000000');
		expect(missing.status).toBe(404);
		expect(missing.data).toMatch(/Not Found/);
	});

	it('empty: the status alone', async () => {
		sim.setRest({ errorBody: 'empty' });
		const res = await api.post('/v2/batches', { ...valid, sender: 'x' });
		expect(res.status).toBe(400);
		expect(res.data).toBe('');
		expect(res.headers['content-type']).toBeUndefined();
		expect(res.headers['content-length']).toBe('0');
	});
});

describe('rate limit per API key', () => {
	it('answers 429 with Retry-After beyond the limit; nothing is sent; other keys are not affected', async () => {
		const two = await startSimulator({
			port: 0,
			quiet: true,
			accounts: [{ id: 'ip1-12345', key: 'test-api-key', balance: 1000, restKeys: ['a', 'b'] }],
			rest: { rateLimit: { requests: 3, perMs: 60_000 } },
		});
		try {
			const c = restClient(two.url, 'a');
			for (let i = 0; i < 3; i++) expect((await c.post('/v2/batches', valid)).status).toBe(201);
			const limited = await c.post('/v2/batches', valid);
			expect(limited.status).toBe(429);
			expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
			expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
			expect(limited.data).toMatchObject({ status: 429 });
			expect((await c.get('/api/me')).status).toBe(429);
			expect(two.state().rest.accepted).toBe(3);
			expect((await c.get('/api/me', 'b')).status).toBe(200);
			// a wrong key is a 401, never a 429
			expect((await c.get('/api/me', 'nope')).status).toBe(401);
		} finally {
			await two.stop();
		}
	});

	it('the window starts again after perMs', async () => {
		sim.setRest({ rateLimit: { requests: 1, perMs: 300 } });
		expect((await api.get('/api/me')).status).toBe(200);
		expect((await api.get('/api/me')).status).toBe(429);
		await new Promise((r) => setTimeout(r, 350));
		expect((await api.get('/api/me')).status).toBe(200);
	});
});

describe('the control API', () => {
	it('GET and POST /_sim/rest/settings; a bad name or value is refused', async () => {
		const set = await axios.post(`${sim.url}/_sim/rest/settings`, { postAnswer: 'id', reportIdKey: 'messageId', rateLimit: { requests: 10, perMs: 1000 } });
		expect(set.data).toMatchObject({ postAnswer: 'id', reportIdKey: 'messageId', rateLimit: { requests: 10, perMs: 1000 } });
		expect((await axios.get(`${sim.url}/_sim/rest/settings`)).data.postAnswer).toBe('id');
		expect((await api.post('/v2/batches', valid)).status).toBe(200);
		expect((await axios.post(`${sim.url}/_sim/rest/settings`, { postAnswer: 'messages' })).data.postAnswer).toBe('messages');
		expect(Array.isArray((await api.post('/v2/batches', valid)).data)).toBe(true);
		for (const bad of [{ postAnswer: 'maybe' }, { maxPageSize: 0 }, { frobnicate: 1 }, { rateLimit: { requests: 0, perMs: 1 } }, { statusSuffixes: { abc: 202 } }]) {
			const res = await axios.post(`${sim.url}/_sim/rest/settings`, bad, { validateStatus: () => true });
			expect(res.status).toBe(400);
			expect(res.data.error).toBeTruthy();
		}
		expect(() => sim.setRest({ errorBody: 'xml' as never })).toThrow(/errorBody/);
		sim.setRest({ reportIdKey: 'both' });
	});

	it('GET /_sim/rest shows batches, messages, accepted and calls per route', async () => {
		await api.post('/v2/batches', valid);
		await api.get('/api/me');
		const { data } = await axios.get(`${sim.url}/_sim/rest`);
		expect(data.batches).toHaveLength(1);
		expect(data.messages).toHaveLength(1);
		expect(data.accepted).toBe(1);
		expect(data.calls).toEqual({ 'POST /v2/batches': 1, 'GET /api/me': 1 });
		expect(sim.state().calls).toMatchObject({ 'rest POST /v2/batches': 1, 'rest GET /api/me': 1 });
	});
});
