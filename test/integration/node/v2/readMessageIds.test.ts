// Version 2, REST API: the send option Read Message IDs (issue 11) against the simulator. On (the default)
// every send output carries each recipient's message id and first status, at one more request per batch;
// off, one request per batch and the batch id (with the status the send answer's counts give). Requests are
// counted by the simulator.
import type { INodeParameters } from 'n8n-workflow';

import { items, startRestGateway, REST_ACCOUNT, REST_KEY, type RestGateway } from '../rest/restGateway';

jest.setTimeout(180_000);

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway({ accounts: [{ ...REST_ACCOUNT, balance: 100_000_000 }] });
	gw.sim.setRest({ statusSuffixes: {} }); // no scripted rejections among the numbers
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => {
	gw.sim.reset();
	gw.sim.setRest({ postAnswer: 'created' });
});

const ANNA = '46701234567';
const BO = '46709876543';
const OFF = { readMessageIds: false };
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
const sms = (operation: 'send' | 'schedule', options: INodeParameters = {}) => ({
	resource: 'sms',
	operation,
	to: '={{ $json.phone }}',
	from: 'iP1',
	message: 'Hej',
	...(operation === 'schedule' ? { sendAt: tomorrow() } : {}),
	options,
});
const list = (operation: 'send' | 'schedule', options: INodeParameters = {}) => ({
	resource: 'batch',
	operation,
	mode: 'list',
	recipients: '={{ $json.numbers }}',
	from: 'iP1',
	message: 'Hej',
	...(operation === 'schedule' ? { sendAt: tomorrow() } : {}),
	options,
});
const combine = (options: INodeParameters = {}) => ({
	resource: 'batch',
	operation: 'send',
	mode: 'combine',
	to: '={{ $json.phone }}',
	from: 'iP1',
	message: 'Hej {name}',
	templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }] },
	options,
});

/** The output's status is one the simulator's message went through, not a rejection. */
function expectStatusOf(json: Record<string, unknown>, stored: { history: Array<{ code: number }> }) {
	expect(stored.history.map((h) => h.code)).toContain(json.statusCode);
	expect(['pending', 'delivered']).toContain(json.state);
}

const total = () => Object.values(gw.calls()).reduce((a, b) => a + b, 0);

const BLACKLIST = 'PUT /v2/blacklist/{msisdn}';
const BLACKLISTED = 'Status Blacklisted. Not sent: the number is on the blacklist (it may have replied STOP).';
async function blacklist(msisdn: string) {
	const res = await fetch(`${gw.sim.url}/v2/blacklist/${msisdn}`, { method: 'PUT', headers: { authorization: `Bearer ${REST_KEY}` } });
	expect(res.ok).toBe(true);
}

describe.each(['send', 'schedule'] as const)('SMS → %s', (operation) => {
	const input = items({ phone: ANNA }, { phone: BO });

	it('default: each output has the message id and first status as the simulator stored them; two requests per item', async () => {
		const result = await gw.run(sms(operation), { input });
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'POST /v2/batches': 2, 'GET /v2/batches/{id}/messages': 2 });
		const { messages } = gw.sim.state().rest;
		for (const item of result.items) {
			const stored = messages.find((m) => m.id === item.json.messageId)!;
			expect(stored).toBeDefined();
			expect(item.json).toMatchObject({ batchId: stored.batchId, to: stored.recipient });
			expectStatusOf(item.json, stored);
		}
	});

	it('Read Message IDs off: one request per item; the batch id and the status of the send answer, no message id', async () => {
		const result = await gw.run(sms(operation, OFF), { input });
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'POST /v2/batches': 2 });
		const { batches, messages } = gw.sim.state().rest;
		expect(result.items.map((i) => i.json.batchId)).toEqual(batches.map((b) => b.id));
		for (const [i, item] of result.items.entries()) {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).not.toHaveProperty('messageId');
			expect(item.json.to).toBe([ANNA, BO][i]);
			expectStatusOf(item.json, messages.find((m) => m.batchId === item.json.batchId)!);
		}
	});
});

