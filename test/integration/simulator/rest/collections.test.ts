/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Paged lists (Link header), batches list, conversations, senders, blacklist, /api/me/account.
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { readLinks, restClient, type RestClient } from './restClient';

let sim: SimulatorHandle;
let api: RestClient;
beforeAll(async () => {
	sim = await startSimulator({
		port: 0,
		quiet: true,
		// field errors read from ASP.NET's `errors` map (the portal's default form tells them in `detail`)
		rest: { errorBody: 'validation' },
		accounts: [
			{ id: 'ip1-12345', key: 'test-api-key', balance: 1000, name: 'Testbolaget', organization: 'Testbolaget AB' },
			{ id: 'ip1-2', key: 'k2', balance: 10, incomingUrl: 'http://127.0.0.1:9/none' },
		],
	});
	api = restClient(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const send = (recipients: string[], body = 'x') => api.post('/v2/batches', { sender: 'iP1', recipients, body });
const path = (url: string) => new URL(url).pathname + new URL(url).search;

describe('paging', () => {
	it('GET /v2/batches pages with start/limit/order and a Link header (self, first, prev, next, last)', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) ids.push((await send(['46701234567'], `n${i}`)).data.id);
		const first = await api.get('/v2/batches?limit=2');
		expect(first.status).toBe(200);
		expect(first.data.map((b: { id: string }) => b.id)).toEqual(ids.slice(0, 2));
		expect(first.data[0]).not.toHaveProperty('priceSummary');
		expect(first.data[0]).not.toHaveProperty('messageSummary');
		expect(first.data[0]).toMatchObject({ id: ids[0], body: 'n0', owner: 'ip1-12345' });
		const links = readLinks(first.headers.link);
		expect(Object.keys(links).sort()).toEqual(['first', 'last', 'next', 'self']);
		expect(path(links.next)).toBe('/v2/batches?start=2&limit=2&order=ASC');
		expect(path(links.last)).toBe('/v2/batches?start=4&limit=2&order=ASC');
		expect(first.headers.link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/v2\/batches\?start=0&limit=2&order=ASC>; rel="self", /);

		const seen: string[] = [];
		let next: string | undefined = `/v2/batches?limit=2`;
		while (next) {
			const res = await api.get(next);
			seen.push(...res.data.map((b: { id: string }) => b.id));
			next = readLinks(res.headers.link).next && path(readLinks(res.headers.link).next);
		}
		expect(seen).toEqual(ids);

		const middle = await api.get('/v2/batches?start=2&limit=2');
		expect(path(readLinks(middle.headers.link).prev)).toBe('/v2/batches?start=0&limit=2&order=ASC');
		const desc = await api.get('/v2/batches?order=desc');
		expect(desc.data.map((b: { id: string }) => b.id)).toEqual([...ids].reverse());
		expect(desc.data).toHaveLength(5);
	});

	it('out-of-range paging is a 400 naming the parameter; the largest page is a switch', async () => {
		for (const [q, field] of [['limit=0', 'Limit'], ['limit=1001', 'Limit'], ['start=-1', 'Start'], ['order=up', 'Order'], ['limit=abc', 'Limit']]) {
			const res = await api.get(`/v2/batches?${q}`);
			expect(res.status).toBe(400);
			expect(Object.keys(res.data.errors)).toEqual([field]);
		}
		expect((await api.get('/v2/batches?limit=1000')).status).toBe(200);
		sim.setRest({ maxPageSize: 10 });
		try {
			expect((await api.get('/v2/batches?limit=11')).status).toBe(400);
			expect((await api.get('/v2/batches?limit=10')).status).toBe(200);
		} finally {
			sim.setRest({ maxPageSize: 1000 });
		}
	});

	it('the messages of a batch page too (default limit 50)', async () => {
		const numbers = Array.from({ length: 60 }, (_, i) => String(46700000100 + i));
		const { data: b } = await send(numbers);
		const first = await api.get(`/v2/batches/${b.id}/messages`);
		expect(first.data).toHaveLength(50);
		const next = readLinks(first.headers.link).next;
		const rest = await api.get(path(next));
		expect(rest.data).toHaveLength(10);
		expect([...first.data, ...rest.data].map((m: { recipient: string }) => m.recipient)).toEqual(numbers);
		expect(readLinks(rest.headers.link).next).toBeUndefined();
	});

	it('a client reading both Link forms gets the same links', async () => {
		await send(['46701234567']);
		await send(['46701234567']);
		const semicolon = readLinks((await api.get('/v2/batches?limit=1')).headers.link);
		sim.setRest({ linkStyle: 'space' });
		try {
			const res = await api.get('/v2/batches?limit=1');
			expect(res.headers.link).toMatch(/^<[^>]+> rel="self", /);
			expect(readLinks(res.headers.link)).toEqual(semicolon);
		} finally {
			sim.setRest({ linkStyle: 'semicolon' });
		}
	});
});

describe('conversations', () => {
	it('every message to and from a number: all, /mt, /mo and /summary', async () => {
		await sim.setIncomingUrl('ip1-12345', null);
		await send(['46701234567'], 'first');
		await send(['46701234567', '46709999999'], 'second');
		await send(['0701'], 'bad');
		const hook = await import('./webhookServer').then((m) => m.startWebhookServer());
		try {
			await sim.injectRestIncoming({ sender: '46701234567', recipient: 'iP1', body: 'svar', url: `${hook.url}/in` });
		} finally {
			await hook.close();
		}
		const all = await api.get('/v2/conversations/46701234567');
		expect(all.status).toBe(200);
		expect(all.data.map((m: { direction: string; body: string }) => `${m.direction}:${m.body}`)).toEqual(['mt:first', 'mt:second', 'mo:svar']);
		expect(all.headers.link).toContain('rel="self"');
		expect((await api.get('/v2/conversations/46701234567/mt')).data).toHaveLength(2);
		const mo = await api.get('/v2/conversations/46701234567/mo');
		expect(mo.data).toHaveLength(1);
		expect(mo.data[0]).toMatchObject({ direction: 'mo', sender: '46701234567', recipient: 'iP1', body: 'svar' });
		const summary = await api.get('/v2/conversations/46701234567/summary');
		expect(summary.data).toEqual({
			participant: '46701234567',
			totalMessageCount: 3,
			totalSmsCount: 3,
			mobileTerminatedMessages: { '201': { messages: 2, sms: 2 } },
			mobileOriginatedMessages: { '201': { messages: 1, sms: 1 } },
		});
		expect((await api.get('/v2/conversations/46709999999')).data).toHaveLength(1);
		expect((await api.get('/v2/conversations/46700000000')).data).toEqual([]);
		// another account sees none of it
		expect((await api.get('/v2/conversations/46701234567', 'k2-rest')).data).toEqual([]);
	});
});

describe('senders', () => {
	it('iP1 and iP1sms are registered from the start; PUT registers, GET reads, DELETE removes', async () => {
		const list = await api.get('/v2/me/senders');
		expect(list.data.map((s: { sender: string }) => s.sender)).toEqual(['iP1', 'iP1sms']);
		expect(list.data[0].created).toMatch(/Z$/);
		const put = await api.put('/v2/me/senders/Acme');
		expect(put.status).toBe(200);
		expect(put.data).toMatchObject({ sender: 'Acme' });
		expect((await api.get('/v2/me/senders/acme')).data.sender).toBe('Acme');
		expect((await api.post('/v2/batches', { sender: 'Acme', recipients: ['46701234567'], body: 'x' })).status).toBe(201);
		expect((await api.put('/v2/me/senders/A')).status).toBe(400);
		expect((await api.del('/v2/me/senders/Acme')).status).toBe(200);
		expect((await api.get('/v2/me/senders/Acme')).status).toBe(404);
		expect((await api.del('/v2/me/senders/Acme')).status).toBe(404);
		expect((await api.post('/v2/batches', { sender: 'Acme', recipients: ['46701234567'], body: 'x' })).status).toBe(400);
		expect(sim.state().rest.senders['ip1-12345']).toEqual(['iP1', 'iP1sms']);
	});
});

describe('blacklist', () => {
	it('PUT lists a number, GET reads it, DELETE removes it; a bad number is a 400', async () => {
		expect((await api.get('/v2/blacklist')).data).toEqual([]);
		expect((await api.put('/v2/blacklist/46701234567')).data).toMatchObject({ msisdn: '46701234567' });
		expect((await api.get('/v2/blacklist')).data.map((e: { msisdn: string }) => e.msisdn)).toEqual(['46701234567']);
		expect((await api.get('/v2/blacklist/46701234567')).status).toBe(200);
		expect((await api.get('/v2/blacklist/46700000000')).status).toBe(404);
		const bad = await api.put('/v2/blacklist/070-123');
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data.errors)).toEqual(['Msisdn']);
		await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'x' });
		expect(sim.state().rest.messages[0].status).toBe(406);
		expect((await api.del('/v2/blacklist/46701234567')).status).toBe(200);
		await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'x' });
		expect(sim.state().rest.messages[1].status).toBe(201);
	});

	it('an incoming "STOP" lists the sender', async () => {
		const hook = await import('./webhookServer').then((m) => m.startWebhookServer());
		try {
			await sim.injectRestIncoming({ sender: '46705550000', recipient: 'iP1', body: ' Stop ', url: hook.url });
		} finally {
			await hook.close();
		}
		expect((await api.get('/v2/blacklist/46705550000')).status).toBe(200);
	});
});

describe('/api/me/account and routing', () => {
	it('answers the account details in PascalCase, never a key', async () => {
		const res = await api.get('/api/me/account');
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ Key: 'ip1-12345', Parent: null, Type: 'Swedish', Balance: 1000, Currency: 'SEK', ID: 12345, Name: 'Testbolaget' });
		expect((await api.get('/api/me')).data.Organization).toBe('Testbolaget AB');
		expect(JSON.stringify(res.data)).not.toContain('test-api-key');
	});

	it('paths are case-insensitive and take a trailing slash; an unknown path is 404, a wrong method 405', async () => {
		expect((await api.get('/API/ME/')).status).toBe(200);
		expect((await api.get('/V2/Batches')).status).toBe(200);
		const unknown = await api.get('/v2/nothing');
		expect(unknown.status).toBe(404);
		expect(unknown.data).toBe('');
		expect((await api.put('/v2/batches')).status).toBe(405);
	});
});
