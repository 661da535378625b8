/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// `npm run bench`: the package inside a real n8n (the pinned one of the e2e tests) against the gateway
// simulator, side by side with n8n's floor for any community node (bench/floor), a raw keep-alive client and
// n8n's own nodes; REST and SOAP. Every figure is the median of interleaved samples (bench/stats.ts). Prints
// one table; a complete run (no --only, --samples ≥ 5, not --small) writes it to bench/results/latest.md
// (through a temporary file renamed at the end, so a failed run leaves the last complete one in place).
// Options: --tgz <file> (skip build+pack), --only simulator,sends,combine,trigger,sendAndWait,memory,queue,
// --samples <n> (default 5), --small (a tenth of every count: to try the machinery).
import fs from 'node:fs';
import path from 'node:path';

import { buildAndPackPackage } from '../test/e2e/support/n8n-package';
import type { BenchContext } from './context';
import { packFloor } from './floor';
import { BenchN8n } from './n8nBench';
import { startMmsEnds } from './memory';
import { runQueueBench } from './queue';
import { renderReport } from './report';
import { benchCombine } from './sections/combine';
import { benchMemory } from './sections/memory';
import { benchSendAndWait } from './sections/sendAndWait';
import { benchSends } from './sections/sends';
import { benchTrigger } from './sections/trigger';
import { benchSimulator, benchSimulatorRest } from './simulator';
import { startSimulatorProcess } from './simulatorProcess';
import { BENCH_ACCOUNT } from './n8nBench';

const arg = (name: string) => {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
};
const ALL = ['simulator', 'sends', 'combine', 'trigger', 'sendAndWait', 'memory', 'queue'];
const only = new Set((arg('--only') ?? ALL.join(',')).split(','));
const SAMPLES = Number(arg('--samples') ?? 5);
const SMALL = process.argv.includes('--small');
let COMPLETE = !arg('--only') && SAMPLES >= 5 && !SMALL;

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** --deadline HH:MM (UTC): a section that would start later is skipped (the run is then not complete). */
const DEADLINE = arg('--deadline');
const pastDeadline = () => DEADLINE !== undefined && new Date().toISOString().slice(11, 16) >= DEADLINE;
let progress: (() => void) | undefined;

/** Runs one section; a failure is logged and shown as a row, the other sections still run, and the run is not complete. */
async function section(name: string, rows: BenchContext['rows'], run: () => Promise<void>): Promise<void> {
	if (pastDeadline()) {
		COMPLETE = false;
		log(`section ${name} skipped: past the deadline ${DEADLINE} UTC`);
		rows.push({ measure: `section ${name}`, figure: `not run (past --deadline ${DEADLINE} UTC)` });
		return;
	}
	try {
		await run();
	} catch (error) {
		COMPLETE = false;
		log(`section ${name} FAILED: ${(error as Error).stack ?? error}`);
		rows.push({ measure: `section ${name}`, figure: 'FAILED', detail: String((error as Error).message ?? error).slice(0, 300) });
	}
	progress?.();
}

