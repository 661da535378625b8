// Every "unknown" of the REST contract, switched in the simulator: the gateway stays correct, and
// the simulator's own state shows that nothing was accepted twice.
import { sleep } from 'n8n-workflow';

import type { SendRequest } from '../../../../nodes/Ip1Sms/gateway/types';
import { opts, shown, startSim, KEY, type Sim } from './probe';

jest.setTimeout(60_000);

let s: Sim;
beforeAll(async () => {
	s = await startSim();
});
afterAll(async () => await s.sim.stop());
beforeEach(() => {
	s.sim.reset();
	s.sim.setRest({ postAnswer: 'created', deleteAnswer: 'ok', errorBody: 'problem', linkStyle: 'semicolon', maxPageSize: 1000, rateLimit: null });
});

const recipients = ['46701234567', '46709876543', '46705550000'].map((to, itemIndex) => ({ to, itemIndex }));
const request = (over: Partial<SendRequest> = {}): SendRequest => ({ sender: 'iP1', text: 'Hej', recipients, type: 'sms', priority: 1, ...over });
const later = () => {
	const at = new Date(Date.now() + 3_600_000);
	return { unixSeconds: Math.floor(at.getTime() / 1000), iso: at.toISOString() };
};

describe.each([
	['created', 2],
	['ok', 2],
	['id', 2],
	['messages', 1], // the answer lists the messages: nothing to read back
] as const)('POST answer "%s"', (postAnswer, requests) => {
	it(`the batch id and every message id and status, sent once, in ${requests} request(s)`, async () => {
		s.sim.setRest({ postAnswer });
		const result = await s.run((g) => g.send(request(), opts));
		const state = s.sim.state().rest;
		expect(state.batches.map((b) => b.id)).toEqual([result.batchId]);
		const ids = new Map(state.messages.map((m) => [m.recipient, m.id]));
		expect(result.messages.map((m) => m.messageId)).toEqual(recipients.map((r) => ids.get(r.to)));
		expect(result.messages.every((m) => m.status && m.status.code >= 101)).toBe(true);
		expect(result.requests).toBe(requests);
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(s.accepted()).toBe(3);
	});
});

describe.each(['problem', 'validation', 'text', 'empty'] as const)('error bodies as "%s"', (errorBody) => {
	beforeEach(() => s.sim.setRest({ errorBody }));

	it('a refused send (400): an error naming the field where the body says it, nothing sent', async () => {
		const error = await s.run((g) => g.send(request({ sender: 'NotMine' }), { itemIndex: 2, timeout: 5000 })).catch((e) => e);
		expect(error.message).toBe('iP.1 refused to send the messages (HTTP 400)');
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(2);
		if (errorBody === 'empty') expect(error.description).toBe("iP.1 gave no reason: check this step's fields and run it again.");
		else expect(error.description).toMatch(/Sender: The sender 'NotMine' is not registered for this account\./);
		if (errorBody !== 'empty') expect(error.description).toMatch(/ Correct the value iP\.1 names and run the step again\.$/);
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(s.accepted()).toBe(0);
	});

	it('an unknown batch (404)', async () => {
		const error = await s.run((g) => g.getBatch('aaaaaaaaaaaaaaaaaaaaaaaa', opts)).catch((e) => e);
		expect(error.message).toBe('iP.1 could not read batch aaaaaaaaaaaaaaaaaaaaaaaa: not found (HTTP 404)');
		expect(s.hits('GET /v2/batches/{id}')).toBe(1);
	});

	it('a cancel with nothing waiting (409) is "not cancelled", not an error', async () => {
		const sent = await s.run((g) => g.send(request(), opts));
		expect(await s.run((g) => g.cancelBatch(sent.batchId!, opts))).toEqual({ cancelled: false });
	});

	it('a page size the server refuses is asked again at 50', async () => {
		s.sim.setRest({ maxPageSize: 50 });
		const many = Array.from({ length: 60 }, (_, i) => ({ to: String(46700000000 + i), itemIndex: i }));
		const sent = await s.run((g) => g.send(request({ recipients: many }), opts));
		expect(sent.messages.every((m) => m.messageId)).toBe(true);
		const rows = await s.run((g) => g.getBatchMessages(sent.batchId!, { returnAll: true, limit: 0 }, opts));
		expect(rows.map((r) => r.to)).toEqual(many.map((r) => r.to));
	});

	it('a wrong key (401, always empty)', async () => {
		const error = await s.run((g) => g.getBalance(opts), { apiKey: `${KEY}x` }).catch((e) => e);
		expect(error.message).toBe('iP.1 did not accept the API key (HTTP 401)');
		expect(shown(error)).not.toContain(KEY);
	});
});