describe('a recipient iP.1 refuses is an error also with Read Message IDs off', () => {
	it('SMS → Send to a blacklisted number: its status from the send answer, in one request', async () => {
		await blacklist(BO);
		const result = await gw.run(sms('send', OFF), { input: items({ phone: BO }), continueOnFail: true });
		expect(gw.calls()).toEqual({ [BLACKLIST]: 1, 'POST /v2/batches': 1 });
		expect(result.items[0].json.error).toBe(`iP.1 rejected the message to ${BO} (code 406)`);
		expect(result.items[0].json.description).toBe(BLACKLISTED);
	});

	it('a list with a blacklisted number among others: the batch is read to name it', async () => {
		await blacklist(BO);
		const result = await gw.run(list('send', OFF), { input: items({ numbers: `${ANNA}, ${BO}` }), continueOnFail: true });
		expect(gw.calls()).toEqual({ [BLACKLIST]: 1, 'POST /v2/batches': 1, 'GET /v2/batches/{id}/messages': 1 });
		expect(result.items[0].json.error).toBe(`iP.1 rejected the message to ${BO} (code 406)`);
		expect(result.items[0].json.description).toBe(`${BLACKLISTED} The other 1 recipient(s) of batch ${gw.sim.state().rest.batches[0].id} were accepted.`);
	});

	it('two refused in a list: the title counts them and names the first', async () => {
		const CARL = '46705550000';
		await blacklist(BO);
		await blacklist(CARL);
		const result = await gw.run(list('send', OFF), { input: items({ numbers: `${ANNA}, ${BO}, ${CARL}` }), continueOnFail: true });
		expect(result.items[0].json.error).toBe(`iP.1 rejected the message to 2 recipients, e.g. ${BO} (code 406)`);
		expect(result.items[0].json.description).toBe(`${BLACKLISTED} The other 1 recipient(s) of batch ${gw.sim.state().rest.batches[0].id} were accepted.`);
	});
});

describe.each(['send', 'schedule'] as const)('Batch → %s, a recipient list per item', (operation) => {
	const input = items({ numbers: `${ANNA}, ${BO}` }, { numbers: ANNA });

	it('default: every recipient with its message id; one send and one read per item', async () => {
		const result = await gw.run(list(operation), { input });
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'POST /v2/batches': 2, 'GET /v2/batches/{id}/messages': 2 });
		const ids = new Set(gw.sim.state().rest.messages.map((m) => m.id));
		const sent = result.items.flatMap((i) => i.json.messages as Array<{ messageId: string }>);
		expect(sent).toHaveLength(3);
		expect(sent.every((m) => ids.has(m.messageId))).toBe(true);
	});

	it('Read Message IDs off: one request per item, each recipient without a message id', async () => {
		const result = await gw.run(list(operation, OFF), { input });
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'POST /v2/batches': 2 });
		expect(result.items.map((i) => i.json.batchId)).toEqual(gw.sim.state().rest.batches.map((b) => b.id));
		const sent = result.items[0].json.messages as Array<Record<string, unknown>>;
		expect(sent.map((m) => m.to)).toEqual([ANNA, BO]);
		const { messages } = gw.sim.state().rest;
		for (const m of sent) expectStatusOf(m, messages.find((s) => s.recipient === m.to && s.batchId === result.items[0].json.batchId)!);
		expect(JSON.stringify(result.items)).not.toContain('messageId');
	});
});

describe('Batch → Send, Combine Input Items, 10,000 recipients', () => {
	const n = 10_000;
	const input = Array.from({ length: n }, (_, i) => ({ json: { phone: String(46700000000 + i), name: `Kund ${i}` } }));

	it('Read Message IDs off: 10 requests (ceil(10,000 / 1,000)), every output paired with its batch id', async () => {
		const result = await gw.run(combine(OFF), { input });
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'POST /v2/batches': 10 });
		expect(result.items).toHaveLength(n);
		const { messages } = gw.sim.state().rest;
		const batchOf = new Map(messages.map((m) => [m.recipient, m.batchId]));
		for (let i = 0; i < n; i++) {
			const item = result.items[i];
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.batchId).toBe(batchOf.get(String(46700000000 + i)));
			expect(item.json).not.toHaveProperty('messageId');
		}
	});

	it('default: 20 requests (a send and a read per 1,000), every output with its message id', async () => {
		const result = await gw.run(combine(), { input });
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'POST /v2/batches': 10, 'GET /v2/batches/{id}/messages': 10 });
		const ids = new Set(gw.sim.state().rest.messages.map((m) => m.id));
		expect(result.items.every((item) => ids.has(item.json.messageId as string))).toBe(true);
	});
});

