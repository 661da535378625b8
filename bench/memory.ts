/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Resident memory of a process (Linux /proc): the kernel's high-water mark (VmHWM), which can be reset
// (`echo 5 > /proc/<pid>/clear_refs`, root or the same user), and a sampler of the whole process tree
// (n8n's task runners are child processes), and the local MMS end of the MMS memory row (bench/sections/memory.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { BenchN8n, ExecutionFigures } from './n8nBench';

function statusField(pid: number, field: string): number | undefined {
	try {
		const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

export const rssBytes = (pid: number) => statusField(pid, 'VmRSS');
export const peakRssBytes = (pid: number) => statusField(pid, 'VmHWM');

/** Resets the process's VmHWM to its current RSS; false when the kernel does not allow it. */
export function resetPeakRss(pid: number): boolean {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** The process and all its descendants. */
export function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid)!.push(Number(entry));
		} catch {
			// gone
		}
	}
	const out: number[] = [];
	const walk = (pid: number) => {
		out.push(pid);
		for (const c of children.get(pid) ?? []) walk(c);
	};
	walk(root);
	return out;
}

export interface MemorySample {
	/** highest RSS of the main process seen by the sampler */
	mainPeak: number;
	/** highest sum of the RSS of the whole tree seen by the sampler */
	treePeak: number;
	samples: number;
}

/** Samples RSS every `intervalMs` until stop() is called. */
export function sampleMemory(mainPid: number, intervalMs = 20): { stop(): MemorySample } {
	const result: MemorySample = { mainPeak: 0, treePeak: 0, samples: 0 };
	let tree = processTree(mainPid);
	let ticks = 0;
	const tick = () => {
		if (++ticks % 25 === 0) tree = processTree(mainPid);
		let total = 0;
		for (const pid of tree) {
			const rss = rssBytes(pid) ?? 0;
			if (pid === mainPid) result.mainPeak = Math.max(result.mainPeak, rss);
			total += rss;
		}
		result.treePeak = Math.max(result.treePeak, total);
		result.samples++;
	};
	tick();
	const timer = setInterval(tick, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			tick();
			return result;
		},
	};
}

// ---- MMS Send with 1,000 items of a 290 kB image (bench/sections/memory.ts): peak RSS of n8n against the
// same workflow ending in a No Operation node (issue 14: MMS Send used to read every item's files first).


export interface PeakMemory {
	/** VmHWM of the n8n process over the run (reset just before it) */
	hwm: number;
	mainPeak: number;
	/** sampled sum over n8n and its task runners */
	treePeak: number;
	/** VmHWM before the reset (start-up and warm-up) */
	before: number;
	figures: ExecutionFigures;
}

/** The peak resident memory of n8n while `run` executes one workflow. */
export async function measurePeak(n8n: BenchN8n, run: () => Promise<ExecutionFigures>): Promise<PeakMemory> {
	await new Promise((resolve) => setTimeout(resolve, 1000));
	const before = peakRssBytes(n8n.pid) ?? 0;
	const resetDone = resetPeakRss(n8n.pid);
	const sampler = sampleMemory(n8n.pid);
	const figures = await run();
	const sampled = sampler.stop();
	// without the reset, VmHWM would include start-up: use the sampler's peak then
	const hwm = resetDone ? (peakRssBytes(n8n.pid) ?? 0) : sampled.mainPeak;
	return { hwm, mainPeak: sampled.mainPeak, treePeak: sampled.treePeak, before, figures };
}

const IMAGE_BYTES = 290 * 1024; // under the MMS limit of 300 kB

/**
 * One local server for both ends of the workflow: GET /image/<n>.jpg serves the same incompressible
 * 290 kB "image", POST /mms/mms.asmx answers sendMMS with a new id after reading the whole request.
 * (The simulator parses each 400 kB envelope with xml2js, ~0.4 s: 1,000 of them would measure the
 * simulator, not n8n. The simulator's own tests check the MMS wire format.)
 */
export async function startMmsEnds(): Promise<{ url: string; mmsRequests(): number; mmsBytes(): number; close(): Promise<void> }> {
	const image = randomBytes(IMAGE_BYTES);
	let requests = 0;
	let bytes = 0;
	const server = createServer((req, res) => {
		if (req.method === 'GET' && req.url?.startsWith('/image/')) {
			res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': image.length });
			res.end(image);
			return;
		}
		let size = 0;
		req.on('data', (chunk: Buffer) => (size += chunk.length));
		req.on('end', () => {
			const id = 1000 + requests++;
			bytes += size;
			res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
			res.end(
				'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
					`<sendMMSResponse xmlns="http://tempuri.org/"><sendMMSResult>${id}</sendMMSResult></sendMMSResponse></soap:Body></soap:Envelope>`,
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		mmsRequests: () => requests,
		mmsBytes: () => bytes,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
