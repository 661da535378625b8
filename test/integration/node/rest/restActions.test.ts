/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Conversation, Sender and Blacklist (REST only) against the simulator: what they read and change,
// one output item per row paired to its input item, ids as strings, dates ISO UTC.
import { items, postBatch, startReceiver, startRestGateway, type RestGateway } from './restGateway';

jest.setTimeout(30_000); // the first run of a file also loads n8n-core and compiles the node

let gw: RestGateway;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
	gw = await startRestGateway();
	receiver = await startReceiver();
});
afterAll(async () => {
	await gw.sim.stop();
	await receiver.close();
});
const smsFromAnna = (body: string) => gw.sim.injectRestIncoming({ sender: ANNA, recipient: 'iP1', body, url: receiver.url });
beforeEach(() => gw.sim.reset());

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ANNA = '46701234567';
const BERIT = '46709876543';

describe('Conversation', () => {
	it('Get Messages: all, outgoing and incoming for a number, each row paired to its input item', async () => {
		await postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA, BERIT], body: 'Hej!' });
		await postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA], body: 'Påminnelse' });
		await smsFromAnna('Tack');

		const all = await gw.run(
			{ resource: 'conversation', operation: 'getMessages', phoneNumber: '={{ $json.phone }}', direction: 'all', returnAll: true },
			{ input: items({ phone: '+46 70-123 45 67' }, { phone: BERIT }) },
		);
		expect(all.error).toBeUndefined();
		const rows: any[] = all.items.map((i) => ({ item: (i.pairedItem as { item: number }).item, ...i.json }));
		expect(rows.filter((r) => r.item === 0).map((r) => [r.direction, r.message])).toEqual(
			expect.arrayContaining([['outgoing', 'Hej!'], ['outgoing', 'Påminnelse'], ['incoming', 'Tack']]),
		);
		expect(rows.filter((r) => r.item === 0)).toHaveLength(3);
		expect(rows.filter((r) => r.item === 1).map((r) => [r.direction, r.to, r.message])).toEqual([['outgoing', BERIT, 'Hej!']]);
		const stored = gw.sim.state().rest.messages;
		for (const row of rows) {
			expect(typeof row.messageId).toBe('string');
			expect(stored.map((m) => m.id)).toContain(row.messageId);
			expect(row.statusAt ?? new Date().toISOString()).toMatch(ISO_UTC);
		}

		const outgoing = await gw.run({ resource: 'conversation', operation: 'getMessages', phoneNumber: ANNA, direction: 'outgoing', returnAll: true });
		expect(outgoing.items.map((i) => i.json.message).sort()).toEqual(['Hej!', 'Påminnelse']);
		const incoming = await gw.run({ resource: 'conversation', operation: 'getMessages', phoneNumber: ANNA, direction: 'incoming', returnAll: true });
		expect(incoming.items.map((i) => [i.json.from, i.json.message])).toEqual([[ANNA, 'Tack']]);
	});

	it('Get Messages: Limit returns at most that many, Return All pages through everything', async () => {
		gw.sim.setRest({ maxPageSize: 50 });
		try {
			await Promise.all(Array.from({ length: 120 }, (_, n) => postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA], body: `nr ${n}` })));
			const limited = await gw.run({ resource: 'conversation', operation: 'getMessages', phoneNumber: ANNA, direction: 'all', returnAll: false, limit: 70 });
			expect(limited.error).toBeUndefined();
			expect(limited.items).toHaveLength(70);
			const everything = await gw.run({ resource: 'conversation', operation: 'getMessages', phoneNumber: ANNA, direction: 'all', returnAll: true });
			expect(everything.error).toBeUndefined();
			expect(everything.items.map((i) => i.json.message).sort()).toEqual(Array.from({ length: 120 }, (_, n) => `nr ${n}`).sort());
			expect(new Set(everything.items.map((i) => i.json.messageId)).size).toBe(120);
		} finally {
			gw.sim.setRest({ maxPageSize: 1000 });
		}
	});

	it('Get Summary: counts per direction and status', async () => {
		await postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA], body: 'x'.repeat(200), datacoding: 'gsm' });
		await smsFromAnna('Ok');
		const result = await gw.run({ resource: 'conversation', operation: 'getSummary', phoneNumber: ANNA });
		expect(result.error).toBeUndefined();
		const out = result.items[0].json as any;
		expect(out.phoneNumber).toBe(ANNA);
		expect(out.totalMessages).toBe(2);
		expect(out.totalSegments).toBe(3);
		const sum = (counts: Record<string, { messages: number; segments: number }>) =>
			Object.values(counts).reduce((a, c) => ({ messages: a.messages + c.messages, segments: a.segments + c.segments }), { messages: 0, segments: 0 });
		expect(sum(out.outgoing)).toEqual({ messages: 1, segments: 2 });
		expect(sum(out.incoming)).toEqual({ messages: 1, segments: 1 });
	});
});