describe('a send answer with the batch id only (postAnswer "id")', () => {
	it('off: the batch id, no status (the answer gives none), one request', async () => {
		gw.sim.setRest({ postAnswer: 'id' });
		const result = await gw.run(sms('send', OFF), { input: items({ phone: ANNA }) });
		expect(result.error).toBeUndefined();
		expect(total()).toBe(1);
		expect(result.items[0].json.batchId).toBe(gw.sim.state().rest.batches[0].id);
		expect(result.items[0].json).not.toHaveProperty('messageId');
		expect(result.items[0].json).not.toHaveProperty('state');
	});

	it('on: the message id and status are read, two requests', async () => {
		gw.sim.setRest({ postAnswer: 'id' });
		const result = await gw.run(sms('send'), { input: items({ phone: ANNA }) });
		expect(total()).toBe(2);
		expect(result.items[0].json.messageId).toBe(gw.sim.state().rest.messages[0].id);
		expectStatusOf(result.items[0].json, gw.sim.state().rest.messages[0]);
	});
});

describe.each([
	['on', {}],
	['off', OFF],
] as const)('a send answer listing the messages (postAnswer "messages"), Read Message IDs %s: one request per batch', (_, options) => {
	beforeEach(() => gw.sim.setRest({ postAnswer: 'messages' }));

	/** Each output recipient has its message's id, batch and status as the simulator stored them (delivery is instant: the send answer's status is the stored one). */
	function expectStored(sent: Array<[output: Record<string, unknown>, batchId: unknown]>) {
		const byId = new Map(gw.sim.state().rest.messages.map((m) => [m.id, m]));
		for (const [m, batchId] of sent) {
			const stored = byId.get(m.messageId as string);
			expect(stored).toMatchObject({ recipient: m.to, batchId });
			expect(m).toMatchObject({ statusCode: stored!.status, state: 'delivered' });
		}
	}

	it('SMS → Send', async () => {
		const result = await gw.run(sms('send', options), { input: items({ phone: ANNA }, { phone: BO }) });
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'POST /v2/batches': 2 });
		expect(result.items.map((i) => i.json.to)).toEqual([ANNA, BO]);
		expectStored(result.items.map((i) => [i.json, i.json.batchId]));
	});

	it('Batch → Send with a recipient list', async () => {
		const result = await gw.run(list('send', options), { input: items({ numbers: `${ANNA}, ${BO}` }, { numbers: ANNA }) });
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'POST /v2/batches': 2 });
		expect(result.items.map((i) => i.json.batchId)).toEqual(gw.sim.state().rest.batches.map((b) => b.id));
		const sent = result.items.map((i) => i.json.messages as Array<Record<string, unknown>>);
		expect(sent.map((s) => s.map((m) => m.to))).toEqual([[ANNA, BO], [ANNA]]);
		expectStored(result.items.flatMap((item, i) => sent[i].map((m) => [m, item.json.batchId] as [Record<string, unknown>, unknown])));
	});

	it('Batch → Send, Combine Input Items, 2,500 recipients: 3 requests', async () => {
		const n = 2_500;
		const input = Array.from({ length: n }, (_, i) => ({ json: { phone: String(46700000000 + i), name: `Kund ${i}` } }));
		const result = await gw.run(combine(options), { input });
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'POST /v2/batches': 3 });
		expect(result.items).toHaveLength(n);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.to).toBe(String(46700000000 + i));
		});
		expectStored(result.items.map((i) => [i.json, i.json.batchId]));
		expect(new Set(result.items.map((i) => i.json.messageId)).size).toBe(n);
	});

	it('a blacklisted recipient in a list is named from the answer alone', async () => {
		await blacklist(BO);
		const result = await gw.run(list('send', options), { input: items({ numbers: `${ANNA}, ${BO}` }), continueOnFail: true });
		expect(gw.calls()).toEqual({ [BLACKLIST]: 1, 'POST /v2/batches': 1 });
		expect(result.items[0].json.error).toBe(`iP.1 rejected the message to ${BO} (code 406)`);
		expect(result.items[0].json.description).toBe(`${BLACKLISTED} The other 1 recipient(s) of batch ${gw.sim.state().rest.batches[0].id} were accepted.`);
	});
});

it('Read Message IDs given as an expression that is not true or false is refused before any request', async () => {
	const result = await gw.run(sms('send', { readMessageIds: '={{ "maybe" }}' }), { input: items({ phone: ANNA }) });
	expect(result.error?.message).toMatch(/^Read Message IDs must be true or false, not "maybe" \[item 0\]$/);
	expect(gw.requests()).toBe(0);
});
