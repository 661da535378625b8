/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Where the peak memory of MMS Send (SOAP) goes, in-process: the iP.1 SMS node in n8n-core's WorkflowExecute
// (test/support/n8nCore, isolated-vm expression engine, binary data in n8n's 'filesystem' mode as n8n 2.x
// uses it outside queue mode) sending N MMS of a 290 kB image to bench/memory.ts's local MMS end, which runs
// in a child process (as in the bench, where it is not part of n8n's process). Against a baseline: the same
// input items into a node that reads the same `to` expression per item and passes the items on (no send).
// A profile, not a test: it asserts no figure.
// Each sample is a fresh process (one side, one warm-up run of 20 items, then the measured run) so that no
// sample inherits another's heap; the sides alternate (ours, base, base, ours, …).
// Per sample: VmHWM over the measured run (reset with `echo 5 > /proc/self/clear_refs` just before), the
// highest heapUsed / external / arrayBuffers seen by a 10 ms sampler, and the garbage collections (count and
// pause ms by kind) during the run.
// Run (small N and few repeats: the machine is shared):
//   node scripts/node24.js "NODE_ENV=test tsx bench/profile-mms-memory.ts [--n 1000] [--repeats 3] [--mode filesystem|default]"
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import readline from 'node:readline';

import { NodeHelpers, type IExecuteFunctions, type INodeExecutionData, type INodeType } from 'n8n-workflow';

import { Ip1SmsApi } from '../credentials/Ip1SmsApi.credentials';
import { ensureN8nCore, runNode, setBinaryDataMode, type HarnessItem } from '../test/support/n8nCore';
import { peakRssBytes, resetPeakRss, rssBytes, startMmsEnds } from './memory';
import { fmt, spread } from './stats';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg('--n', '1000'));
const REPEATS = Number(arg('--repeats', '3'));
const MODE = arg('--mode', 'filesystem') as 'filesystem' | 'default';
const IMAGE_BYTES = 290 * 1024;
// by its file name: tsx would resolve the bare name to Ip1Sms.node.json (the codex file) first
const { Ip1Sms } = require('../nodes/Ip1Sms/Ip1Sms.node.ts') as typeof import('../nodes/Ip1Sms/Ip1Sms.node');

const PARAMETERS = {
	api: 'soap',
	resource: 'mms',
	operation: 'send',
	to: '={{ $json.to }}',
	from: '46700000000',
	message: 'Your picture',
	binaryProperties: 'data',
	options: {},
};

/** The baseline's last node: reads `to` per item as the iP.1 node does (same expression work), sends nothing. */
function passThrough(): INodeType {
	const description = NodeHelpers.getVersionedNodeType(new Ip1Sms(), 2).description;
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			return [items.map((item, i) => ({ json: { ...item.json, to: this.getNodeParameter('to', i) as string }, binary: item.binary, pairedItem: { item: i } }))];
		},
	};
}

interface Sample {
	side: 'ours' | 'base';
	/** VmHWM over the measured run (reset to the RSS just before it) */
	hwm: number;
	rssBefore: number;
	heapUsedPeak: number;
	externalPeak: number;
	arrayBuffersPeak: number;
	gcMajor: number;
	gcMinor: number;
	gcMs: number;
	/** heapUsed after a full GC at the end, the run's result still alive, minus before the run */
	retained: number;
	ms: number;
	items: number;
}

// ---- child: one side, one measured run -------------------------------------------------------------

async function child(side: 'ours' | 'base', url: string): Promise<Sample> {
	await ensureN8nCore();
	await setBinaryDataMode(MODE);
	const image = randomBytes(IMAGE_BYTES);
	const items = (n: number): HarnessItem[] =>
		Array.from({ length: n }, (_, k) => ({ json: { n: k, to: `4670${3000000 + k}` }, binary: { data: { data: image, mimeType: 'image/jpeg', fileName: `${k}.jpg` } } }));
	const run = async (input: HarnessItem[]) => {
		const result = await runNode({
			nodeType: side === 'ours' ? new Ip1Sms() : passThrough(),
			typeVersion: 2,
			parameters: PARAMETERS,
			input,
			credentialTypes: [new Ip1SmsApi()],
			credentials: { ip1SmsApi: { accountId: 'ip1-bench', apiKey: 'bench-key', baseUrl: url, soapNamespace: 'http://tempuri.org/' } },
		});
		if (result.error) throw result.error;
		if (result.items.length !== input.length) throw new Error(`${side}: ${result.items.length} items out of ${input.length}`);
		if (side === 'ours' && !result.items.every((i) => /^\d+$/.test(String(i.json.messageId)))) throw new Error('ours: an item without an MMS id');
		return result;
	};
	await run(items(20));
	const input = items(N);
	global.gc!();
	const heapBefore = process.memoryUsage().heapUsed;
	await new Promise((resolve) => setTimeout(resolve, 200));

	const gc = { major: 0, minor: 0, ms: 0 };
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
			if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
			else gc.minor++;
			gc.ms += entry.duration;
		}
	});
	observer.observe({ entryTypes: ['gc'] });
	const peaks = { heapUsed: 0, external: 0, arrayBuffers: 0 };
	const sample = () => {
		const m = process.memoryUsage();
		peaks.heapUsed = Math.max(peaks.heapUsed, m.heapUsed);
		peaks.external = Math.max(peaks.external, m.external);
		peaks.arrayBuffers = Math.max(peaks.arrayBuffers, m.arrayBuffers);
	};
	const timer = setInterval(sample, 10);
	const rssBefore = rssBytes(process.pid) ?? 0;
	if (!resetPeakRss(process.pid)) throw new Error('cannot reset VmHWM (/proc/self/clear_refs)');
	const start = Date.now();
	const result = await run(input);
	const ms = Date.now() - start;
	const hwm = peakRssBytes(process.pid) ?? 0;
	clearInterval(timer);
	sample();
	observer.disconnect();
	// what the run still holds while its result (n8n's run data) is alive: retained, not garbage
	global.gc!();
	const retained = process.memoryUsage().heapUsed - heapBefore;
	return {
		side,
		hwm,
		rssBefore,
		heapUsedPeak: peaks.heapUsed,
		externalPeak: peaks.external,
		arrayBuffersPeak: peaks.arrayBuffers,
		gcMajor: gc.major,
		gcMinor: gc.minor,
		gcMs: gc.ms,
		retained,
		ms,
		items: result.items.length,
	};
}

