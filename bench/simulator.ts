/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Benchmark of the gateway simulator alone: SOAP `sms` requests per second on loopback with keep-alive.
// By default the simulator runs in its own process (as in the package's benchmarks and the demo),
// so the load generator here does not share its event loop.
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { startSimulator } from '../simulator/index';
import { startSimulatorProcess } from './simulatorProcess';

export interface SimulatorBenchOptions {
	durationMs?: number;
	connections?: number;
	/** run the simulator in this process instead of a child process */
	inProcess?: boolean;
}

export interface SimulatorBenchResult {
	requestsPerSecond: number;
	requests: number;
	errors: number;
	durationMs: number;
	connections: number;
	p50Ms: number;
	p99Ms: number;
	mode: 'child-process' | 'in-process';
	/** messages the simulator accepted: must equal `requests` */
	accepted: number;
	/** CPU time the simulator process spent per request (child-process mode on Linux): its capacity on one free core is 1e6 / this */
	serverCpuUsPerRequest?: number;
}

const ACCOUNT = { id: 'ip1-bench', key: 'bench-key', balance: 1e12 };

function smsEnvelope(): Buffer {
	return Buffer.from(
		'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
			'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>' +
			`<sms xmlns="http://tempuri.org/"><konto>${ACCOUNT.id}</konto><passwd>${ACCOUNT.key}</passwd><till>46701234567</till>` +
			'<from>Bench</from><meddelande>Benchmark message from the iP.1 simulator bench</meddelande><prio>1</prio></sms>' +
			'</soap:Body></soap:Envelope>',
	);
}


/** user + system CPU time of a process in microseconds (Linux /proc), undefined elsewhere */
function cpuTimeUs(pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) / 100) * 1e6; // clock ticks at USER_HZ = 100
	} catch {
		return undefined;
	}
}

/**
 * A minimal HTTP/1.1 keep-alive client (one request in flight per connection, like wrk), so that
 * the load generator costs far less CPU than the server it measures: Node's http client would
 * take as much CPU per request as the simulator itself on this 2-core machine.
 */
class KeepAliveClient {
	private buffer: Buffer = Buffer.alloc(0);
	private pending?: { resolve: (r: { status: number; body: string }) => void; reject: (e: Error) => void };

	private constructor(
		private readonly socket: net.Socket,
		private readonly request: Buffer,
	) {
		socket.setNoDelay(true);
		socket.on('data', (chunk: Buffer) => {
			this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
			this.tryComplete();
		});
		const fail = (e: Error) => {
			this.pending?.reject(e);
			this.pending = undefined;
		};
		socket.on('error', fail);
		socket.on('close', () => fail(new Error('connection closed')));
	}

	static connect(port: number, host: string, request: Buffer): Promise<KeepAliveClient> {
		return new Promise((resolve, reject) => {
			const socket = net.connect(port, host, () => resolve(new KeepAliveClient(socket, request)));
			socket.once('error', reject);
		});
	}

	send(): Promise<{ status: number; body: string }> {
		return new Promise((resolve, reject) => {
			this.pending = { resolve, reject };
			this.socket.write(this.request);
		});
	}

	close(): void {
		this.socket.destroy();
	}

	private tryComplete(): void {
		const headerEnd = this.buffer.indexOf('\r\n\r\n');
		if (headerEnd < 0 || !this.pending) return;
		const head = this.buffer.toString('latin1', 0, headerEnd);
		const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
		if (this.buffer.length < headerEnd + 4 + length) return;
		const status = Number(head.slice(9, 12));
		const body = this.buffer.toString('utf8', headerEnd + 4, headerEnd + 4 + length);
		this.buffer = this.buffer.subarray(headerEnd + 4 + length);
		const { resolve } = this.pending;
		this.pending = undefined;
		resolve({ status, body });
	}
}

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return 0;
	return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function fetchAccepted(url: string): Promise<number> {
	const res = await fetch(`${url}/_sim/accepted`);
	return ((await res.json()) as { accepted: number }).accepted;
}

interface Target {
	url: string;
	pid?: number;
	stop(): Promise<void>;
}

async function startTarget(inProcess: boolean): Promise<Target> {
	if (inProcess) {
		const sim = await startSimulator({ port: 0, quiet: true, accounts: [ACCOUNT] });
		return { url: sim.url, stop: () => sim.stop() };
	}
	const started = await startSimulatorProcess(`${ACCOUNT.id}:${ACCOUNT.key}:${ACCOUNT.balance}`);
	return { url: started.url, pid: started.child.pid, stop: () => started.stop() };
}

interface LoadResult {
	requests: number;
	errors: number;
	durationMs: number;
	p50Ms: number;
	p99Ms: number;
	accepted: number;
	serverCpuUsPerRequest?: number;
}

