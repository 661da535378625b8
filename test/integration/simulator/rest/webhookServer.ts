/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Plays the user's webhook in the REST tests: records every POST (path, headers, JSON body) and answers as scripted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookHit {
	path: string;
	method: string;
	contentType: string;
	body: Record<string, unknown>;
}

export interface WebhookServer {
	url: string;
	hits: WebhookHit[];
	/** statuses for the next requests, in order; after them `respond`, else `fallback` */
	script: number[];
	fallback: number;
	/** the status for a request, decided from it (and the hits before it) */
	respond?: (hit: WebhookHit, hits: WebhookHit[]) => number;
	/** resolves once `n` hits have arrived */
	waitFor(n: number, timeoutMs?: number): Promise<WebhookHit[]>;
	close(): Promise<void>;
}

export async function startWebhookServer(): Promise<WebhookServer> {
	const waiters: { n: number; resolve: () => void }[] = [];
	const state: { hits: WebhookHit[]; script: number[]; fallback: number; respond?: WebhookServer['respond'] } = { hits: [], script: [], fallback: 200 };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const hit = { path: req.url ?? '', method: req.method ?? '', contentType: String(req.headers['content-type'] ?? ''), body: text ? JSON.parse(text) : {} };
			state.hits.push(hit);
			const status = state.script.shift() ?? state.respond?.(hit, state.hits) ?? state.fallback;
			res.writeHead(status, { 'Content-Type': 'text/plain' });
			res.end(status === 200 ? 'OK' : 'no');
			for (const w of waiters.filter((w) => state.hits.length >= w.n)) {
				waiters.splice(waiters.indexOf(w), 1);
				w.resolve();
			}
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return Object.assign(state, {
		url: `http://127.0.0.1:${port}`,
		waitFor(n: number, timeoutMs = 10_000) {
			if (state.hits.length >= n) return Promise.resolve(state.hits);
			return new Promise<WebhookHit[]>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`only ${state.hits.length} of ${n} webhook requests arrived`)), timeoutMs);
				waiters.push({ n, resolve: () => (clearTimeout(timer), resolve(state.hits)) });
			});
		},
		close: () =>
			new Promise<void>((r) => {
				server.closeAllConnections();
				server.close(() => r());
			}),
	});
}
