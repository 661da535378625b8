/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// --delivery-concurrency: SOAP callbacks and REST webhooks share one bounded pool of delivery workers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import { DeliveryPool } from '../../../simulator/deliveryPool';

/** A receiver that holds every request 100 ms and records how many it held at once at most. */
async function slowReceiver() {
	const seen = { inFlight: 0, most: 0, requests: 0 };
	const server = http.createServer((req, res) => {
		seen.requests++;
		seen.most = Math.max(seen.most, ++seen.inFlight);
		req.resume();
		setTimeout(() => {
			seen.inFlight--;
			res.writeHead(200, { 'Content-Type': 'text/plain' });
			res.end('OK');
		}, 100);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { seen, url, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

async function deliverTwelve(deliveryConcurrency?: number) {
	const receiver = await slowReceiver();
	const sim: SimulatorHandle = await startSimulator({ port: 0, quiet: true, deliveryConcurrency });
	try {
		const records = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				i % 2 === 0
					? sim.injectIncoming({ sender: '46701234567', to: '46709876543', text: `soap ${i}`, callbackUrl: `${receiver.url}/soap` })
					: sim.injectRestIncoming({ sender: '46701234567', recipient: '46709876543', body: `rest ${i}`, url: `${receiver.url}/rest` }),
			),
		);
		return { seen: receiver.seen, delivered: records.filter((r: any) => r.delivered).length };
	} finally {
		await sim.stop();
		await receiver.close();
	}
}

describe('delivery concurrency', () => {
	it('holds SOAP callbacks and REST webhooks together to the limit, and still delivers every one', async () => {
		const limited = await deliverTwelve(3);
		expect(limited).toEqual({ seen: { inFlight: 0, most: 3, requests: 12 }, delivered: 12 });
	});

	it('without a limit the same twelve overlap beyond it (the test above can fail)', async () => {
		const free = await deliverTwelve();
		expect(free.delivered).toBe(12);
		expect(free.seen.most).toBeGreaterThan(3);
	});

	it('refuses a limit below 1', () => {
		expect(() => new DeliveryPool(0)).toThrow('deliveryConcurrency must be a number ≥ 1');
	});
});
