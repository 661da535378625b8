// Issue 23, correctness: the forms iP.1's own pages and sample show, each switched both ways in the
// simulator; the gateway stays correct, and the simulator's state shows nothing was sent twice.
import type { SendRequest } from '../../../../nodes/Ip1Sms/gateway/types';
import { opts, startSim, type Sim } from './probe';

jest.setTimeout(60_000);

let s: Sim;
beforeAll(async () => {
	s = await startSim();
});
afterAll(async () => await s.sim.stop());
beforeEach(() => {
	s.sim.reset();
	s.sim.clearFaults();
	s.sim.setRest({ postAnswer: 'created', errorBody: 'problem', enumCase: 'lower', batchStatus: false, messagesListedAfterMs: 0, maxReferenceLength: 256, blacklistAdd: 'both' });
});

const recipients = ['46701234567', '46709876543', '46705550000'].map((to, itemIndex) => ({ to, itemIndex }));
const request = (over: Partial<SendRequest> = {}): SendRequest => ({ sender: 'iP1', text: 'Hej', recipients, type: 'sms', priority: 1, ...over });
const HOUR = 3_600_000;
/** The pauses the gateway asked for; `then` runs during each (e.g. to list the messages meanwhile). */
function pauses(then?: (n: number) => void) {
	const asked: number[] = [];
	return { asked, sleep: async (ms: number) => void (asked.push(ms), then?.(asked.length)) };
}

describe('a send iP.1 accepts for later (postAnswer accepted = 202, messagesListedAfterMs)', () => {
	it('the normal 201 path is unchanged: one POST and one read, no pause, every id', async () => {
		const p = pauses();
		const result = await s.run((g) => g.send(request(), opts), {}, p);
		expect(result.requests).toBe(2);
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(s.hits('GET /v2/batches/{id}/messages')).toBe(1);
		expect(p.asked).toEqual([]);
		expect(result.messages.every((m) => m.messageId && m.status)).toBe(true);
		expect(result).not.toHaveProperty('messageIdsPending');
		expect(result).not.toHaveProperty('notice');
	});

	it('202, listed after a moment: read again after a pause, never POSTed again', async () => {
		s.sim.setRest({ postAnswer: 'accepted', messagesListedAfterMs: HOUR });
		// the messages appear while the gateway waits
		const p = pauses(() => s.sim.setRest({ messagesListedAfterMs: 0 }));
		const result = await s.run((g) => g.send(request(), opts), {}, p);
		const ids = new Map(s.sim.state().rest.messages.map((m) => [m.recipient, m.id]));
		expect(result.messages.map((m) => m.messageId)).toEqual(recipients.map((r) => ids.get(r.to)));
		expect(result.messageIdsPending).toBeUndefined();
		expect(p.asked).toEqual([250]);
		expect(result.requests).toBe(3);
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(s.accepted()).toBe(3);
	});

	it.each([
		['accepted', 202],
		['created', 201],
	] as const)('%s, never listed: three reads at most, then what is known, marked pending', async (postAnswer, status) => {
		s.sim.setRest({ postAnswer, messagesListedAfterMs: HOUR });
		const p = pauses();
		const result = await s.run((g) => g.send(request(), opts), {}, p);
		expect(p.asked).toEqual([250, 1000]);
		expect(result.requests).toBe(4);
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(s.hits('GET /v2/batches/{id}/messages')).toBe(3);
		expect(result.batchId).toBe(s.sim.state().rest.batches[0].id);
		expect(result.messageIdsPending).toBe(true);
		expect(result.notice).toBe(
			`iP.1 accepted the send (HTTP ${status}), but it had not listed every message after 3 reads: the message IDs are not available yet. Read them later with Batch → Get Messages (batch ${result.batchId}).`,
		);
		expect(result.messages.every((m) => m.messageId === undefined)).toBe(true);
		// the answer's counts: every recipient delivered (instant delivery), so each one's state is known
		expect(result.messages.map((m) => m.status?.state)).toEqual(['delivered', 'delivered', 'delivered']);
	});

	it('never listed, counts that cannot name each one: no state invented, the refusal counted in the notice', async () => {
		s.sim.setRest({ postAnswer: 'accepted', messagesListedAfterMs: HOUR });
		// …4050 ends 405: refused
		const mixed = [...recipients.slice(0, 2), { to: '46701114050', itemIndex: 2 }];
		const result = await s.run((g) => g.send(request({ recipients: mixed }), opts), {}, pauses());
		expect(result.messages.every((m) => m.status === undefined)).toBe(true);
		expect(result.notice).toMatch(/Its counts show 1 refused message\(s\)\./);
	});

	it('a single recipient never listed: its state from the counts', async () => {
		s.sim.setRest({ postAnswer: 'accepted', messagesListedAfterMs: HOUR });
		const result = await s.run((g) => g.send(request({ recipients: recipients.slice(0, 1) }), opts), {}, pauses());
		expect(result.messages[0]).toMatchObject({ to: recipients[0].to, status: { code: 201, state: 'delivered' } });
		expect(result.messageIdsPending).toBe(true);
	});

	it('a read that fails (after its retries): marked pending, not failed, nothing sent again', async () => {
		s.sim.setFault({ kind: 'http500', service: 'rest', method: 'GET', path: '/v2/batches/*/messages', count: 3 });
		const result = await s.run((g) => g.send(request(), opts), {}, pauses());
		expect(result.messageIdsPending).toBe(true);
		expect(result.notice).toMatch(/^iP\.1 accepted the send \(HTTP 201\), but reading its messages failed: /);
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(s.accepted()).toBe(3);
	});

	it('Read Message IDs off: one request, no read and no pending mark (the ids are not asked for)', async () => {
		s.sim.setRest({ postAnswer: 'accepted', messagesListedAfterMs: HOUR });
		const result = await s.run((g) => g.send(request({ readMessageIds: false }), opts), {}, pauses());
		expect(result.requests).toBe(1);
		expect(result.messageIdsPending).toBeUndefined();
		expect(result.messages.map((m) => m.status?.code)).toEqual([201, 201, 201]);
	});
});

