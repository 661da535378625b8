// Version 2, REST API: issue 23's correctness points in the node's outputs and errors, each with its
// simulator switch both ways (the gateway's side: test/integration/gateway/rest/vendorForms.test.ts).
import type { RestSettings } from '../../../../simulator/rest/types';
import { items, startRestGateway, type RestGateway } from '../rest/restGateway';

jest.setTimeout(60_000);

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway();
});
afterAll(async () => await gw.sim.stop());
const DEFAULTS: Partial<RestSettings> = { postAnswer: 'created', errorBody: 'problem', enumCase: 'lower', batchStatus: false, messagesListedAfterMs: 0, maxReferenceLength: 256, blacklistAdd: 'both' };
beforeEach(() => {
	gw.sim.reset();
	gw.sim.setRest(DEFAULTS);
});

const ANNA = '46701234567';
const HOUR = 3_600_000;
const sms = (extra: Record<string, unknown> = {}) => ({ resource: 'sms', operation: 'send', to: ANNA, from: 'iP1', message: 'Hej', ...extra });
const list = (extra: Record<string, unknown> = {}) => ({
	resource: 'batch',
	operation: 'send',
	mode: 'list',
	recipients: `${ANNA}, 46709876543`,
	from: 'iP1',
	message: 'Hej',
	...extra,
});

describe('a send whose messages iP.1 has not listed yet', () => {
	it('SMS → Send, 202 and never listed: the batch id, the state from the counts, messageIdsPending and a notice; sent once', async () => {
		gw.sim.setRest({ postAnswer: 'accepted', messagesListedAfterMs: HOUR });
		const result = await gw.run(sms());
		expect(result.error).toBeUndefined();
		const [batch] = gw.sim.state().rest.batches;
		const out = result.items[0].json;
		expect(out).toMatchObject({ batchId: batch.id, to: ANNA, state: 'delivered', statusCode: 201, messageIdsPending: true });
		expect(out).not.toHaveProperty('messageId');
		expect(out.notice).toMatch(/^iP\.1 accepted the send \(HTTP 202\), but it had not listed every message after 3 reads: the message IDs are not available yet\./);
		expect(gw.calls()['POST /v2/batches']).toBe(1);
		expect(gw.calls()['GET /v2/batches/{id}/messages']).toBe(3);
	});

	it('SMS → Send, 202 and listed at once: the message id, no pending mark, two requests', async () => {
		gw.sim.setRest({ postAnswer: 'accepted' });
		const result = await gw.run(sms());
		const out = result.items[0].json;
		expect(out.messageId).toBe(gw.sim.state().rest.messages[0].id);
		expect(out).not.toHaveProperty('messageIdsPending');
		expect(out).not.toHaveProperty('notice');
		expect(gw.calls()).toMatchObject({ 'POST /v2/batches': 1, 'GET /v2/batches/{id}/messages': 1 });
	});

	it('Batch → Send with a list, never listed: the pending mark on the item, the recipients without ids', async () => {
		gw.sim.setRest({ postAnswer: 'accepted', messagesListedAfterMs: HOUR });
		const result = await gw.run(list());
		const out = result.items[0].json;
		expect(out).toMatchObject({ recipientCount: 2, messageIdsPending: true });
		expect(out.messages).toEqual([
			{ to: ANNA, state: 'delivered', statusCode: 201, status: 'DeliveredToHandset', statusDescription: expect.any(String) },
			{ to: '46709876543', state: 'delivered', statusCode: 201, status: 'DeliveredToHandset', statusDescription: expect.any(String) },
		]);
		expect(gw.calls()['POST /v2/batches']).toBe(1);
	});

	it('Batch → Send, Combine Input Items, never listed: each item marked', async () => {
		gw.sim.setRest({ postAnswer: 'accepted', messagesListedAfterMs: HOUR });
		const result = await gw.run(
			{ resource: 'batch', operation: 'send', mode: 'combine', to: '={{ $json.phone }}', from: 'iP1', message: 'Hej' },
			{ input: items({ phone: ANNA }, { phone: '46709876543' }) },
		);
		expect(result.items.map((i) => i.json.messageIdsPending)).toEqual([true, true]);
		expect(gw.calls()['POST /v2/batches']).toBe(1);
	});
});

