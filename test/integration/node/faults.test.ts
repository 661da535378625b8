/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The transport's retry rules, through the node: only what surely never reached iP.1 is repeated.
import { createServer } from 'node:net';

import { items, startGateway, type Gateway } from './gateway';

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway();
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const send = { resource: 'sms', operation: 'send', to: '46701234567', from: 'Alarm', message: 'Fire!' };
const NOT_RESENT =
	'The message may have reached iP.1. It was not sent again, so that nobody gets it twice: check Get Status or the iP.1 portal before you run it again.';

describe('faults', () => {
	it('a send whose answer is lost after processing is not repeated: one message, a clear error', async () => {
		gw.sim.setFault({ kind: 'resetAfter', operation: 'sms', count: 1 });
		const result = await gw.run(send);
		expect(result.error?.message).toBe('The connection to iP.1 was cut before it answered: connection reset');
		expect(result.error?.description).toBe(`${NOT_RESENT} (sms, ECONNRESET)`);
		expect(gw.sim.state().accepted).toBe(1);
		expect(gw.sim.state().calls.sms).toBe(1);
	});

	it('a send that times out is not repeated', async () => {
		gw.sim.setFault({ kind: 'delay', operation: 'sms', delayMs: 1500, count: 1 });
		const result = await gw.run({ ...send, options: { timeout: 1000 } });
		expect(result.error?.message).toBe('iP.1 did not answer within 1000 ms');
		expect(result.error?.description).toBe(`${NOT_RESENT} (sms, ECONNABORTED)`);
		expect(gw.sim.state().calls.sms).toBe(1);
	});

	it('HTTP 503, a SOAP fault and a malformed answer on a send are clear errors, sent once', async () => {
		for (const [kind, message, description] of [
			['http503', 'iP.1 answered with HTTP 503 Service Unavailable', `${NOT_RESENT} (sms)`],
			['http500', 'iP.1 answered with HTTP 500 Internal Server Error', `SOAP fault soap:Server: Server was unable to process request. ---> Simulated fault (http500). ${NOT_RESENT} (sms)`],
			['malformedXml', 'iP.1 answered with a reply that is not valid SOAP XML', `${NOT_RESENT} (sms)`],
			['emptyBody', 'iP.1 answered with an empty reply', `${NOT_RESENT} (sms)`],
		] as const) {
			gw.sim.reset();
			gw.sim.setFault({ kind, operation: 'sms', count: 1 });
			const result = await gw.run(send);
			expect({ message: result.error?.message, description: result.error?.description }).toEqual({ message, description });
			expect(gw.sim.state().calls.sms).toBe(1);
		}
	});

	it('reads (status) are retried after a transient fault and succeed', async () => {
		const sent = await gw.run(send);
		gw.sim.setFault({ kind: 'resetBefore', operation: 'status', count: 2 });
		const status = await gw.run({ resource: 'sms', operation: 'getStatus', smsId: sent.items[0].json.id as string });
		expect(status.error).toBeUndefined();
		expect(status.items[0].json.code).toBe(22);
		expect(gw.sim.state().calls.status).toBe(3);
	});

	it('reads end with a clear error when the fault persists', async () => {
		gw.sim.setFault({ kind: 'http503', operation: 'balans' });
		const result = await gw.run({ resource: 'account', operation: 'getBalance' });
		expect(result.error?.message).toBe('iP.1 answered with HTTP 503 Service Unavailable');
		expect(result.error?.description).toBe('The gateway is having trouble; try again later. (balans)');
		expect(gw.sim.state().calls.balans).toBe(3);
	});

	it('a refused connection is retried (nothing can have been sent) and then reported', async () => {
		const port = await new Promise<number>((resolve) => {
			const server = createServer();
			server.listen(0, '127.0.0.1', () => {
				const { port } = server.address() as { port: number };
				server.close(() => resolve(port));
			});
		});
		const started = Date.now();
		const result = await gw.run(send, { credentials: { baseUrl: `http://127.0.0.1:${port}` } });
		expect(result.error?.message).toMatch(/Could not connect to iP\.1 at http:\/\/127\.0\.0\.1:\d+: connection refused/);
		expect(result.error?.description).toMatch(/Nothing was sent/);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900); // two back-offs: 200 + 800 ms
	});

	it('a redirect is not followed: one request, an error naming only the target origin', async () => {
		const { createServer } = await import('node:http');
		let hits = 0;
		const server = createServer((req, res) => {
			hits++;
			res.writeHead(302, { Location: `https://gateway.example:8443/sendSms/sendSms.asmx?acc=x&pass=${encodeURIComponent(gw.credentials.apiKey as string)}` });
			res.end();
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		try {
			const { port } = server.address() as { port: number };
			const result = await gw.run(send, { credentials: { baseUrl: `http://127.0.0.1:${port}` } });
			expect(result.error?.message).toBe('iP.1 answered with HTTP 302 Found');
			expect(result.error?.description).toBe(
				"The gateway sent the request elsewhere (https://gateway.example:8443), so nothing was sent: set the credential's Base URL to that address. (sms)",
			);
			expect(JSON.stringify({ m: result.error?.message, d: result.error?.description })).not.toContain('pass=');
			expect(hits).toBe(1);
		} finally {
			server.close();
		}
	});

	it('Continue On Fail keeps going after a fault', async () => {
		gw.sim.setFault({ kind: 'http503', operation: 'sms', count: 1 });
		const result = await gw.run(
			{ ...send, to: '={{ $json.to }}', options: { parallelRequests: 1 } },
			{ input: items({ to: '46701234567' }, { to: '46701234568' }), continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatch(/HTTP 503/);
		expect(result.items[1].json.id).toBeDefined();
	});
});