describe.each(['ok', 'noContent'] as const)('DELETE answer "%s"', (deleteAnswer) => {
	it('cancels once', async () => {
		s.sim.setRest({ deleteAnswer });
		const sent = await s.run((g) => g.send(request({ sendAt: later() }), opts));
		const result = await s.run((g) => g.cancelBatch(sent.batchId!, opts));
		expect(result.cancelled).toBe(true);
		expect(s.sim.state().rest.messages.map((m) => m.status)).toEqual([203, 203, 203]);
		expect(s.hits('DELETE /v2/batches/{id}')).toBe(1);
	});
});

describe.each(['semicolon', 'space'] as const)('Link header "%s"', (linkStyle) => {
	it('Return All reads every page', async () => {
		s.sim.setRest({ linkStyle, maxPageSize: 50 });
		const many = Array.from({ length: 120 }, (_, i) => ({ to: String(46701000000 + i), itemIndex: i }));
		const sent = await s.run((g) => g.send(request({ recipients: many }), opts));
		const before = s.hits('GET /v2/batches/{id}/messages');
		const rows = await s.run((g) => g.getBatchMessages(sent.batchId!, { returnAll: true, limit: 0 }, opts));
		expect(rows.map((r) => r.to)).toEqual(many.map((r) => r.to));
		expect(rows.map((r) => r.messageId)).toEqual(sent.messages.map((m) => m.messageId));
		// 1000 refused, then 50 + 50 + 20
		expect(s.hits('GET /v2/batches/{id}/messages') - before).toBe(4);
	});
});

describe('rate limit', () => {
	it('a send refused with 429 is sent again after Retry-After, and accepted once', async () => {
		s.sim.setRest({ rateLimit: { requests: 1, perMs: 1500 } });
		const result = await s.run(async (g) => {
			await g.getBalance(opts);
			return await g.send(request(), opts);
		});
		expect(result.messages.every((m) => m.messageId)).toBe(true);
		expect(s.hits('POST /v2/batches')).toBe(2);
		expect(s.sim.state().rest.calls['POST /v2/batches']).toBe(1);
		expect(s.sim.state().rest.batches).toHaveLength(1);
		expect(s.accepted()).toBe(3);
	});
});

describe('status codes outside the table', () => {
	it('keep their class', async () => {
		s.sim.setRest({ statusSuffixes: { '71': 299, '72': 450, '73': 599 } });
		const sent = await s.run((g) => g.send(request({ recipients: ['46700000071', '46700000072', '46700000073'].map((to, itemIndex) => ({ to, itemIndex })) }), opts));
		const deadline = Date.now() + 20_000;
		while (s.sim.state().rest.messages.some((m) => m.status < 200) && Date.now() < deadline) await sleep(200);
		const infos = await s.run((g) => g.getBatchMessages(sent.batchId!, { returnAll: true, limit: 0 }, opts));
		expect(infos.map((m) => [m.status.code, m.status.state, m.status.name])).toEqual([
			[299, 'failed', 'Final (code 299)'],
			[450, 'rejected', 'Rejected (code 450)'],
			[599, 'failed', 'Error (code 599)'],
		]);
	});
});
