/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// A tiny HTTP server that plays the user's callback URL in the incoming-SMS tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CallbackHit {
	/** path and query exactly as received */
	rawUrl: string;
	/** query parameters, values kept percent-encoded */
	rawParams: Record<string, string>;
}

export interface CallbackServer {
	url: string;
	hits: CallbackHit[];
	/** answers for the next requests, in order; after them `fallback` */
	script: { status: number; body: string }[];
	fallback: { status: number; body: string };
	close(): Promise<void>;
}

export async function startCallbackServer(): Promise<CallbackServer> {
	const state: Omit<CallbackServer, 'url' | 'close'> = { hits: [], script: [], fallback: { status: 200, body: 'OK' } };
	const server = http.createServer((req, res) => {
		const rawUrl = req.url ?? '';
		const rawParams: Record<string, string> = {};
		const q = rawUrl.indexOf('?');
		if (q >= 0) {
			for (const pair of rawUrl.slice(q + 1).split('&')) {
				const eq = pair.indexOf('=');
				rawParams[eq < 0 ? pair : pair.slice(0, eq)] = eq < 0 ? '' : pair.slice(eq + 1);
			}
		}
		state.hits.push({ rawUrl, rawParams });
		const answer = state.script.shift() ?? state.fallback;
		res.writeHead(answer.status, { 'Content-Type': 'text/plain' });
		res.end(answer.body);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return Object.assign(state, {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((r) => {
				server.closeAllConnections();
				server.close(() => r());
			}),
	});
}

/** Decodes a percent-encoded value whose bytes are ISO-8859-1 (`+` is a space). */
export function decodeLatin1(raw: string): string {
	const bytes: number[] = [];
	for (let i = 0; i < raw.length; i++) {
		if (raw[i] === '%') {
			bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(raw[i] === '+' ? 0x20 : raw.charCodeAt(i));
	}
	return Buffer.from(bytes).toString('latin1');
}

export function decodeUtf8(raw: string): string {
	return decodeURIComponent(raw.replace(/\+/g, ' '));
}