/** Keeps `connections` keep-alive connections busy with `request` for `durationMs`; `ok` judges each answer. */
async function runLoad(
	target: Target,
	request: Buffer,
	ok: (r: { status: number; body: string }) => boolean,
	durationMs: number,
	connections: number,
): Promise<LoadResult> {
	const { hostname, port } = new URL(target.url);
	const clients = await Promise.all(Array.from({ length: connections }, () => KeepAliveClient.connect(Number(port), hostname, request)));
	const one = (client: KeepAliveClient) => client.send().then(ok);
	try {
		// warm-up: JIT and sockets
		await Promise.all(clients.map((c) => one(c)));
		const acceptedBefore = await fetchAccepted(target.url);
		const cpuBefore = cpuTimeUs(target.pid);
		const latencies: number[] = [];
		let requests = 0;
		let errors = 0;
		const start = performance.now();
		const deadline = start + durationMs;
		await Promise.all(
			clients.map(async (client) => {
				while (performance.now() < deadline) {
					const t = performance.now();
					const good = await one(client).catch(() => false);
					latencies.push(performance.now() - t);
					if (good) requests++;
					else errors++;
				}
			}),
		);
		const elapsed = performance.now() - start;
		const cpuAfter = cpuTimeUs(target.pid);
		const accepted = (await fetchAccepted(target.url)) - acceptedBefore;
		latencies.sort((a, b) => a - b);
		return {
			requests,
			errors,
			durationMs: Math.round(elapsed),
			p50Ms: Number(percentile(latencies, 50).toFixed(2)),
			p99Ms: Number(percentile(latencies, 99).toFixed(2)),
			accepted,
			...(cpuBefore !== undefined && cpuAfter !== undefined && requests > 0 ? { serverCpuUsPerRequest: Math.round((cpuAfter - cpuBefore) / requests) } : {}),
		};
	} finally {
		for (const c of clients) c.close();
	}
}

function httpRequest(target: URL, headers: string, body: Buffer): Buffer {
	return Buffer.concat([
		Buffer.from(`POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\n${headers}Content-Length: ${body.length}\r\n\r\n`),
		body,
	]);
}

export async function benchSimulator(options: SimulatorBenchOptions = {}): Promise<SimulatorBenchResult> {
	const durationMs = options.durationMs ?? 5000;
	const connections = options.connections ?? 16;
	const inProcess = options.inProcess ?? false;
	const target = await startTarget(inProcess);
	try {
		const request = httpRequest(new URL('/sendSms/sendSms.asmx', target.url), 'Content-Type: text/xml; charset=utf-8\r\nSOAPAction: "http://tempuri.org/sms"\r\n', smsEnvelope());
		const r = await runLoad(target, request, (a) => a.status === 200 && /<smsResult>\d{4,}<\/smsResult>/.test(a.body), durationMs, connections);
		return { ...r, requestsPerSecond: Math.round((r.requests / r.durationMs) * 1000), connections, mode: inProcess ? 'in-process' : 'child-process' };
	} finally {
		await target.stop();
	}
}

export interface RestBenchResult extends LoadResult {
	/** recipients per POST /v2/batches */
	recipients: number;
	requestsPerSecond: number;
	recipientsPerSecond: number;
	connections: number;
	mode: 'child-process' | 'in-process';
}

/** POST /v2/batches of `recipients` numbers per request; `accepted` must equal requests × recipients. */
export async function benchSimulatorRest(options: SimulatorBenchOptions & { recipients: number }): Promise<RestBenchResult> {
	const durationMs = options.durationMs ?? 5000;
	const connections = options.connections ?? 16;
	const inProcess = options.inProcess ?? false;
	const target = await startTarget(inProcess);
	try {
		const recipients = Array.from({ length: options.recipients }, (_, i) => String(46700000000 + i * 7));
		const body = Buffer.from(JSON.stringify({ sender: 'iP1', recipients, body: 'Benchmark message from the iP.1 simulator bench', datacoding: 'gsm' }));
		const headers = `Content-Type: application/json\r\nAuthorization: Bearer ${ACCOUNT.key}-rest\r\n`;
		const request = httpRequest(new URL('/v2/batches', target.url), headers, body);
		const r = await runLoad(target, request, (a) => a.status === 201 && a.body.startsWith('{"id":"'), durationMs, connections);
		const perSecond = (r.requests / r.durationMs) * 1000;
		return {
			...r,
			recipients: options.recipients,
			requestsPerSecond: Math.round(perSecond),
			recipientsPerSecond: Math.round(perSecond * options.recipients),
			connections,
			mode: inProcess ? 'in-process' : 'child-process',
		};
	} finally {
		await target.stop();
	}
}

if (require.main === module) {
	const arg = (name: string) => {
		const i = process.argv.indexOf(name);
		return i >= 0 ? process.argv[i + 1] : undefined;
	};
	const common = {
		durationMs: Number(arg('--duration') ?? 5000),
		connections: Number(arg('--connections') ?? 16),
		inProcess: process.argv.includes('--in-process'),
	};
	(async () => {
		const r = await benchSimulator(common);
		console.log(JSON.stringify(r, null, 2));
		console.log(`simulator: ${r.requestsPerSecond} sms requests/s (${r.mode}, ${r.connections} keep-alive connections, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors${r.serverCpuUsPerRequest ? `; simulator CPU ${r.serverCpuUsPerRequest} µs/request` : ''})`);
		let bad = r.errors > 0 || r.accepted !== r.requests;
		for (const recipients of [1, 1000]) {
			const rest = await benchSimulatorRest({ ...common, recipients });
			console.log(JSON.stringify(rest, null, 2));
			console.log(`simulator REST: POST /v2/batches of ${recipients}: ${rest.requestsPerSecond} requests/s, ${rest.recipientsPerSecond} recipients/s (p50 ${rest.p50Ms} ms, p99 ${rest.p99Ms} ms, ${rest.errors} errors)`);
			bad ||= rest.errors > 0 || rest.accepted !== rest.requests * recipients;
		}
		process.exit(bad ? 1 : 0);
	})().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