describe.each(['lower', 'vendor', 'integer'] as const)('enums written "%s" (enumCase): every reader gets the same', (enumCase) => {
	beforeEach(() => s.sim.setRest({ enumCase }));

	it('send, batch, its messages, one message, the conversation', async () => {
		const sent = await s.run((g) => g.send(request({ characterSet: 'gsm', type: 'flash' }), opts));
		expect(sent.messages.every((m) => m.messageId && m.status?.state === 'delivered')).toBe(true);
		const batch = await s.run((g) => g.getBatch(sent.batchId!, opts));
		expect(batch).toMatchObject({ type: 'flash', characterSet: 'gsm', price: { currency: 'SEK' } });
		const [first] = await s.run((g) => g.getBatchMessages(sent.batchId!, { returnAll: true, limit: 0 }, opts));
		expect(first).toMatchObject({ to: recipients[0].to, currency: 'SEK', direction: 'outgoing' });
		const one = await s.run((g) => g.getMessage(first.messageId, sent.batchId, opts));
		expect(one).toMatchObject({ currency: 'SEK', direction: 'outgoing' });
		const conversation = await s.run((g) => g.getConversation(recipients[0].to, 'all', { returnAll: true, limit: 0 }, opts));
		expect(conversation.map((m) => m.direction)).toEqual(['outgoing']);
	});
});

describe("the batch's own status (batchStatus)", () => {
	it.each([
		[false, undefined],
		[true, 201],
	] as const)('%s: Get and Get Many read %s', async (batchStatus, code) => {
		s.sim.setRest({ batchStatus });
		const sent = await s.run((g) => g.send(request(), opts));
		expect((await s.run((g) => g.getBatch(sent.batchId!, opts))).statusCode).toBe(code);
		expect((await s.run((g) => g.listBatches({ returnAll: true, limit: 0 }, opts)))[0].statusCode).toBe(code);
	});
});

describe('problem details (errorBody problem, as the portal documents them, and validation)', () => {
	it.each(['problem', 'validation'] as const)('%s: the description tells the detail', async (errorBody) => {
		s.sim.setRest({ errorBody });
		const refused = await s.run((g) => g.send(request({ sender: 'NotMine' }), opts)).catch((e) => e);
		expect(refused.description).toBe(
			"One or more validation errors occurred. Sender: The sender 'NotMine' is not registered for this account. Correct the value iP.1 names and run the step again.",
		);
		const missing = await s.run((g) => g.getBatch('aaaaaaaaaaaaaaaaaaaaaaaa', opts)).catch((e) => e);
		expect(missing.description).toMatch(/^Not Found\. Batch not found\. Check the id/);
		expect(s.accepted()).toBe(0);
	});
});