// ---- parent: the MMS end in its own process, the samples, the table ---------------------------------

/** Runs this file with the same Node flags (tsx's loader) and returns the JSON line it prints last. */
function runSelf(args: string[], onLine?: (line: string) => void): { done: Promise<string>; kill(): void } {
	const proc = spawn(process.execPath, ['--expose-gc', ...process.execArgv, __filename, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
	let last = '';
	readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
		last = line;
		onLine?.(line);
	});
	const done = new Promise<string>((resolve, reject) =>
		proc.on('exit', (code) => (code === 0 ? resolve(last) : reject(new Error(`${args.join(' ')}: exit ${code}`)))),
	);
	return { done, kill: () => proc.kill() };
}

async function startEndProcess(): Promise<{ url: string; stop(): void }> {
	let resolveUrl!: (url: string) => void;
	const url = new Promise<string>((resolve) => (resolveUrl = resolve));
	const proc = runSelf(['--serve'], (line) => line.startsWith('http') && resolveUrl(line));
	proc.done.catch(() => undefined);
	return { url: await url, stop: proc.kill };
}

const mb = (bytes: number) => bytes / 1024 / 1024;

async function parent() {
	const end = await startEndProcess();
	const samples: Sample[] = [];
	try {
		for (let r = 0; r < REPEATS; r++) {
			const order: Array<'ours' | 'base'> = r % 2 ? ['base', 'ours'] : ['ours', 'base'];
			for (const side of order) {
				const line = await runSelf(['--child', side, '--url', end.url, '--n', String(N), '--mode', MODE]).done;
				const s = JSON.parse(line) as Sample;
				samples.push(s);
				console.error(`${side}: VmHWM ${mb(s.hwm).toFixed(0)} MB (RSS before ${mb(s.rssBefore).toFixed(0)}), heapUsed ≤ ${mb(s.heapUsedPeak).toFixed(0)}, external ≤ ${mb(s.externalPeak).toFixed(0)}, GC ${s.gcMajor} major / ${s.gcMinor} minor ${s.gcMs.toFixed(0)} ms, retained ${mb(s.retained).toFixed(1)} MB, ${s.ms} ms`);
			}
		}
	} finally {
		end.stop();
	}
	const of = (side: 'ours' | 'base', k: keyof Sample, scale = mb) => spread(samples.filter((s) => s.side === side).map((s) => scale(s[k] as number)));
	const one = (x: number) => x;
	console.log(`MMS Send (SOAP) in-process, N = ${N} items of ${IMAGE_BYTES / 1024} kB, binary data mode ${MODE}: median (min–max) of ${REPEATS} fresh processes per side`);
	console.log('side   VmHWM MB           RSS before MB   heapUsed peak MB   external peak MB   major GCs   GC ms        retained MB  run ms');
	for (const side of ['ours', 'base'] as const) {
		console.log(
			[side.padEnd(5), fmt(of(side, 'hwm')).padEnd(18), fmt(of(side, 'rssBefore')).padEnd(15), fmt(of(side, 'heapUsedPeak')).padEnd(18), fmt(of(side, 'externalPeak')).padEnd(18), fmt(of(side, 'gcMajor', one)).padEnd(11), fmt(of(side, 'gcMs', one)).padEnd(12), fmt(of(side, 'retained'), '', 1).padEnd(12), fmt(of(side, 'ms', one))].join(' '),
		);
	}
	const ours = of('ours', 'hwm').median;
	const base = of('base', 'hwm').median;
	console.log(`ours − base: ${(ours - base).toFixed(0)} MB of VmHWM (medians); ratio ${(ours / base).toFixed(2)} (in-process: no n8n server, so the ratio is not the bench's)`);
}

async function serve() {
	const ends = await startMmsEnds();
	console.log(ends.url);
	await new Promise(() => undefined);
}

const main = process.argv.includes('--serve')
	? serve()
	: process.argv.includes('--child')
		? child(arg('--child', 'ours') as 'ours' | 'base', arg('--url', '')).then((s) => console.log(JSON.stringify(s)))
		: parent();
void main.then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