describe('Sender', () => {
	it('Register, Get Many, Remove change the account’s senders as the simulator keeps them', async () => {
		const registered = await gw.run({ resource: 'sender', operation: 'register', sender: 'Acme' });
		expect(registered.error).toBeUndefined();
		expect(registered.items[0].json).toMatchObject({ sender: 'Acme' });
		expect(registered.items[0].json.createdAt).toMatch(ISO_UTC);
		expect(gw.sim.state().rest.senders['ip1-12345']).toEqual(expect.arrayContaining(['Acme']));

		const one = await gw.run({ resource: 'sender', operation: 'get', sender: 'acme' }, { input: [{ json: {} }, { json: {} }] });
		expect(one.error).toBeUndefined();
		expect(one.items.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ sender: 'Acme', createdAt: registered.items[0].json.createdAt }, { item: 0 }],
			[{ sender: 'Acme', createdAt: registered.items[0].json.createdAt }, { item: 1 }],
		]);

		const list = await gw.run({ resource: 'sender', operation: 'getAll' });
		expect(list.items.map((i) => i.json.sender).sort()).toEqual(['Acme', 'iP1', 'iP1sms']);
		expect(list.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);

		const removed = await gw.run({ resource: 'sender', operation: 'remove', sender: 'Acme' });
		expect(removed.items[0].json).toEqual({ sender: 'Acme', removed: true });
		expect(gw.sim.state().rest.senders['ip1-12345']).not.toContain('Acme');

		const gone = await gw.run({ resource: 'sender', operation: 'get', sender: 'Acme' });
		expect(gone.error?.message).toMatch(/sender Acme/);
		expect(gone.error?.message).toMatch(/404/);
	});

	it('Get refuses a malformed sender before any request', async () => {
		const before = gw.requests();
		const result = await gw.run({ resource: 'sender', operation: 'get', sender: 'a' });
		expect(result.error?.message).toMatch(/^Sender/);
		expect(gw.requests()).toBe(before);
	});

	it('a number sender is registered as digits only', async () => {
		const registered = await gw.run({ resource: 'sender', operation: 'register', sender: '+46 70 000 00 00' });
		expect(registered.items[0].json.sender).toBe('46700000000');
		expect(gw.sim.state().rest.calls['PUT /v2/me/senders/{sender}']).toBe(1);
	});

	it('removing a sender that is not registered is an error for that item (Continue On Fail keeps the others)', async () => {
		const result = await gw.run(
			{ resource: 'sender', operation: 'remove', sender: '={{ $json.s }}' },
			{ input: items({ s: 'Nobody' }, { s: 'iP1sms' }), continueOnFail: true },
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.error).toMatch(/not found|404/i);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json).toEqual({ sender: 'iP1sms', removed: true });
	});
});

describe('Blacklist', () => {
	it('Add, Get Many (Limit and Return All), Remove', async () => {
		const numbers = Array.from({ length: 6 }, (_, n) => `4670555000${n}`);
		const added = await gw.run(
			{ resource: 'blacklist', operation: 'add', phoneNumber: '={{ $json.phone }}' },
			{ input: items(...numbers.map((n) => ({ phone: `+${n}` }))) },
		);
		expect(added.error).toBeUndefined();
		expect(added.items.map((i) => i.json.phoneNumber)).toEqual(numbers);
		expect(added.items.map((i) => i.pairedItem)).toEqual(numbers.map((_, item) => ({ item })));
		expect(added.items.every((i) => ISO_UTC.test(String(i.json.createdAt)))).toBe(true);
		expect(gw.sim.state().rest.blacklist['ip1-12345'].sort()).toEqual(expect.arrayContaining(numbers));

		const limited = await gw.run({ resource: 'blacklist', operation: 'getAll', returnAll: false, limit: 4 });
		expect(limited.items).toHaveLength(4);
		const all = await gw.run({ resource: 'blacklist', operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json.phoneNumber).sort()).toEqual(gw.sim.state().rest.blacklist['ip1-12345'].slice().sort());

		const removed = await gw.run({ resource: 'blacklist', operation: 'remove', phoneNumber: numbers[0] });
		expect(removed.items[0].json).toEqual({ phoneNumber: numbers[0], removed: true });
		expect(gw.sim.state().rest.blacklist['ip1-12345']).not.toContain(numbers[0]);
	});

	it('a blacklisted number gets no message: the gateway rejects it', async () => {
		await gw.run({ resource: 'blacklist', operation: 'add', phoneNumber: ANNA });
		await postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA], body: 'Erbjudande' });
		expect(gw.sim.state().rest.accepted).toBe(0);
	});
});