async function main(): Promise<void> {
	const started = Date.now();
	const ctx: Omit<BenchContext, 'sim'> = { samples: SAMPLES, log, rows: [], details: [], raw: {} };
	if (SMALL) log('--small: a tenth of every count, to try the machinery (no latest.md)');

	let tgz = arg('--tgz');
	if (!tgz) {
		log('building and packing the package');
		tgz = await buildAndPackPackage();
	}
	const floorTgz = packFloor();

	if (only.has('simulator')) {
		log('simulator alone');
		const s = await benchSimulator({ durationMs: 4000, connections: 16 });
		ctx.raw.simulator = s;
		ctx.rows.push({ measure: 'simulator alone: SOAP sms requests/s (16 keep-alive connections, 4 s)', figure: `${s.requestsPerSecond}/s`, detail: `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, ${s.errors} errors${s.serverCpuUsPerRequest ? `, ${s.serverCpuUsPerRequest} µs CPU per request` : ''}` });
		for (const recipients of [1, 1000]) {
			const r = await benchSimulatorRest({ durationMs: 4000, connections: 16, recipients });
			ctx.raw[`simulatorRest${recipients}`] = r;
			ctx.rows.push({ measure: `simulator alone: REST POST /v2/batches of ${recipients === 1 ? '1 recipient' : `${recipients} recipients`} (16 connections, 4 s)`, figure: `${r.requestsPerSecond}/s`, detail: `${r.recipientsPerSecond} recipients/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors${r.serverCpuUsPerRequest ? `, ${r.serverCpuUsPerRequest} µs CPU per request` : ''}` });
		}
	}

	const sim = await startSimulatorProcess(`${BENCH_ACCOUNT.id}:${BENCH_ACCOUNT.key}:1000000000000`);
	const ends = await startMmsEnds();
	const c: BenchContext = { ...ctx, sim };
	// what is measured so far, after every section (a run cut short still leaves its figures)
	const progressFile = path.join(__dirname, 'results', `${new Date(started).toISOString().replace(/[:.]/g, '-')}.progress.json`);
	progress = () => {
		fs.mkdirSync(path.dirname(progressFile), { recursive: true });
		fs.writeFileSync(progressFile, JSON.stringify({ rows: c.rows, raw: c.raw }, null, 2));
		log(`so far:\n${renderReport(c.rows, c.details, Date.now() - started, SAMPLES).table}`);
	};
	const instances: BenchN8n[] = [];
	try {
		// every n8n this part needs, started at once (a start takes minutes on a loaded machine); each runs only
		// its own part, the others idle meanwhile
		const needMain = ['sends', 'combine', 'trigger', 'sendAndWait'].some((s) => only.has(s));
		const needLazy = only.has('trigger') || only.has('sendAndWait');
		log('starting n8n: main, one with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (trigger, send and wait), one with N8N_EXPRESSION_ENGINE_POOL_SIZE=4 (send and wait), one per side of the memory rows');
		const start = (want: boolean, opts: Parameters<typeof BenchN8n.start>[2]) =>
			want ? BenchN8n.start(tgz!, sim.url, opts).then((n) => (instances.push(n), n)) : Promise.resolve(undefined);
		const started = await Promise.allSettled([
			start(needMain, { floorTgz }),
			start(needLazy, { floorTgz, env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } }),
			start(only.has('memory'), { mmsUrl: ends.url }),
			start(only.has('memory'), { mmsUrl: ends.url }),
			start(only.has('sendAndWait'), { env: { N8N_EXPRESSION_ENGINE_POOL_SIZE: '4' } }),
		]);
		const failed = started.find((s) => s.status === 'rejected');
		if (failed) throw (failed as PromiseRejectedResult).reason;
		const [main, lazy, memOurs, memBase, pool] = started.map((s) => (s as PromiseFulfilledResult<BenchN8n | undefined>).value);
		if (main) {
			for (const api of ['rest', 'soap'] as const) {
				if (only.has('sends')) await section(`sends ${api}`, c.rows, () => benchSends(c, main, api, SMALL ? 100 : 1000));
			}
			for (const api of ['rest', 'soap'] as const) {
				if (only.has('combine')) await section(`combine ${api}`, c.rows, () => benchCombine(c, main, api, SMALL ? 1000 : 10_000));
			}
			if (lazy && only.has('trigger')) await section('trigger', c.rows, () => benchTrigger(c, main, lazy, SMALL ? 100 : 1000));
			if (only.has('sendAndWait')) await section('send and wait', c.rows, () => benchSendAndWait(c, main, { lazy, pool }));
			await Promise.all([main.stop(), lazy?.stop(), pool?.stop()]);
		}
		if (memOurs && memBase) {
			await section('memory', c.rows, () => benchMemory(c, { ours: memOurs, base: memBase }, ends, SMALL ? { tenK: 1000, mms: 100, hundredK: 10_000 } : { tenK: 10_000, mms: 1000, hundredK: 100_000 }));
		}
	} finally {
		await Promise.all(instances.map((n) => n.stop().catch(() => undefined)));
		await ends.close();
		await sim.stop();
	}

	if (only.has('queue')) {
		// its own simulator, regular n8n and queue stack; medians of interleaved samples
		await section('queue', c.rows, async () => {
			const queue = await runQueueBench(tgz!, SAMPLES, log);
			c.rows.push(...queue.rows);
			c.details.push(...queue.details);
		});
	}

	const report = renderReport(c.rows, c.details, Date.now() - started, SAMPLES);
	console.log(report.table);
	const resultsDir = path.join(__dirname, 'results');
	fs.mkdirSync(resultsDir, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	fs.writeFileSync(path.join(resultsDir, `${stamp}${COMPLETE ? '' : '.partial'}.json`), JSON.stringify({ complete: COMPLETE, samples: SAMPLES, small: SMALL, rows: c.rows, raw: c.raw }, null, 2));
	if (COMPLETE) {
		const tmp = path.join(resultsDir, `.latest.md.${process.pid}.tmp`);
		fs.writeFileSync(tmp, report.markdown);
		fs.renameSync(tmp, path.join(resultsDir, 'latest.md'));
		log(`written to bench/results/latest.md (${Math.round((Date.now() - started) / 1000)} s in all)`);
	} else {
		log(`not a complete run: bench/results/latest.md left as it was (figures in bench/results/${stamp}.partial.json)`);
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
