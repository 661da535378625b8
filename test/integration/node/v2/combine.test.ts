/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Version 2, REST API: Batch → Send with Combine Input Items: requests made, pairing, each
// recipient's text as the simulator stored it, values that differ per item.
import { items, startRestGateway, REST_ACCOUNT, type RestGateway } from '../rest/restGateway';

jest.setTimeout(180_000);

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway({ accounts: [{ ...REST_ACCOUNT, balance: 100_000_000 }] });
	gw.sim.setRest({ statusSuffixes: {} }); // no scripted rejections among the 10,000 numbers
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const combine = (extra: Record<string, unknown> = {}) => ({
	resource: 'batch',
	operation: 'send',
	mode: 'combine',
	to: '={{ $json.phone }}',
	from: 'iP1',
	message: 'Hej {name}, din order {order} har skickats',
	templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }, { key: '{order}', value: '={{ $json.order }}' }] },
	...extra,
});

it('10,000 items: ceil(N / 1000) requests, every output paired to its item, each recipient gets its own text', async () => {
	const n = 10_000;
	const input = Array.from({ length: n }, (_, i) => ({ json: { phone: String(46700000000 + i), name: `Kund ${i}`, order: `A-${i}` } }));
	const started = Date.now();
	const result = await gw.run(combine(), { input });
	const ms = Date.now() - started;
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(n);
	const { batches, messages, calls } = gw.sim.state().rest;
	expect(calls['POST /v2/batches']).toBe(10);
	expect(batches).toHaveLength(10);
	expect(messages).toHaveLength(n);
	const byId = new Map(messages.map((m) => [m.id, m]));
	for (let i = 0; i < n; i++) {
		const item = result.items[i];
		expect(item.pairedItem).toEqual({ item: i });
		const stored = byId.get(item.json.messageId as string)!;
		expect(stored.recipient).toBe(String(46700000000 + i));
		expect(stored.body).toBe(`Hej Kund ${i}, din order A-${i} har skickats`);
		expect(item.json.message).toBe(stored.body);
		expect(item.json.batchId).toBe(stored.batchId);
	}
	console.log(`Combine 10,000 items (REST): ${Object.values(calls).reduce((a, b) => a + b, 0)} requests, ${ms} ms`);
});

it('From and Priority that differ per item go out in separate requests, each item with its own values', async () => {
	const result = await gw.run(combine({ from: '={{ $json.from }}', options: { priority: '={{ $json.prio }}' } }), {
		input: items(
			{ phone: '46701234567', name: 'A', order: '1', from: 'iP1', prio: 1 },
			{ phone: '46701234568', name: 'B', order: '2', from: 'iP1sms', prio: 1 },
			{ phone: '46701234569', name: 'C', order: '3', from: 'iP1', prio: 2 },
			{ phone: '46701234570', name: 'D', order: '4', from: 'iP1', prio: 1 },
		),
	});
	expect(result.error).toBeUndefined();
	const { batches } = gw.sim.state().rest;
	expect(batches.map((b) => [b.sender, b.priority, b.messageIds.length])).toEqual([['iP1', 1, 2], ['iP1sms', 1, 1], ['iP1', 2, 1]]);
	expect(result.items.map((i) => [i.json.from, i.json.priority])).toEqual([['iP1', 'normal'], ['iP1sms', 'normal'], ['iP1', 'high'], ['iP1', 'normal']]);
	expect(result.items[0].json.batchId).toBe(result.items[3].json.batchId);
});

it('a Message that differs per item is refused before any request, naming the item, with the fix in the description', async () => {
	// no Template Fields: with them, item 0 would already fail for fields its Message does not use
	const result = await gw.run(combine({ message: '={{ "Hej " + $json.name }}', templateFields: {} }), {
		input: items({ phone: '46701234567', name: 'A' }, { phone: '46701234568', name: 'B' }),
	});
	expect(result.error?.message).toBe("Message differs from the first item's [item 1]");
	expect(result.error?.description).toMatch(/Template Fields/);
	expect(gw.requests()).toBe(0);
});