describe.each(['lower', 'vendor', 'integer'] as const)('enums written "%s"', (enumCase) => {
	it('the same outputs: character set, type, currency, direction', async () => {
		gw.sim.setRest({ enumCase });
		const sent = await gw.run(sms({ options: { characterSet: 'gsm' } }));
		expect(sent.items[0].json).toMatchObject({ characterSet: 'GSM', type: 'sms', state: 'delivered' });
		const batchId = String(sent.items[0].json.batchId);
		const batch = await gw.run({ resource: 'batch', operation: 'get', batchId });
		expect(batch.items[0].json).toMatchObject({ characterSet: 'GSM', type: 'sms', price: { currency: 'SEK' } });
		const messages = await gw.run({ resource: 'batch', operation: 'getMessages', batchId, returnAll: true });
		expect(messages.items[0].json).toMatchObject({ currency: 'SEK', state: 'delivered' });
		const conversation = await gw.run({ resource: 'conversation', operation: 'getMessages', phoneNumber: ANNA, direction: 'all', returnAll: true });
		expect(conversation.items[0].json).toMatchObject({ direction: 'outgoing', currency: 'SEK' });
	});
});

describe("Batch → Get / Get Many: the batch's own status", () => {
	it.each([false, true])('batchStatus %s', async (batchStatus) => {
		gw.sim.setRest({ batchStatus });
		const sent = await gw.run(list());
		const batchId = String(sent.items[0].json.batchId);
		const got = (await gw.run({ resource: 'batch', operation: 'get', batchId })).items[0].json;
		const many = (await gw.run({ resource: 'batch', operation: 'getAll', returnAll: true })).items[0].json;
		for (const out of [got, many]) {
			if (batchStatus) expect(out).toMatchObject({ state: 'delivered', statusCode: 201, status: 'DeliveredToHandset' });
			else for (const key of ['state', 'statusCode', 'status']) expect(out).not.toHaveProperty(key);
			// a batch-level meaning iP.1 does not document: no description
			expect(out).not.toHaveProperty('statusDescription');
		}
	});
});

describe('errors: problem details and the reference', () => {
	it.each(['problem', 'validation'] as const)('%s: a refused sender, the description from the detail', async (errorBody) => {
		gw.sim.setRest({ errorBody });
		const result = await gw.run(sms({ from: 'NotMine' }));
		expect(result.error?.message).toBe('iP.1 refused to send the message (HTTP 400)');
		expect(result.error?.description).toMatch(/Sender: The sender 'NotMine' is not registered for this account\./);
	});

	it.each([
		[256, false],
		[40, true],
	] as const)('a 41-character reference, iP.1 allowing %i: refused %s, naming Reference and the possible limit of 40', async (maxReferenceLength, refused) => {
		gw.sim.setRest({ maxReferenceLength });
		const result = await gw.run(sms({ options: { reference: 'r'.repeat(41) } }));
		if (!refused) {
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.reference).toBe('r'.repeat(41));
			return;
		}
		expect(result.error?.message).toBe('iP.1 refused to send the message (HTTP 400)');
		expect(result.error?.description).toMatch(/iP\.1 refused the field Reference \(41 characters\): its limit may be 40 characters/);
		expect(gw.sim.state().rest.accepted).toBe(0);
	});
});

describe('Blacklist → Add in either form', () => {
	it.each([
		['both', 0],
		['put', 0],
		['post', 1],
	] as const)('%s: added once (POST %i)', async (blacklistAdd, posts) => {
		gw.sim.setRest({ blacklistAdd });
		const result = await gw.run({ resource: 'blacklist', operation: 'add', phoneNumber: ANNA });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ phoneNumber: ANNA });
		expect(gw.calls()['PUT /v2/blacklist/{msisdn}']).toBe(1);
		expect(gw.calls()['POST /v2/blacklist'] ?? 0).toBe(posts);
		expect(gw.sim.state().rest.blacklist['ip1-12345']).toEqual([ANNA]);
	});
});
