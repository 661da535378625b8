// Every simulator fault on the REST gateway's send, reads and changes: a send that may have
// arrived is never repeated (the simulator's state shows each batch accepted at most once), reads
// are retried, every error is clear and holds no API key.
import type { FaultKind } from '../../../../simulator/types';
import { sleep } from 'n8n-workflow';

import type { SendRequest } from '../../../../nodes/Ip1Sms/gateway/types';
import { KEY, shown, startSim, type Sim } from './probe';

jest.setTimeout(60_000);

let s: Sim;
beforeAll(async () => {
	s = await startSim();
});
afterAll(async () => await s.sim.stop());
beforeEach(() => s.sim.reset());

const opts = { itemIndex: 1, timeout: 1500 };
const request: SendRequest = {
	sender: 'iP1',
	text: 'Hej',
	recipients: ['46701234567', '46709876543'].map((to, itemIndex) => ({ to, itemIndex })),
	type: 'sms',
	priority: 1,
};
const later = () => {
	const at = new Date(Date.now() + 3_600_000);
	return { unixSeconds: Math.floor(at.getTime() / 1000), iso: at.toISOString() };
};

type Kind = Exclude<FaultKind, 'webhookStatus'>;
const fault = (kind: Kind, method: string, path: string) =>
	s.sim.setFault({ kind, service: 'rest', method, path, count: 1, ...(kind === 'delay' ? { delayMs: 3000 } : {}) });

const MAY_HAVE = 'The messages may have reached iP.1. They were not sent again, so that nobody gets them twice: check the batch (Batch → Get Many) or the iP.1 portal before you run it again.';
const CUT = 'The connection to iP.1 was cut when asked to send the messages: connection reset';

/** What a send does under each fault: fail (its exact title and description), or succeed from the Location header. */
const SEND: [Kind, { message: string; description: string } | 'sent'][] = [
	['resetBefore', { message: CUT, description: `${MAY_HAVE} (ECONNRESET)` }],
	['resetAfter', { message: CUT, description: `${MAY_HAVE} (ECONNRESET)` }],
	['http500', { message: 'iP.1 failed to send the messages (HTTP 500)', description: `An error occurred while processing your request. Simulated fault (http500). ${MAY_HAVE}` }],
	['http503', { message: 'iP.1 failed to send the messages (HTTP 503)', description: `Service Unavailable Service Unavailable HTTP Error 503. The service is unavailable. ${MAY_HAVE}` }],
	// the body ends before its announced length: the request helper names no socket error
	['truncatedBody', { message: 'The connection to iP.1 was cut when asked to send the messages: network error', description: `${MAY_HAVE} (ERR_BAD_RESPONSE)` }],
	['delay', { message: 'iP.1 did not answer within 1500 ms when asked to send the messages', description: `${MAY_HAVE} (ECONNABORTED)` }],
	// the answer's body is cut or empty, but it is a 200 with the Location of the new batch
	['malformedXml', 'sent'],
	['emptyBody', 'sent'],
];

describe.each(SEND)('send under %s', (kind, expected) => {
	it(expected === 'sent' ? 'is read from its Location, sent once' : 'fails as "may have been sent", sent at most once', async () => {
		fault(kind, 'POST', '/v2/batches');
		const outcome = await s.run((g) => g.send(request, opts)).then(
			(result) => ({ result, error: undefined }),
			(error) => ({ result: undefined, error }),
		);
		if (kind === 'delay') await sleep(2000); // let the held request end
		const { batches } = s.sim.state().rest;
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(batches.length).toBeLessThanOrEqual(1);
		expect(s.accepted()).toBe(batches.length * 2);
		if (expected === 'sent') {
			expect(outcome.error).toBeUndefined();
			expect(outcome.result?.batchId).toBe(batches[0].id);
			expect(outcome.result?.messages.map((m) => m.messageId).sort()).toEqual([...batches[0].messageIds].sort());
		} else {
			expect({ message: outcome.error.message, description: outcome.error.description }).toEqual(expected);
			expect(outcome.error.context.itemIndex).toBe(1);
			expect(shown(outcome.error)).not.toContain(KEY);
		}
	});
});

it('a refused connection: nothing sent, and said so', async () => {
	const error = await s.run((g) => g.send(request, opts), { baseUrl: 'http://127.0.0.1:9' }).catch((e) => e);
	expect(error.message).toBe('Could not connect to iP.1 at http://127.0.0.1:9: connection refused');
	expect(error.description).toMatch(/^Nothing was sent \(ECONNREFUSED\)/);
	expect(s.accepted()).toBe(0);
});

const KINDS: Kind[] = ['resetBefore', 'resetAfter', 'http500', 'http503', 'malformedXml', 'emptyBody', 'truncatedBody', 'delay'];

describe.each(KINDS)('reads under %s', (kind) => {
	it('are retried and answer as without the fault', async () => {
		const sent = await s.run((g) => g.send(request, opts));
		const clean = await s.run((g) => g.getBatch(sent.batchId!, opts));
		fault(kind, 'GET', '/v2/batches/*');
		const read = await s.run((g) => g.getBatch(sent.batchId!, opts));
		expect(read.batchId).toBe(clean.batchId);
		expect(read.text).toBe(clean.text);
		expect(s.hits('GET /v2/batches/{id}')).toBe(3);
	});

	it('the read-back of a send is retried; the send is not repeated', async () => {
		fault(kind, 'GET', '/v2/batches/*/messages');
		const result = await s.run((g) => g.send(request, opts));
		expect(result.messages.every((m) => m.messageId)).toBe(true);
		expect(result.requests).toBe(3);
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(s.accepted()).toBe(2);
	});

	it('paged reads are retried page by page', async () => {
		const sent = await s.run((g) => g.send(request, opts));
		fault(kind, 'GET', '/v2/batches/*/messages');
		const rows = await s.run((g) => g.getBatchMessages(sent.batchId!, { returnAll: true, limit: 0 }, opts));
		expect(rows.map((r) => r.messageId)).toEqual(sent.messages.map((m) => m.messageId));
	});

	it('the balance is retried', async () => {
		fault(kind, 'GET', '/api/me');
		expect((await s.run((g) => g.getBalance(opts))).balance).toBe(1000);
	});
});

describe.each(['resetAfter', 'http500', 'http503', 'truncatedBody'] as Kind[])('cancel under %s', (kind) => {
	it('is not repeated, and says the cancel may have happened', async () => {
		const sent = await s.run((g) => g.send({ ...request, sendAt: later() }, opts));
		fault(kind, 'DELETE', '/v2/batches/*');
		const error = await s.run((g) => g.cancelBatch(sent.batchId!, opts)).catch((e) => e);
		expect(error.description).toMatch(/may have reached iP\.1\. It was not repeated/);
		expect(s.hits('DELETE /v2/batches/{id}')).toBe(1);
		expect(shown(error)).not.toContain(KEY);
	});
});

it('a sender registration cut after it arrived is not repeated', async () => {
	fault('resetAfter', 'PUT', '/v2/me/senders/*');
	const error = await s.run((g) => g.registerSender('Acme', opts)).catch((e) => e);
	// the call would make the title too long: the description names it
	expect(error.message).toBe('The connection to iP.1 was cut when asked to do this: connection reset');
	expect(error.description).toBe('Asked to register the sender Acme. The change may have reached iP.1. It was not repeated: check its current state before you run it again. (ECONNRESET)');
	expect(s.hits('PUT /v2/me/senders/{sender}')).toBe(1);
	expect(s.sim.state().rest.senders['ip1-12345']).toContain('Acme');
});
