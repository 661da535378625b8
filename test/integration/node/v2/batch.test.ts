// Version 2, REST API: Batch → Send (a list per item), Schedule, Get, Get Many, Get Messages, Cancel,
// and Account → Get Balance, against the simulator.
import { items, startRestGateway, REST_ACCOUNT, type RestGateway } from '../rest/restGateway';

jest.setTimeout(60_000);

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway();
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const send = (extra: Record<string, unknown> = {}) => ({
	resource: 'batch',
	operation: 'send',
	mode: 'list',
	recipients: '+46 70-123 45 67, 0046701234568; 46701234569',
	from: 'iP1',
	message: 'Training is cancelled tonight',
	...extra,
});
const inFuture = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

describe('Batch → Send with a list per item', () => {
	it('one request per item; the output names the batch and every recipient with its message id and first status', async () => {
		const result = await gw.run(send({ recipients: '={{ $json.numbers }}' }), {
			input: items({ numbers: ['46701234567', '+46701234568'] }, { numbers: '46701234569' }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const { batches, messages, calls } = gw.sim.state().rest;
		expect(calls['POST /v2/batches']).toBe(2);
		const first = result.items[0].json;
		expect(first).toMatchObject({ batchId: batches[0].id, recipients: ['46701234567', '46701234568'], recipientCount: 2, characterSet: 'GSM', segments: 1, totalSegments: 2 });
		const listed = first.messages as Array<Record<string, unknown>>;
		expect(listed.map((m) => m.to)).toEqual(['46701234567', '46701234568']);
		for (const m of listed) {
			const stored = messages.find((s) => s.id === m.messageId)!;
			expect(stored.recipient).toBe(m.to);
			expect(stored.batchId).toBe(first.batchId);
			expect(typeof m.statusCode).toBe('number');
			expect(m.state).toBeDefined();
		}
	});

	it('a rejected recipient fails the item and names it; the others of the batch are said to be accepted', async () => {
		// the simulator rejects a number ending in 4050 with 405 (its default statusSuffixes)
		const result = await gw.run(send({ recipients: '46701234567, 46701234050' }));
		expect(result.error?.message).toBe('iP.1 rejected the message to 46701234050 (code 405)');
		expect(result.error?.description).toBe(
			'Status RecipientRejected. Not sent: the phone number was refused. Check it (digits only, country code first).' +
				` The other 1 recipient(s) of batch ${gw.sim.state().rest.batches[0].id} were accepted.`,
		);
	});

	it('refuses more recipients than one request takes, before any request', async () => {
		const many = Array.from({ length: 1001 }, (_, i) => String(46700000000 + i));
		const result = await gw.run(send({ recipients: '={{ $json.numbers }}' }), { input: items({ numbers: many }) });
		expect(result.error?.message).toMatch(/Recipients has 1001 numbers.*\[item 0\]/);
		expect(gw.requests()).toBe(0);
	});
});

describe('Batch → Schedule, Get, Get Many, Get Messages, Cancel', () => {
	it('schedules, reads the batch and its messages, and cancels it; a repeated Batch ID is read and cancelled once', async () => {
		const scheduled = await gw.run({ ...send(), operation: 'schedule', sendAt: inFuture(2) });
		expect(scheduled.error).toBeUndefined();
		const batchId = scheduled.items[0].json.batchId as string;
		const twice = items({ batchId }, { batchId }, { batchId });

		const got = await gw.run({ resource: 'batch', operation: 'get', batchId: '={{ $json.batchId }}' }, { input: twice });
		expect(got.error).toBeUndefined();
		expect(got.items).toHaveLength(1);
		expect(got.items[0].json).toMatchObject({ batchId, from: 'iP1', message: 'Training is cancelled tonight', inputItems: [0, 1, 2] });
		expect(got.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(gw.calls()['GET /v2/batches/{id}']).toBe(1);

		const messages = await gw.run({ resource: 'batch', operation: 'getMessages', batchId: '={{ $json.batchId }}', returnAll: true }, { input: twice });
		expect(messages.items).toHaveLength(3);
		expect(messages.items.every((i) => i.json.state === 'pending' && i.json.batchId === batchId)).toBe(true);
		const limited = await gw.run({ resource: 'batch', operation: 'getMessages', batchId, returnAll: false, limit: 2 });
		expect(limited.items).toHaveLength(2);

		const cancelled = await gw.run({ resource: 'batch', operation: 'cancel', batchId: '={{ $json.batchId }}' }, { input: twice });
		expect(cancelled.error).toBeUndefined();
		expect(cancelled.items).toHaveLength(1);
		expect(cancelled.items[0].json).toMatchObject({ batchId, cancelled: true, inputItems: [0, 1, 2] });
		expect(gw.calls()['DELETE /v2/batches/{id}']).toBe(1);
		const after = await gw.run({ resource: 'batch', operation: 'getMessages', batchId, returnAll: true });
		expect(after.items.map((i) => i.json.statusCode)).toEqual([203, 203, 203]);

		const again = await gw.run({ resource: 'batch', operation: 'cancel', batchId });
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ batchId, cancelled: false });
	});

	it('Get Many: Limit and Return All, newest first by default', async () => {
		for (let i = 0; i < 5; i++) await gw.run(send({ recipients: '46701234567', message: `Batch ${i}` }));
		{
			const all = await gw.run({ resource: 'batch', operation: 'getAll', returnAll: true });
			expect(all.error).toBeUndefined();
			expect(all.items.map((i) => i.json.message)).toEqual(['Batch 4', 'Batch 3', 'Batch 2', 'Batch 1', 'Batch 0']);
			const three = await gw.run({ resource: 'batch', operation: 'getAll', returnAll: false, limit: 3, newestFirst: false });
			expect(three.items.map((i) => i.json.message)).toEqual(['Batch 0', 'Batch 1', 'Batch 2']);
			expect(three.items.every((i) => typeof i.json.batchId === 'string')).toBe(true);
		}
	});

	it('refuses a Batch ID that is no id, before any request', async () => {
		const result = await gw.run({ resource: 'batch', operation: 'getMessages', batchId: 'not an id!', returnAll: true });
		expect(result.error?.message).toBe('Batch ID "not an id!" is not an ID [item 0]');
		expect(result.error?.description).toBe('Map Batch ID from the output of the send (24 letters and digits, e.g. 5bc86b6e85c7209830f96936).');
		expect(gw.requests()).toBe(0);
	});
});

describe('Account → Get Balance', () => {
	it('gives balance, currency and account type', async () => {
		const result = await gw.run({ resource: 'account', operation: 'getBalance' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ balance: REST_ACCOUNT.balance, currency: 'SEK', accountType: expect.any(String) });
	});
});

type Counted = { state: string; statusCode: number; status: string; messages: number; segments: number };

describe('one shape for one thing (issue 24): Get names what Send names, in the same form', () => {
	it('characterSet, priority and statuses of Batch → Get, Get Many and Cancel read as in Send', async () => {
		const sent = await gw.run(send({ options: { priority: 2, characterSet: 'ucs2' } }));
		expect(sent.error).toBeUndefined();
		const batchId = sent.items[0].json.batchId as string;
		expect(sent.items[0].json).toMatchObject({ characterSet: 'UCS-2', priority: 'high' });

		const got = await gw.run({ resource: 'batch', operation: 'get', batchId });
		expect(got.error).toBeUndefined();
		const batch = got.items[0].json as { statusCounts: Counted[] };
		expect(batch).toMatchObject({ characterSet: sent.items[0].json.characterSet, priority: sent.items[0].json.priority, type: 'sms' });
		expect(batch.statusCounts.length).toBeGreaterThan(0);
		for (const entry of batch.statusCounts) {
			expect(Object.keys(entry)).toEqual(['state', 'statusCode', 'status', 'messages', 'segments']);
			expect(['pending', 'delivered']).toContain(entry.state);
		}
		const messageStates = (sent.items[0].json.messages as Counted[]).map((m) => [m.state, m.statusCode, m.status]);
		for (const [state, code, status] of messageStates) {
			expect(batch.statusCounts.some((e) => e.statusCode === code)).toBe(true);
			expect(batch.statusCounts.find((e) => e.statusCode === code)).toMatchObject({ state, status });
		}

		const many = await gw.run({ resource: 'batch', operation: 'getAll', returnAll: true });
		const listed = many.items.find((i) => i.json.batchId === batchId)!.json;
		expect(listed).toMatchObject({ characterSet: 'UCS-2', priority: 'high' });
	});

	it('a normal-priority GSM batch: GSM and normal, as Send says', async () => {
		const sent = await gw.run(send());
		const got = await gw.run({ resource: 'batch', operation: 'get', batchId: sent.items[0].json.batchId as string });
		expect(got.items[0].json).toMatchObject({ characterSet: 'GSM', priority: 'normal' });
		expect(sent.items[0].json).toMatchObject({ characterSet: 'GSM', priority: 'normal' });
	});

	it('Cancel counts by status name: the cancelled messages under state cancelled', async () => {
		const scheduled = await gw.run(send({ operation: 'schedule', sendAt: inFuture(1) }));
		const cancelled = await gw.run({ resource: 'batch', operation: 'cancel', batchId: scheduled.items[0].json.batchId as string });
		expect(cancelled.error).toBeUndefined();
		expect(cancelled.items[0].json.statusCounts).toEqual([{ state: 'cancelled', statusCode: 203, status: 'Canceled', messages: 3, segments: 3 }]);
	});

	it('characters: a text with braces or € counts each as one character, though each takes two places in an SMS', async () => {
		const result = await gw.run({
			resource: 'batch',
			operation: 'send',
			mode: 'combine',
			to: '={{ $json.phone }}',
			from: 'iP1',
			message: 'Hi {name}, your {x} is ready!',
			templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }, { key: 'x', value: '{order}' }] },
		}, { input: items({ phone: '46701234567', name: 'Bo' }) });
		expect(result.error).toBeUndefined();
		const text = result.items[0].json.message as string;
		expect(text).toBe('Hi Bo, your {order} is ready!');
		expect(result.items[0].json).toMatchObject({ characters: text.length, characterSet: 'GSM', segments: 1 });
		const plain = await gw.run(send({ message: 'Price: 10 € [incl. VAT]' }));
		expect(plain.items[0].json.characters).toBe(23);
	});
});