it('Recipients per Request splits the requests; a repeated number goes into another request', async () => {
	const result = await gw.run(combine({ options: { recipientsPerRequest: 2 } }), {
		input: items(
			{ phone: '46701234567', name: 'A', order: '1' },
			{ phone: '46701234567', name: 'A2', order: '2' },
			{ phone: '46701234568', name: 'B', order: '3' },
		),
	});
	expect(result.error).toBeUndefined();
	const { batches, messages } = gw.sim.state().rest;
	expect(batches.map((b) => b.messageIds.length)).toEqual([2, 1]);
	expect(messages.map((m) => m.body).sort()).toEqual(['Hej A, din order 1 har skickats', 'Hej A2, din order 2 har skickats', 'Hej B, din order 3 har skickats']);
	expect(result.items[1].json.batchId).not.toBe(result.items[0].json.batchId);
});

it('the next node reads the batch once for all items of a Combine send (Get Messages), and says so', async () => {
	const sent = await gw.run(combine(), {
		input: items(
			{ phone: '46701234567', name: 'A', order: '1' },
			{ phone: '46701234568', name: 'B', order: '2' },
			{ phone: '46701234569', name: 'C', order: '3' },
			{ phone: '46701234570', name: 'D', order: '4' },
		),
	});
	const before = gw.calls()['GET /v2/batches/{id}/messages'] ?? 0;
	const read = await gw.run(
		{ resource: 'batch', operation: 'getMessages', batchId: '={{ $json.batchId }}', returnAll: true },
		{ input: sent.items.map((i) => ({ json: i.json })) },
	);
	expect(read.error).toBeUndefined();
	expect(read.items).toHaveLength(4);
	expect(read.items.every((i) => JSON.stringify(i.json.inputItems) === '[0,1,2,3]')).toBe(true);
	expect((gw.calls()['GET /v2/batches/{id}/messages'] ?? 0) - before).toBe(1);
});

describe('placeholders (issue 24): a mistyped one stops the send before any request', () => {
	const input = items({ phone: '46701234567', name: 'A' }, { phone: '46701234568', name: 'B' }, { phone: '46701234569', name: 'C' });

	it('{name} with a Template Field named firstname: nothing is sent, the error names {name} and firstname', async () => {
		const result = await gw.run(
			combine({ message: 'Hi {name}, your order is ready!', templateFields: { field: [{ key: 'firstname', value: '={{ $json.name }}' }] } }),
			{ input },
		);
		expect(result.error?.message).toBe('No Template Field fills "{name}" in Message [item 0]');
		expect(result.error?.description).toContain("This item's Template Fields: firstname.");
		expect(gw.requests()).toBe(0);
		expect(gw.sim.state().rest.messages).toHaveLength(0);
	});

	it('a Template Field the Message never uses: nothing is sent', async () => {
		const result = await gw.run(
			combine({ message: 'Hi {name}', templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }, { key: 'order', value: 'x' }] } }),
			{ input },
		);
		expect(result.error?.message).toBe('Template Field "order" is not in the Message [item 0]');
		expect(gw.requests()).toBe(0);
	});

	it('Batch → Schedule checks the same', async () => {
		const result = await gw.run(
			combine({ operation: 'schedule', sendAt: Math.floor(Date.now() / 1000) + 86400, message: 'Hi {nam}', templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }] } }),
			{ input },
		);
		expect(result.error?.message).toBe('No Template Field fills "{nam}" in Message [item 0]');
		expect(gw.requests()).toBe(0);
	});

	it('with Continue On Fail only the items whose fields do not fit fail; the others are sent', async () => {
		const result = await gw.run(
			combine({ message: 'Hi {name}', templateFields: { field: [{ key: '={{ $json.key }}', value: '={{ $json.name }}' }] } }),
			{ input: items({ phone: '46701234567', name: 'A', key: 'name' }, { phone: '46701234568', name: 'B', key: 'nmae' }), continueOnFail: true },
		);
		expect(result.items[0].json.message).toBe('Hi A');
		expect(result.items[1].json.error).toBe('No Template Field fills "{name}" in Message [item 1]');
		expect(gw.sim.state().rest.messages.map((m) => m.body)).toEqual(['Hi A']);
	});

	it('a backslash sends a brace as written: \\{code} goes out as {code}', async () => {
		const result = await gw.run(
			combine({ message: 'Hi {name}, reply \\{YES}', templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }] } }),
			{ input: items({ phone: '46701234567', name: 'A' }) },
		);
		expect(result.error).toBeUndefined();
		expect(gw.sim.state().rest.messages.map((m) => m.body)).toEqual(['Hi A, reply {YES}']);
		expect(result.items[0].json.message).toBe('Hi A, reply {YES}');
	});
});