describe('a reference longer than the 40 characters of iP.1 sample (maxReferenceLength)', () => {
	const long = 'r'.repeat(41);

	it('256 (our default): 41 characters are sent', async () => {
		const result = await s.run((g) => g.send(request({ reference: long }), opts));
		expect(result.messages.every((m) => m.messageId)).toBe(true);
	});

	it.each(['problem', 'validation', 'text'] as const)('40, error body "%s": the error names Reference and that the limit may be 40', async (errorBody) => {
		s.sim.setRest({ maxReferenceLength: 40, errorBody });
		const error = await s.run((g) => g.send(request({ reference: long }), { itemIndex: 1, timeout: 5000 })).catch((e) => e);
		expect(error.message).toBe('iP.1 refused to send the messages (HTTP 400)');
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(1);
		expect(error.description).toMatch(/Reference: The field Reference must be a string with a maximum length of 40\./);
		expect(error.description).toMatch(
			/iP\.1 refused the field Reference \(41 characters\): its limit may be 40 characters \(an older revision of iP\.1's own sample says so\)\. Shorten Reference and run the step again\.$/,
		);
		expect(s.accepted()).toBe(0);
	});

	it('40, no error body: the hint still names Reference', async () => {
		s.sim.setRest({ maxReferenceLength: 40, errorBody: 'empty' });
		const error = await s.run((g) => g.send(request({ reference: long }), opts)).catch((e) => e);
		expect(error.description).toMatch(/If the refusal is about the field Reference: it has 41 characters, and iP\.1's limit may be 40/);
	});

	it('another 400 with a short reference: no hint', async () => {
		s.sim.setRest({ maxReferenceLength: 40 });
		const error = await s.run((g) => g.send(request({ reference: 'short', sender: 'NotMine' }), opts)).catch((e) => e);
		expect(error.description).not.toMatch(/Reference/);
	});
});

describe('Blacklist → Add in either of the vendor forms (blacklistAdd)', () => {
	const listed = () => s.sim.state().rest.blacklist['ip1-12345'];

	it.each([
		['both', 1, 0],
		['put', 1, 0],
		['post', 1, 1],
	] as const)('%s: PUT %i time(s), POST %i time(s), the number listed once', async (blacklistAdd, puts, posts) => {
		s.sim.setRest({ blacklistAdd });
		const entry = await s.run((g) => g.addToBlacklist(' 46701234567 ', opts));
		expect(entry.phoneNumber).toBe('46701234567');
		expect(entry.createdAt).toMatch(/Z$/);
		expect(s.hits('PUT /v2/blacklist/{msisdn}')).toBe(puts);
		expect(s.hits('POST /v2/blacklist')).toBe(posts);
		expect(listed()).toEqual(['46701234567']);
	});

	it('a PUT that fails otherwise (500) is not followed by a POST, nor repeated', async () => {
		s.sim.setFault({ kind: 'http500', service: 'rest', method: 'PUT', path: '/v2/blacklist/*', count: 1 });
		const error = await s.run((g) => g.addToBlacklist('46701234567', opts)).catch((e) => e);
		expect(error.message).toBe('iP.1 failed to add 46701234567 to the blacklist (HTTP 500)');
		expect(error.description).toMatch(/The change may have reached iP\.1\. It was not repeated/);
		expect(s.hits('POST /v2/blacklist')).toBe(0);
	});

	it('a POST fallback that fails (500): not repeated, and its advice is a change, not a send', async () => {
		s.sim.setRest({ blacklistAdd: 'post' });
		s.sim.setFault({ kind: 'http500', service: 'rest', method: 'POST', path: '/v2/blacklist', count: 1 });
		const error = await s.run((g) => g.addToBlacklist('46701234567', opts)).catch((e) => e);
		expect(error.description).toMatch(/The change may have reached iP\.1\. It was not repeated/);
		expect(error.description).not.toMatch(/messages/);
		expect(s.hits('PUT /v2/blacklist/{msisdn}')).toBe(1);
	});
});
