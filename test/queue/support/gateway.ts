/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// iP.1's side of the REST webhooks, as the contract describes it: one POST per incoming SMS or delivery
// report, repeated until the receiver answers 200. Every attempt is kept with the n8n process that
// answered it (haproxy's `X-Served-By`), so a test can report the split and the retries.
import http from 'node:http';

export interface Attempt {
	status: number | string;
	body: string;
	servedBy: string | undefined;
}

export interface Delivery {
	key: string;
	attempts: Attempt[];
	/** true once an attempt got 200 */
	acknowledged: boolean;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });

/**
 * One POST. n8n closes a keep-alive socket after 5 idle seconds; a request written on it at that moment
 * fails with ECONNRESET before n8n read it, so (Node's documented remedy) it is sent once more on a new
 * socket, only in that case (`req.reusedSocket`). Every other failure is the attempt's answer.
 */
export function postJson(url: string, body: unknown, fresh = false): Promise<Attempt> {
	const payload = JSON.stringify(body);
	return new Promise((resolve) => {
		const req = http.request(url, { method: 'POST', agent: fresh ? false : agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
			let text = '';
			res.setEncoding('utf8')
				.on('data', (c) => (text += c))
				.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, servedBy: res.headers['x-served-by'] as string | undefined }))
				.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? 'error', body: text, servedBy: undefined }));
		});
		req.on('error', (error: NodeJS.ErrnoException) => {
			if (!fresh && req.reusedSocket && error.code === 'ECONNRESET') resolve(postJson(url, body, true));
			else resolve({ status: error.code ?? 'error', body: '', servedBy: undefined });
		});
		req.end(payload);
	});
}

/** Delivers one payload as the gateway does: again after `retryMs` until 200 (at most `maxAttempts`). */
export async function deliver(url: string, key: string, body: unknown, retryMs = 300, maxAttempts = 30): Promise<Delivery> {
	const delivery: Delivery = { key, attempts: [], acknowledged: false };
	while (delivery.attempts.length < maxAttempts) {
		const attempt = await postJson(url, body);
		delivery.attempts.push(attempt);
		if (attempt.status === 200) {
			delivery.acknowledged = true;
			break;
		}
		await new Promise((r) => setTimeout(r, retryMs));
	}
	return delivery;
}

/** Runs `fn` for 0..count-1 with at most `width` at once. */
export async function pooled<T>(count: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
	const out: T[] = new Array(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < count) {
				const i = next++;
				out[i] = await fn(i);
			}
		}),
	);
	return out;
}

/** How many answers each process gave (first attempts only, or all). */
export function split(deliveries: Delivery[], which: 'first' | 'all' = 'first'): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const d of deliveries) {
		for (const a of which === 'first' ? d.attempts.slice(0, 1) : d.attempts) {
			const by = a.servedBy ?? `(no answer: ${a.status})`;
			counts[by] = (counts[by] ?? 0) + 1;
		}
	}
	return counts;
}

/** An incoming SMS as iP.1's REST webhook posts it (a message document, direction `mo`). */
export function incomingSms(id: string, i: number) {
	return { id, batchId: `b-${id}`, direction: 'mo', sender: `4670${String(1_000_000 + i).slice(1)}`, recipient: '46700000000', body: `Svar ${i}: ja tack åäö`, segments: 1, created: new Date().toISOString() };
}

/** A delivery report: the message reached the handset (201). */
export function deliveryReport(id: string, i: number) {
	return { id, messageId: id, batchId: `b-${id}`, recipient: `4670${String(2_000_000 + i).slice(1)}`, code: 201, duration: 3, created: new Date().toISOString(), segments: 1, price: 0.35, currency: 'SEK', reference: `ref-${i}` };
}

export function closeGateway(): void {
	agent.destroy();
}
