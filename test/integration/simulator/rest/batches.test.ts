/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import axios from 'axios';
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { REST_KEY, restClient, type RestClient } from './restClient';

let sim: SimulatorHandle;
let api: RestClient;
beforeAll(async () => {
	sim = await startSimulator({
		port: 0,
		quiet: true,
		accounts: [
			{ id: 'ip1-12345', key: 'test-api-key', balance: 100 },
			{ id: 'ip1-777', key: 'other', balance: 5, restKeys: ['other-a', 'other-b'], currency: 'EUR', type: 'international' },
		],
	});
	api = restClient(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const HEX24 = /^[0-9a-f]{24}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('POST /v2/batches', () => {
	it('answers 201, Location and the batch document; every recipient becomes a message that ends 201', async () => {
		const res = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567', '46709876543'], body: 'Hej' });
		expect(res.status).toBe(201);
		const b = res.data;
		expect(b.id).toMatch(HEX24);
		expect(res.headers.location).toBe(`/v2/batches/${b.id}`);
		expect(b).toMatchObject({
			sender: 'iP1',
			body: 'Hej',
			owner: 'ip1-12345',
			direction: 'mt',
			type: 'sms',
			datacoding: 'ucs',
			priority: 1,
			templated: false,
			priceSummary: { total: 0.7, currency: 'SEK', average: 0.35 },
			messageSummary: { '201': { messages: 2, sms: 2 } },
			deliveryWindows: [],
			deliveryReportUrl: null,
			reference: null,
			tags: [],
		});
		expect(b.created).toMatch(ISO_UTC);
		const state = sim.state();
		expect(state.rest.accepted).toBe(2);
		expect(state.accepted).toBe(2);
		expect(state.rest.messages.map((m) => [m.recipient, m.status])).toEqual([
			['46701234567', 201],
			['46709876543', 201],
		]);
		expect(state.rest.messages[0].history.map((h) => h.code)).toEqual([101, 102, 103, 110, 111, 112, 113, 201]);
		expect(state.accounts[0].balance).toBe(99.3);
	});

	it('every key of an account works; another account does not see the batch', async () => {
		const mine = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'x' }, 'other-b');
		expect(mine.status).toBe(201);
		expect(mine.data.owner).toBe('ip1-777');
		expect(mine.data.priceSummary.currency).toBe('EUR');
		expect((await api.get(`/v2/batches/${mine.data.id}`, 'other-a')).status).toBe(200);
		expect((await api.get(`/v2/batches/${mine.data.id}`)).status).toBe(404);
	});

	it('401 without a body for a missing, wrong or non-Bearer key; the SOAP key is not a REST key', async () => {
		for (const key of [null, 'nope', 'test-api-key']) {
			const res = await api.get('/api/me', key);
			expect(res.status).toBe(401);
			expect(res.data).toBe('');
			expect(res.headers['www-authenticate']).toBe('Bearer');
		}
		const basic = await axios.get(`${sim.url}/api/me`, { headers: { Authorization: `Basic ${REST_KEY}` }, validateStatus: () => true });
		expect(basic.status).toBe(401);
		expect(sim.state().rest.accepted).toBe(0);
	});
});

describe('reading batches and messages', () => {
	it('GET /v2/batches/{id}, its messages, and one message with its whole history newest first', async () => {
		const { data: b } = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'Hej', reference: 'order-1' });
		const got = await api.get(`/v2/batches/${b.id}`);
		expect(got.status).toBe(200);
		expect(got.data).toEqual(b);
		const list = await api.get(`/v2/batches/${b.id}/messages`);
		expect(list.status).toBe(200);
		expect(list.data).toHaveLength(1);
		const m = list.data[0];
		expect(m).toMatchObject({ batchId: b.id, owner: 'ip1-12345', sender: 'iP1', recipient: '46701234567', body: 'Hej', direction: 'mt', segments: 1, type: 'sms', datacoding: 'ucs', priority: 1, price: 0.35, currency: 'SEK', reference: 'order-1', mcc: '240' });
		expect(m.id).toMatch(HEX24);
		expect(m.statuses).toEqual([{ code: 201, duration: 1, created: expect.stringMatching(ISO_UTC) }]);
		const one = await api.get(`/v2/batches/${b.id}/messages/${m.id}`);
		expect(one.status).toBe(200);
		expect(one.data.statuses.map((s: { code: number }) => s.code)).toEqual([201, 113, 112, 111, 110, 103, 102, 101]);
		expect(one.data.statuses.map((s: { duration: number }) => s.duration)).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
	});

	it('404 problem documents for an unknown batch or message', async () => {
		const { data: b } = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'Hej' });
		for (const path of ['/v2/batches/000000000000000000000000', `/v2/batches/${b.id}/messages/000000000000000000000000`, '/v2/batches/000000000000000000000000/messages']) {
			const res = await api.get(path);
			expect(res.status).toBe(404);
			expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
			expect(res.data).toMatchObject({ status: 404, title: 'Not Found' });
		}
		expect((await api.get(`/v2/batches/${b.id}/messages/000000000000000000000000`)).data.detail).toBe('Message or batch not found');
	});
});

describe('GET /api/me', () => {
	it('answers the account in PascalCase with its balance after sending', async () => {
		await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'Hej' });
		const me = await api.get('/api/me');
		expect(me.status).toBe(200);
		expect(me.data).toEqual({ Account: 'ip1-12345', Organization: expect.any(String), Type: 'Swedish', Balance: 99.65, Currency: 'SEK' });
		const other = await api.get('/api/me', 'other-a');
		expect(other.data).toMatchObject({ Account: 'ip1-777', Type: 'international', Balance: 5, Currency: 'EUR' });
	});
});
