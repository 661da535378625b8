/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Incoming-SMS callbacks as iP.1 sends them (HTTP GET with incsmsid, sender, text, to), `concurrency` at a time.
import http from 'node:http';

export interface CallbackLoadResult {
	sent: number;
	ok: number;
	failed: number;
	ms: number;
	perSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** answer time of every callback, ms */
	latencies: number[];
}

let nextId = 1;

export function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)];
}

export async function sendCallbacks(url: string, count: number, concurrency: number): Promise<CallbackLoadResult> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const latencies: number[] = [];
	let ok = 0;
	let failed = 0;
	let issued = 0;
	const one = () =>
		new Promise<boolean>((resolve) => {
			const id = nextId++;
			const query = new URLSearchParams({ incsmsid: `bench-${process.pid}-${id}`, sender: `4670${1000000 + (id % 1000000)}`, text: `Hej! Meddelande nummer ${id}`, to: '46700000000' });
			const req = http.get(`${url}?${query}`, { agent }, (res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode === 200));
			});
			req.on('error', () => resolve(false));
		});
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (issued < count) {
				issued++;
				const t = performance.now();
				const success = await one();
				latencies.push(performance.now() - t);
				if (success) ok++;
				else failed++;
			}
		}),
	);
	const ms = performance.now() - started;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return { sent: count, ok, failed, ms, perSecond: (ok / ms) * 1000, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), latencies };
}
