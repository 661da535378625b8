/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Parts and prices: GSM 160 / 153 per part, UCS-2 70 / 67 per part; debited per part; 402 on what cannot be paid.
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { restClient, type RestClient } from './restClient';

let sim: SimulatorHandle;
let api: RestClient;
beforeAll(async () => {
	sim = await startSimulator({
		port: 0,
		quiet: true,
		accounts: [
			{ id: 'ip1-12345', key: 'test-api-key', balance: 1000 },
			{ id: 'ip1-poor', key: 'poor', balance: 1, pricePerPart: 0.35 },
			{ id: 'ip1-eur', key: 'eur', balance: 10, currency: 'EUR' },
		],
	});
	api = restClient(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

async function parts(body: string, datacoding: 'gsm' | 'ucs'): Promise<number> {
	const res = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body, datacoding });
	expect(res.status).toBe(201);
	const m = sim.state().rest.messages.at(-1)!;
	return m.segments;
}

it.each([
	['x'.repeat(160), 'gsm', 1],
	['x'.repeat(161), 'gsm', 2],
	['x'.repeat(306), 'gsm', 2],
	['x'.repeat(307), 'gsm', 3],
	['€'.repeat(80), 'gsm', 1],
	['€'.repeat(81), 'gsm', 2],
	['x'.repeat(70), 'ucs', 1],
	['x'.repeat(71), 'ucs', 2],
	['x'.repeat(134), 'ucs', 2],
	['x'.repeat(135), 'ucs', 3],
	['😀'.repeat(35), 'ucs', 1],
	['😀'.repeat(36), 'ucs', 2],
] as const)('%#: %s… as %s is %i part(s)', async (body, datacoding, expected) => {
	expect(await parts(body, datacoding)).toBe(expected);
});

it('debits price per part × recipients; priceSummary and the message price agree; each templated text is counted on its own', async () => {
	const res = await api.post('/v2/batches', {
		sender: 'iP1',
		recipients: { '46701234567': { t: 'x'.repeat(100) }, '46709876543': { t: 'kort' } },
		body: 'Hej {t}',
	});
	expect(res.status).toBe(201);
	const [long, short] = sim.state().rest.messages;
	expect([long.segments, short.segments]).toEqual([2, 1]);
	expect([long.price, short.price]).toEqual([0.7, 0.35]);
	expect(res.data.priceSummary).toEqual({ total: 1.05, currency: 'SEK', average: 0.525 });
	expect(res.data.messageSummary).toEqual({ '201': { messages: 2, sms: 3 } });
	expect((await api.get('/api/me')).data.Balance).toBe(998.95);
});

it('the account currency: EUR accounts are billed in EUR', async () => {
	const res = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701234567'], body: 'x' }, 'eur-rest');
	expect(res.data.priceSummary).toEqual({ total: 0.035, currency: 'EUR', average: 0.035 });
	expect(sim.state().rest.messages[0]).toMatchObject({ price: 0.035, currency: 'EUR' });
	expect((await api.get('/api/me', 'eur-rest')).data).toMatchObject({ Balance: 9.965, Currency: 'EUR', Type: 'international' });
});

it('402 InsufficientFunds on the messages the balance cannot pay; they cost nothing and are not accepted', async () => {
	const res = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701111111', '46702222222', '46703333333', '46704444444'], body: 'x' }, 'poor-rest');
	expect(res.status).toBe(201);
	expect(sim.state().rest.messages.map((m) => [m.status, m.price])).toEqual([
		[201, 0.35],
		[201, 0.35],
		[402, 0],
		[402, 0],
	]);
	expect(sim.state().rest.accepted).toBe(2);
	expect(res.data.messageSummary['402']).toEqual({ messages: 2, sms: 2 });
	expect((await api.get('/api/me', 'poor-rest')).data.Balance).toBe(0.3);
	expect(sim.state().accounts.find((a) => a.id === 'ip1-poor')!.balance).toBe(0.3);
});
