/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// `npm run bench`: the package inside a real n8n (the pinned one of the e2e tests) against the gateway
// simulator, side by side with a raw keep-alive client and n8n's own nodes; prints one table and writes it
// to bench/results/latest.md. Options: --tgz <file> (skip build+pack), --only sends,group,trigger,memory,mms,simulator,
// --repeat <n> (runs per figure, best kept; default 2).
import fs from 'node:fs';
import path from 'node:path';

import { buildAndPackPackage } from '../test/e2e/support/n8n-package';
import { percentile, sendCallbacks, type CallbackLoadResult } from './callbacks';

interface TriggerPhase extends CallbackLoadResult {
	recorded: number;
	drainedMs: number;
	recordedPerSecond: number;
}
import { benchMmsMemory, peakRssBytes, resetPeakRss, sampleMemory } from './memory';
import { BENCH_ACCOUNT, BenchN8n, loadWorkflow, nodeNamed, type ExecutionFigures } from './n8nBench';
import { runRawCalls, smsCalls, templatedBundleCalls, type RawAccount } from './rawSoapClient';
import { renderReport, type Row } from './report';
import { benchSimulator, benchSimulatorRest } from './simulator';
import { startSimulatorProcess } from './simulatorProcess';

const arg = (name: string) => {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
};
const only = new Set((arg('--only') ?? 'simulator,memory,mms,group,sends,trigger').split(','));
const REPEAT = Number(arg('--repeat') ?? 2);
const SENDS = 1000;
const RECIPIENTS = 10_000;
const CALLBACKS = 1000;
const CALLBACK_CONCURRENCY = 50;
const OUR_PARALLEL = [1, 5, 10, 20, 50];
/** The node's default Parallel Requests: that variant runs without the option set. */
const DEFAULT_PARALLEL = 10;
const HTTP_BATCHING: Array<{ label: string; batching?: { batchSize: number; batchInterval: number } }> = [
	{ label: 'default (all items at once)' },
	{ label: 'batches of 5, 1 ms apart', batching: { batchSize: 5, batchInterval: 1 } },
	{ label: 'batches of 20, 1 ms apart', batching: { batchSize: 20, batchInterval: 1 } },
	{ label: 'batches of 100, 1 ms apart', batching: { batchSize: 100, batchInterval: 1 } },
];

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const ms = (n: number) => `${Math.round(n)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const sendItems = Array.from({ length: SENDS }, (_, i) => ({ to: `4670${1000000 + i}`, message: `Hej! Din kod är ${100000 + i}.` }));
const recipientItems = Array.from({ length: RECIPIENTS }, (_, i) => ({ to: `4670${2000000 + i}`, name: `Kund ${i}`, order: `A-${10000 + i}` }));
const GROUP_MESSAGE = 'Hej {name}! Din order {order} är på väg.';

async function best<T extends { ms: number }>(times: number, run: () => Promise<T>): Promise<T> {
	let winner: T | undefined;
	for (let i = 0; i < times; i++) {
		const result = await run();
		if (!winner || result.ms < winner.ms) winner = result;
	}
	return winner!;
}

function check(figures: ExecutionFigures, node: string, items: number): ExecutionFigures {
	if (figures.nodeItems[node] !== items) throw new Error(`${node} put out ${figures.nodeItems[node]} items, expected ${items}`);
	if (figures.nodeErrors[node]) throw new Error(`${node} put out ${figures.nodeErrors[node]} error items`);
	return figures;
}

async function main(): Promise<void> {
	const started = Date.now();
	const rows: Row[] = [];
	const details: string[] = [];
	const raw: Record<string, unknown> = {};

	let tgz = arg('--tgz');
	if (!tgz) {
		log('building and packing the package');
		tgz = await buildAndPackPackage();
	}

	if (only.has('simulator')) {
		log('simulator alone');
		const s = await benchSimulator({ durationMs: 4000, connections: 16 });
		raw.simulator = s;
		rows.push({ measure: 'simulator alone: sms requests/s (16 keep-alive connections)', figure: `${s.requestsPerSecond}/s`, detail: `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, ${s.errors} errors${s.serverCpuUsPerRequest ? `, ${s.serverCpuUsPerRequest} µs CPU per request` : ''}` });
		for (const recipients of [1, 1000]) {
			const r = await benchSimulatorRest({ durationMs: 4000, connections: 16, recipients });
			raw[`simulatorRest${recipients}`] = r;
			rows.push({ measure: `simulator alone: REST POST /v2/batches of ${recipients === 1 ? '1 recipient' : `${recipients} recipients`} (16 connections)`, figure: `${r.requestsPerSecond}/s`, detail: `${r.recipientsPerSecond} recipients/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors${r.serverCpuUsPerRequest ? `, ${r.serverCpuUsPerRequest} µs CPU per request` : ''}` });
		}
	}

	const sim = await startSimulatorProcess(`${BENCH_ACCOUNT.id}:${BENCH_ACCOUNT.key}:1000000000000`);
	const account: RawAccount = { baseUrl: sim.url, accountId: BENCH_ACCOUNT.id, apiKey: BENCH_ACCOUNT.key };
	try {
		// ---- memory: a fresh n8n for each side, one warm-up run, then the kernel's peak RSS of the 10,000-item run
		const memory: Record<string, { hwm: number; mainPeak: number; treePeak: number; before: number }> = {};
		if (only.has('memory')) {
			for (const side of ['baseline', 'ours'] as const) {
				log(`memory: fresh n8n for ${side}`);
				const n8n = await BenchN8n.start(tgz, sim.url);
				try {
					const wf = loadWorkflow(side === 'ours' ? 'group-templated.json' : 'baseline-10k.json');
					const webhookPath = nodeNamed(wf, 'Bench Input').parameters.path;
					await n8n.publish(wf);
					await n8n.run(wf.id, webhookPath, recipientItems.slice(0, 100));
					await sim.reset();
					await new Promise((resolve) => setTimeout(resolve, 1000));
					const before = peakRssBytes(n8n.pid) ?? 0;
					if (!resetPeakRss(n8n.pid)) log('cannot reset VmHWM: the peak includes start-up');
					const sampler = sampleMemory(n8n.pid);
					const figures = await n8n.run(wf.id, webhookPath, recipientItems);
					const sampled = sampler.stop();
					memory[side] = { hwm: peakRssBytes(n8n.pid) ?? 0, mainPeak: sampled.mainPeak, treePeak: sampled.treePeak, before };
					log(`memory ${side}: VmHWM ${mb(memory[side].hwm)}, tree peak ${mb(sampled.treePeak)}, execution ${ms(figures.ms)}`);
				} finally {
					await n8n.stop();
				}
			}
			raw.memory = memory;
		}

		if (only.has('mms')) {
			const mms = await benchMmsMemory(tgz, log);
			rows.push(...mms.rows);
			raw.mms = mms.raw;
		}

		const needN8n = ['group', 'sends', 'trigger'].some((s) => only.has(s));
		const n8n = needN8n ? await BenchN8n.start(tgz, sim.url) : undefined;
		try {
			// ---- 10,000 templated recipients, Group SMS → Send, Combine mode
			if (n8n && only.has('group')) {
				log('group: 10,000 templated recipients');
				const wf = loadWorkflow('group-templated.json');
				await n8n.publish(wf);
				await n8n.run(wf.id, 'bench-group-templated', recipientItems.slice(0, 100));
				let calls = 0;
				const ours = await best(REPEAT, async () => {
					await sim.reset();
					const f = check(await n8n.run(wf.id, 'bench-group-templated', recipientItems), 'iP.1 Group SMS', RECIPIENTS);
					calls = Object.values(await sim.calls()).reduce((a, b) => a + b, 0);
					return f;
				});
				const bundleCalls = templatedBundleCalls(account, recipientItems.map((r) => ({ to: r.to, fields: [['{name}', r.name], ['{order}', r.order]] as Array<[string, string]> })), 'Bench', GROUP_MESSAGE);
				const rawRun = await best(REPEAT, async () => {
					await sim.reset();
					return await runRawCalls(account, bundleCalls, 1);
				});
				raw.group = { ours, calls, rawRun };
				rows.push({ measure: '10,000 templated recipients: SOAP calls', figure: String(calls), goal: '≤ 20', met: calls <= 20, detail: `raw client: ${bundleCalls.length} calls` });
				rows.push({ measure: '10,000 templated recipients: time, ours / raw client', figure: `${ms(ours.ms)} / ${ms(rawRun.ms)}`, ratio: ours.ms / rawRun.ms, goal: '≤ 2', met: ours.ms / rawRun.ms <= 2, detail: `node's own time ${ms(ours.nodeMs['iP.1 Group SMS'])}` });
			}
			if (only.has('memory') && memory.ours && memory.baseline) {
				const ratio = memory.ours.hwm / memory.baseline.hwm;
				rows.push({
					measure: 'peak memory of n8n with 10,000 items: ours / baseline',
					figure: `${mb(memory.ours.hwm)} / ${mb(memory.baseline.hwm)}`,
					ratio,
					goal: '≤ 1.3',
					met: ratio <= 1.3,
					detail: `VmHWM of the n8n process during the run (RSS before: ${mb(memory.ours.before)} / ${mb(memory.baseline.before)}); with its task runners: ${mb(memory.ours.treePeak)} / ${mb(memory.baseline.treePeak)}`,
				});
			}

			// ---- 1,000 single sends
			if (n8n && only.has('sends')) {
				const wf = loadWorkflow('sends-ip1.json');
				const node = nodeNamed(wf, 'iP.1 SMS');
				const oursBy: Record<number, ExecutionFigures> = {};
				log('sends: warm-up');
				await n8n.publish(wf);
				await n8n.run(wf.id, 'bench-sends-ip1', sendItems.slice(0, 100));
				for (const parallel of OUR_PARALLEL) {
					node.parameters.options = parallel === DEFAULT_PARALLEL ? {} : { parallelRequests: parallel };
					await n8n.publish(wf);
					oursBy[parallel] = await best(REPEAT, async () => {
						await sim.reset();
						return check(await n8n.run(wf.id, 'bench-sends-ip1', sendItems), 'iP.1 SMS', SENDS);
					});
					log(`sends: iP.1 node, ${parallel} parallel: ${ms(oursBy[parallel].ms)}`);
				}
				const rawBy: Record<number, number> = {};
				for (const parallel of OUR_PARALLEL) {
					rawBy[parallel] = (await best(REPEAT, async () => {
						await sim.reset();
						return await runRawCalls(account, smsCalls(account, sendItems, 'Bench'), parallel);
					})).ms;
				}
				// the same client opening a new connection for every call, as n8n's request helper does
				const rawNewConnection = (await best(REPEAT, async () => {
					await sim.reset();
					return await runRawCalls(account, smsCalls(account, sendItems, 'Bench'), 10, { keepAlive: false });
				})).ms;
				const bestParallel = OUR_PARALLEL.reduce((a, b) => (oursBy[b].ms < oursBy[a].ms ? b : a));

				const http = loadWorkflow('sends-http.json');
				const httpNode = nodeNamed(http, 'HTTP Request');
				httpNode.parameters.url = `${sim.url}/sendSms/sendSms.asmx`;
				const httpBy: Array<{ label: string; figures: ExecutionFigures }> = [];
				await n8n.publish(http);
				await n8n.run(http.id, 'bench-sends-http', sendItems.slice(0, 100));
				for (const variant of HTTP_BATCHING) {
					httpNode.parameters.options = variant.batching ? { batching: { batch: variant.batching } } : {};
					await n8n.publish(http);
					const figures = await best(REPEAT, async () => {
						await sim.reset();
						return check(await n8n.run(http.id, 'bench-sends-http', sendItems), 'HTTP Request', SENDS);
					});
					httpBy.push({ label: variant.label, figures });
					log(`sends: HTTP Request node, ${variant.label}: ${ms(figures.ms)}`);
				}
				const httpBest = httpBy.reduce((a, b) => (b.figures.ms < a.figures.ms ? b : a));
				raw.sends = { oursBy, rawBy, rawNewConnection, httpBy };

				const ours = oursBy[bestParallel].ms;
				rows.push({ measure: `1,000 sends: iP.1 node, best (${bestParallel} parallel) / raw client (${bestParallel} parallel)`, figure: `${ms(ours)} / ${ms(rawBy[bestParallel])}`, ratio: ours / rawBy[bestParallel], goal: '≤ 1.5', met: ours / rawBy[bestParallel] <= 1.5 });
				rows.push({ measure: '1,000 sends: HTTP Request node, default / iP.1 node, default', figure: `${ms(httpBy[0].figures.ms)} / ${ms(oursBy[DEFAULT_PARALLEL].ms)}`, ratio: httpBy[0].figures.ms / oursBy[DEFAULT_PARALLEL].ms, goal: '≥ 2', met: httpBy[0].figures.ms / oursBy[DEFAULT_PARALLEL].ms >= 2 });
				rows.push({ measure: `1,000 sends: HTTP Request node, best (${httpBest.label}) / iP.1 node, best`, figure: `${ms(httpBest.figures.ms)} / ${ms(ours)}`, ratio: httpBest.figures.ms / ours });
				details.push(
					'| 1,000 sends | execution | node alone |',
					'|---|---:|---:|',
					...OUR_PARALLEL.map((p) => `| iP.1 node, ${p} parallel${p === DEFAULT_PARALLEL ? ' (default)' : ''} | ${ms(oursBy[p].ms)} | ${ms(oursBy[p].nodeMs['iP.1 SMS'])} |`),
					...OUR_PARALLEL.map((p) => `| raw keep-alive client, ${p} parallel | ${ms(rawBy[p])} | |`),
					`| raw client, a new connection per call (no keep-alive), 10 parallel | ${ms(rawNewConnection)} | |`,
					...httpBy.map((h) => `| HTTP Request node, ${h.label} | ${ms(h.figures.ms)} | ${ms(h.figures.nodeMs['HTTP Request'])} |`),
				);
			}

			// ---- incoming-SMS callbacks
			if (n8n && only.has('trigger')) {
				const ip1 = loadWorkflow('trigger-ip1.json');
				const core = loadWorkflow('trigger-webhook.json');
				await n8n.publish(ip1);
				await n8n.publish(core);
				const ip1Url = n8n.n8n.webhookUrl(`${nodeNamed(ip1, 'iP.1 SMS Trigger').webhookId}/ip1-sms`);
				const coreUrl = n8n.n8n.webhookUrl(nodeNamed(core, 'Webhook').parameters.path);
				const ids = { ip1: ip1.id, core: core.id };
				const results: Record<'ip1' | 'core', TriggerPhase[]> = { ip1: [], core: [] };
				const lost = { ip1: 0, core: 0 };
				const sent = { ip1: 0, core: 0 };
				// One phase: the callbacks, then wait until n8n has recorded an execution for each (an answer can
				// come before the execution exists), so that no phase's backlog runs into the next one's.
				const phase = async (side: 'ip1' | 'core', count: number): Promise<TriggerPhase> => {
					const before = await n8n.executionCount(ids[side], 'success');
					const t0 = performance.now();
					const load = await sendCallbacks(side === 'ip1' ? ip1Url : coreUrl, count, CALLBACK_CONCURRENCY);
					let recorded = 0;
					const deadline = Date.now() + 120_000;
					while ((recorded = (await n8n.executionCount(ids[side], 'success')) - before) < load.ok && Date.now() < deadline) {
						await new Promise((resolve) => setTimeout(resolve, 100));
					}
					const drainedMs = performance.now() - t0;
					sent[side] += load.sent;
					lost[side] += load.sent - recorded;
					return { ...load, recorded, drainedMs, recordedPerSecond: (recorded / drainedMs) * 1000 };
				};
				log('trigger: warm-up');
				await phase('ip1', 100);
				await phase('core', 100);
				// the machine is shared: alternate short phases of each, so drift in its load hits both alike
				const rounds = 4;
				for (let round = 0; round < rounds; round++) {
					for (const side of round % 2 ? (['core', 'ip1'] as const) : (['ip1', 'core'] as const)) {
						results[side].push(await phase(side, CALLBACKS / 4));
					}
				}
				const total = (side: 'ip1' | 'core') => {
					const all = results[side];
					const latencies = all.flatMap((r) => r.latencies).sort((a, b) => a - b);
					const recorded = all.reduce((n, r) => n + r.recorded, 0);
					return {
						callbacks: all.reduce((n, r) => n + r.ok, 0),
						recorded,
						perSecond: (recorded / all.reduce((n, r) => n + r.drainedMs, 0)) * 1000,
						answeredPerSecond: (all.reduce((n, r) => n + r.ok, 0) / all.reduce((n, r) => n + r.ms, 0)) * 1000,
						p50Ms: percentile(latencies, 50),
						p99Ms: percentile(latencies, 99),
					};
				};
				const [o, c] = [total('ip1'), total('core')];
				for (const [side, t] of [['iP.1 SMS Trigger', o], ['core Webhook', c]] as const) {
					log(`trigger: ${side}: ${t.callbacks} callbacks, ${t.recorded} executions at ${t.perSecond.toFixed(1)}/s, answers ${t.answeredPerSecond.toFixed(1)}/s, p50 ${t.p50Ms.toFixed(1)} ms, p99 ${t.p99Ms.toFixed(1)} ms`);
				}
				raw.trigger = { ip1: { ...o, phases: results.ip1.map(({ latencies, ...r }) => r) }, core: { ...c, phases: results.core.map(({ latencies, ...r }) => r) }, sent, lost };
				const ratio = o.perSecond / c.perSecond;
				rows.push({
					measure: `trigger, ${CALLBACKS.toLocaleString('en')} callbacks each ${CALLBACK_CONCURRENCY} at a time: callbacks/s (until each execution is recorded), iP.1 SMS Trigger / core Webhook`,
					figure: `${o.perSecond.toFixed(1)}/s / ${c.perSecond.toFixed(1)}/s`,
					ratio,
					goal: '≥ 0.9',
					met: ratio >= 0.9,
					detail: `answer time p50/p99: ${o.p50Ms.toFixed(0)}/${o.p99Ms.toFixed(0)} ms vs ${c.p50Ms.toFixed(0)}/${c.p99Ms.toFixed(0)} ms; answers/s ${o.answeredPerSecond.toFixed(1)} vs ${c.answeredPerSecond.toFixed(1)}`,
				});
				rows.push({ measure: 'trigger: executions lost (answered − recorded), iP.1 / core', figure: `${lost.ip1} / ${lost.core}`, goal: '0', met: lost.ip1 === 0 && lost.core === 0, detail: `${sent.ip1} / ${sent.core} callbacks sent, warm-up included` });
			}
		} finally {
			await n8n?.stop();
		}
	} finally {
		await sim.stop();
	}

	const report = renderReport(rows, details, Date.now() - started);
	console.log(report.table);
	const resultsDir = path.join(__dirname, 'results');
	fs.mkdirSync(resultsDir, { recursive: true });
	fs.writeFileSync(path.join(resultsDir, 'latest.md'), report.markdown);
	fs.writeFileSync(path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ rows, raw }, null, 2));
	log(`written to bench/results/latest.md (${Math.round((Date.now() - started) / 1000)} s in all)`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
