/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The existing fault kinds on REST requests, chosen by method and path.
import axios from 'axios';
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { restClient, type RestClient } from './restClient';

let sim: SimulatorHandle;
let api: RestClient;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true });
	api = restClient(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const valid = { sender: 'iP1', recipients: ['46701234567'], body: 'x' };
const postBatch = () => api.post('/v2/batches', valid);
const accepted = () => sim.state().rest.accepted;

it('a fault for POST /v2/batches leaves GET alone, and the next POST works again', async () => {
	sim.setFault({ kind: 'http503', method: 'POST', path: '/v2/batches', count: 1 });
	expect((await api.get('/v2/batches')).status).toBe(200);
	const res = await postBatch();
	expect(res.status).toBe(503);
	expect(res.headers['content-type']).toMatch(/^text\/html/);
	expect(accepted()).toBe(0);
	expect((await postBatch()).status).toBe(201);
	expect(sim.state().requests.map((r) => [r.operation, r.faulted])).toEqual([
		['GET /v2/batches', undefined],
		['POST /v2/batches', 'http503'],
		['POST /v2/batches', undefined],
	]);
});

it('a path with * matches one segment; service rest matches every REST request', async () => {
	const { data: b } = await postBatch();
	sim.setFault({ kind: 'http500', path: '/v2/batches/*', count: 1 });
	expect((await api.get('/v2/batches')).status).toBe(200);
	const res = await api.get(`/v2/batches/${b.id}`);
	expect(res.status).toBe(500);
	expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
	expect(res.data.status).toBe(500);
	sim.setFault({ kind: 'http500', service: 'rest', count: 1 });
	expect((await api.get('/api/me')).status).toBe(500);
	expect((await api.get('/api/me')).status).toBe(200);
});

it('the operation name of a route also selects it', async () => {
	const { data: b } = await postBatch();
	sim.setFault({ kind: 'http500', operation: 'GET /v2/batches/{id}/messages', count: 1 });
	expect((await api.get(`/v2/batches/${b.id}`)).status).toBe(200);
	expect((await api.get(`/v2/batches/${b.id}/messages`)).status).toBe(500);
});

it('resetBefore: no answer, nothing sent', async () => {
	sim.setFault({ kind: 'resetBefore', method: 'post', path: '/v2/batches', count: 1 });
	await expect(postBatch()).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE|ECONNABORTED/) });
	expect(accepted()).toBe(0);
	expect(sim.state().rest.batches).toHaveLength(0);
});

it('resetAfter: no answer, but the batch was sent', async () => {
	sim.setFault({ kind: 'resetAfter', method: 'POST', path: '/v2/batches', count: 1 });
	await expect(postBatch()).rejects.toBeDefined();
	expect(accepted()).toBe(1);
});

it('malformedXml (a cut JSON body), emptyBody, truncatedBody: HTTP 200 whose body cannot be read; the batch was sent', async () => {
	sim.setFault({ kind: 'malformedXml', method: 'POST', path: '/v2/batches', count: 1 });
	const cut = await postBatch();
	expect(cut.status).toBe(200);
	expect(() => JSON.parse(cut.data)).toThrow();
	sim.setFault({ kind: 'emptyBody', method: 'POST', path: '/v2/batches', count: 1 });
	const empty = await postBatch();
	expect(empty.status).toBe(200);
	expect(empty.data).toBe('');
	sim.setFault({ kind: 'truncatedBody', method: 'POST', path: '/v2/batches', count: 1 });
	await expect(axios.post(`${sim.url}/v2/batches`, valid, { headers: { Authorization: 'Bearer test-api-key-rest' } })).rejects.toBeDefined();
	expect(accepted()).toBe(3);
});

it('delay: the normal answer, later (a request sent meanwhile is answered first)', async () => {
	sim.setFault({ kind: 'delay', delayMs: 3000, method: 'GET', path: '/api/me', count: 1 });
	const order: string[] = [];
	const delayed = api.get('/api/me').then((r) => (order.push('delayed'), r));
	while (sim.state().requestCount === 0) await new Promise((r) => setTimeout(r, 10)); // it waits in the simulator now
	expect((await api.get('/api/me')).status).toBe(200);
	order.push('plain');
	const res = await delayed;
	expect(res.status).toBe(200);
	expect(res.data.Account).toBe('ip1-12345');
	expect(order).toEqual(['plain', 'delayed']);
	expect(sim.state().requests.map((r) => r.faulted)).toEqual(['delay', undefined]);
});

it('faults are set over HTTP too, and bad ones are refused', async () => {
	const set = await axios.post(`${sim.url}/_sim/faults`, { kind: 'http500', service: 'rest', method: 'DELETE', path: '/v2/batches/*' });
	expect(set.data).toEqual([{ kind: 'http500', service: 'rest', method: 'DELETE', path: '/v2/batches/*' }]);
	for (const bad of [{ kind: 'webhookStatus' }, { kind: 'webhookStatus', status: 200, webhook: 'sms' }, { kind: 'http500', service: 'graphql' }]) {
		expect((await axios.post(`${sim.url}/_sim/faults`, bad, { validateStatus: () => true })).status).toBe(400);
	}
});
