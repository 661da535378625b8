/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The machine's floor for REST: a bare Node client making the node's REST requests (POST /v2/batches with
// the same JSON, then, with `readBack`, GET /v2/batches/{id}/messages as the node reads the message ids back
// at its default Read Message IDs) over keep-alive connections, `parallel` sends in flight at once.
import http from 'node:http';

export interface RestCall {
	body: unknown;
	/** recipients in this send: the read-back pages 1,000 at a time */
	recipients: number;
}

export function restSingleCalls(sender: string, items: Array<{ to: string; message: string }>): RestCall[] {
	return items.map((r) => ({ body: { sender, recipients: [r.to], body: r.message, type: 'sms', datacoding: 'gsm', priority: 1 }, recipients: 1 }));
}

/** Combine Input Items: `perRequest` recipients with their template values per send. */
export function restCombineCalls(sender: string, text: string, items: Array<{ to: string; name: string; order: string }>, perRequest = 1000): RestCall[] {
	const calls: RestCall[] = [];
	for (let start = 0; start < items.length; start += perRequest) {
		const chunk = items.slice(start, start + perRequest);
		const recipients = Object.fromEntries(chunk.map((r) => [r.to, { name: r.name, order: r.order }]));
		calls.push({ body: { sender, recipients, body: text, type: 'sms', datacoding: 'gsm', priority: 1 }, recipients: chunk.length });
	}
	return calls;
}

export async function runRestCalls(baseUrl: string, apiKey: string, calls: RestCall[], parallel: number, readBack = true): Promise<{ ms: number; requests: number }> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: parallel });
	const auth = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
	let requests = 0;
	const request = (method: string, path: string, body?: string) =>
		new Promise<any>((resolve, reject) => {
			requests++;
			const headers: Record<string, string | number> = { ...auth };
			if (body !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
			const req = http.request(new URL(path, baseUrl), { method, agent, headers }, (res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (text += c));
				res.on('end', () => (res.statusCode! < 300 ? resolve(JSON.parse(text)) : reject(new Error(`raw REST ${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`))));
			});
			req.on('error', reject);
			req.end(body);
		});
	const one = async (call: RestCall) => {
		const batch = await request('POST', '/v2/batches', JSON.stringify(call.body));
		if (!readBack) return;
		let read = 0;
		// as the node asks: as many messages as recipients, at most 1,000 a page
		for (let start = 0; read < call.recipients; start += 1000) {
			const page = (await request('GET', `/v2/batches/${batch.id}/messages?start=${start}&limit=${Math.min(1000, call.recipients - read)}`)) as unknown[];
			if (!page.length) throw new Error(`raw REST: batch ${batch.id} has ${read} of ${call.recipients} messages`);
			read += page.length;
		}
	};
	const started = performance.now();
	let next = 0;
	try {
		await Promise.all(Array.from({ length: Math.min(parallel, calls.length) }, async () => {
			while (next < calls.length) await one(calls[next++]);
		}));
		return { ms: performance.now() - started, requests };
	} finally {
		agent.destroy();
	}
}
