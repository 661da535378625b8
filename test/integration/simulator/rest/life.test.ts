/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Message life on the delivery timing, delivery windows and expiry, DELETE, scripted number endings.
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { restClient, until, type RestClient } from './restClient';

let instant: SimulatorHandle;
let timed: SimulatorHandle;
let api: RestClient;
let timedApi: RestClient;
beforeAll(async () => {
	instant = await startSimulator({ port: 0, quiet: true });
	timed = await startSimulator({ port: 0, quiet: true, delivery: { toNetworkMs: 100, toPhoneMs: 3000 } });
	api = restClient(instant.url);
	timedApi = restClient(timed.url);
});
afterAll(async () => {
	await instant.stop();
	await timed.stop();
});
beforeEach(() => {
	instant.reset();
	timed.reset();
});

const inOneHour = () => new Date(Date.now() + 3600_000).toISOString();
const codes = (sim: SimulatorHandle, i = 0) => sim.state().rest.messages[i].history.map((h) => h.code);


describe('message life', () => {
	it('walks 101 → 102 → 103 → 110 → 111 → 112 → 113 → 201 on the configured timing', async () => {
		const { data: b } = await timedApi.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'x' });
		const first = timed.state().rest.messages[0];
		expect(first.status).toBeLessThan(200);
		await until(() => timed.state().rest.messages[0].status === 201, '201');
		expect(codes(timed)).toEqual([101, 102, 103, 110, 111, 112, 113, 201]);
		const one = await timedApi.get(`/v2/batches/${b.id}/messages/${first.id}`);
		expect(one.data.statuses.map((s: { code: number }) => s.code)).toEqual([201, 113, 112, 111, 110, 103, 102, 101]);
	});

	it.each([
		['46701232020', [101, 102, 103, 110, 111, 112, 113, 202]],
		['46701234050', [101, 102, 103, 110, 405]],
		['46701235050', [101, 102, 103, 110, 111, 112, 500]],
	])('a number ending as %s is scripted to end %j', async (number, expected) => {
		await api.post('/v2/batches', { sender: 'iP1', recipients: [number], body: 'x' });
		expect(codes(instant)).toEqual(expected);
	});

	it('the scripted endings are a switch', async () => {
		instant.setRest({ statusSuffixes: { '777': 511 } });
		try {
			await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234777', '46701232020'], body: 'x' });
			expect(instant.state().rest.messages.map((m) => m.status)).toEqual([511, 201]);
		} finally {
			instant.setRest({ statusSuffixes: { '2020': 202, '4050': 405, '5050': 500 } });
		}
	});
});

describe('delivery windows', () => {
	it('messages wait (103) until the window opens, then go out', async () => {
		const opens = new Date(Date.now() + 1500).toISOString();
		await timedApi.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'x', deliveryWindows: [{ opens }] });
		expect(timed.state().rest.messages[0].status).toBe(103);
		await until(() => timed.state().rest.messages[0].status === 201, '201 after the window opened');
		expect(codes(timed)).toEqual([101, 102, 103, 110, 111, 112, 113, 201]);
	});

	it('what is not delivered when the window closes expires (202)', async () => {
		const opens = new Date(Date.now() - 60_000).toISOString();
		const closes = new Date(Date.now() + 1500).toISOString(); // before the 3.1 s the delivery takes
		const res = await timedApi.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'x', deliveryWindows: [{ opens, closes }] });
		expect(res.status).toBe(201);
		await until(() => timed.state().rest.messages[0].status === 202, '202 Expired');
		expect(codes(timed)).toEqual([101, 102, 103, 110, 111, 112, 202]);
	});

	it('the first window that has not closed is used', async () => {
		const res = await api.post('/v2/batches', {
			sender: 'iP1',
			recipients: ['46701234567'],
			body: 'x',
			deliveryWindows: [
				{ opens: inOneHour(), closes: new Date(Date.now() + 7200_000).toISOString() },
				{ opens: '2001-01-01T00:00:00Z', closes: '2001-01-02T00:00:00Z' },
			],
		});
		expect(res.status).toBe(201);
		expect(res.data.deliveryWindows[0].opens).toBe('2001-01-01T00:00:00Z'); // sorted
		expect(instant.state().rest.messages[0].status).toBe(103);
	});
});

describe('DELETE /v2/batches/{id}', () => {
	it('cancels waiting messages (203) and refunds them; 409 when nothing waits; 404 for an unknown batch', async () => {
		const { data: b } = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567', '46709876543', '0701'], body: 'x', deliveryWindows: [{ opens: inOneHour() }] });
		expect((await api.get('/api/me')).data.Balance).toBe(999.3);
		const del = await api.del(`/v2/batches/${b.id}`);
		expect(del.status).toBe(200);
		expect(del.data.messageSummary).toEqual({ '203': { messages: 2, sms: 2 }, '405': { messages: 1, sms: 1 } });
		expect(del.data.priceSummary.total).toBe(0);
		expect(codes(instant)).toEqual([101, 102, 103, 203]);
		expect((await api.get('/api/me')).data.Balance).toBe(1000);
		const again = await api.del(`/v2/batches/${b.id}`);
		expect(again.status).toBe(409);
		expect(again.data).toMatchObject({ status: 409 });
		expect((await api.del('/v2/batches/000000000000000000000000')).status).toBe(404);
	});

	it('409 for a batch already sent; the answer form is a switch (204)', async () => {
		const { data: sent } = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'x' });
		expect((await api.del(`/v2/batches/${sent.id}`)).status).toBe(409);
		instant.setRest({ deleteAnswer: 'noContent' });
		try {
			const { data: b } = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'x', deliveryWindows: [{ opens: inOneHour() }] });
			const del = await api.del(`/v2/batches/${b.id}`);
			expect(del.status).toBe(204);
			expect(del.data).toBe('');
		} finally {
			instant.setRest({ deleteAnswer: 'ok' });
		}
	});
});
