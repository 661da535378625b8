/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The reverse-proxy recipe of docs/trigger.md ("n8n starting up") as a few lines of Node: requests pass to n8n
// only once its /healthz/readiness answers 200; until then the gateway gets 503 and tries again. Without it,
// n8n answers every request `200 n8n is starting up. Please wait` while it migrates its database, and a
// REST webhook, which only looks at the status, counts that as delivered.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReadinessGate {
	url: string;
	/** requests answered 503 because n8n was not ready */
	held: number;
	close(): Promise<void>;
}

export async function startReadinessGate(target: string): Promise<ReadinessGate> {
	const base = new URL(target);
	let ready = false;
	const isReady = async () => {
		if (ready) return true;
		try {
			ready = (await fetch(`${target}/healthz/readiness`, { signal: AbortSignal.timeout(5000) })).status === 200;
		} catch {
			ready = false;
		}
		return ready;
	};
	const gate: ReadinessGate = { url: '', held: 0, close: async () => {} };
	const server = http.createServer(async (req, res) => {
		if (!(await isReady())) {
			gate.held++;
			res.writeHead(503, { 'content-type': 'text/plain' }).end('n8n is not ready');
			return;
		}
		const upstream = http.request(
			{ host: base.hostname, port: base.port, method: req.method, path: req.url, headers: req.headers },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => {
			ready = false; // n8n went away: check again before the next request passes
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
			res.end('n8n did not answer');
		});
		req.pipe(upstream);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	gate.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	gate.close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
	return gate;
}
