/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Queue-mode section of `npm run bench`: the package on n8n's queue mode (scripts/queue/stack.ts) against one
// regular n8n, in the same run: incoming REST webhooks per second (iP.1 SMS Trigger version 2, which answers
// once n8n has recorded the execution) through 1 and 2 webhook processes, and 10,000 templated recipients
// (10 executions of 1,000) run by 2 workers. Each figure is the median of interleaved samples, with min–max.
import os from 'node:os';

import { startQueueStack, type QueueStack } from '../scripts/queue/stack';
import type { N8nInstance } from '../test/e2e/support/n8n';
import { incomingSms, pooled, postJson } from '../test/queue/support/gateway';
import { BENCH_ACCOUNT, BenchN8n, CREDENTIAL, loadWorkflow } from './n8nBench';
import type { Row } from './report';
import { startSimulatorProcess } from './simulatorProcess';

const CONCURRENCY = 50;
const RUNS = 10;
const RECIPIENTS_PER_RUN = 1000;
const TRIGGER_HOOK = '5d0c6b7a-3e2f-4a1b-9c8d-7e6f5a4b3c2d';

const TRIGGER = {
	id: 'benchQueueTrigger',
	name: 'bench queue: iP.1 trigger, REST webhooks',
	nodes: [{ id: TRIGGER_HOOK, name: 'iP.1 SMS Trigger', type: 'n8n-nodes-ip1.ip1SmsTrigger', typeVersion: 2, position: [0, 0], parameters: { api: 'rest', events: ['incomingSms'], options: {} }, webhookId: TRIGGER_HOOK }],
	connections: {},
	settings: { executionOrder: 'v1' },
};

/** The benchmark's templated Group SMS workflow, answering at once so that 10 runs can be queued together. */
function groupWorkflow(): any {
	const workflow = loadWorkflow('group-templated.json');
	const input = workflow.nodes.find((n: any) => n.name === 'Bench Input');
	input.parameters = { ...input.parameters, responseMode: 'onReceived' };
	delete input.parameters.responseData;
	return { ...workflow, id: 'benchQueueGroup', name: 'bench queue: 1,000 templated recipients' };
}

interface Target {
	label: string;
	/** where incoming webhooks go */
	webhookUrl: (path: string) => string;
	/** executions of a workflow that have finished (success) */
	finished: (workflowId: string) => Promise<number>;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const spread = (values: number[], digits = 0) => `median ${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}, n=${values.length})`;

async function waitFinished(target: Target, workflowId: string, count: number, timeoutMs = 300_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while ((await target.finished(workflowId)) < count) {
		if (Date.now() > deadline) throw new Error(`${target.label}: only ${await target.finished(workflowId)} of ${count} executions of ${workflowId} finished`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

let nextMessage = 0;

/** `count` incoming SMS at 50 concurrent: answered per second (each answer means recorded), and until every execution finished. */
async function webhookSample(target: Target, url: string, before: number, count: number): Promise<{ answered: number; processed: number }> {
	const started = performance.now();
	const answers = await pooled(count, CONCURRENCY, () => {
		const n = nextMessage++;
		return postJson(url, incomingSms(`bench-q-${n}`, n));
	});
	const answeredMs = performance.now() - started;
	const bad = answers.filter((a) => a.status !== 200);
	if (bad.length) throw new Error(`${target.label}: ${bad.length} webhooks not answered 200 (first: ${JSON.stringify(bad[0])})`);
	await waitFinished(target, TRIGGER.id, before + count);
	const processedMs = performance.now() - started;
	return { answered: (count / answeredMs) * 1000, processed: (count / processedMs) * 1000 };
}

/** 10 executions of 1,000 templated recipients posted at once; ms until the last one finished. */
async function recipientsSample(target: Target, items: unknown[], before: number): Promise<number> {
	const started = performance.now();
	await Promise.all(
		Array.from({ length: RUNS }, async () => {
			const response = await fetch(target.webhookUrl('bench-group-templated'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
			if (!response.ok) throw new Error(`${target.label}: group webhook answered ${response.status}`);
		}),
	);
	await waitFinished(target, 'benchQueueGroup', before + RUNS);
	return performance.now() - started;
}

/** The bench credential and both workflows, published; `create` is how the workflows get in. */
async function importBench(n8n: N8nInstance, simUrl: string, create: (workflow: any) => Promise<unknown>): Promise<void> {
	await n8n.importCredentials([{ ...CREDENTIAL, type: 'ip1SmsApi', data: { accountId: BENCH_ACCOUNT.id, apiKey: BENCH_ACCOUNT.key, baseUrl: simUrl, soapNamespace: 'http://tempuri.org/' } }]);
	for (const workflow of [TRIGGER, groupWorkflow()]) await create(workflow);
}

function queueTarget(stack: QueueStack, label: string, hookBase: string): Target {
	const finished = async (workflowId: string) => Number(stack.sql(`select count(*) from execution_entity where "workflowId" = '${workflowId}' and status = 'success'`)[0][0]);
	return { label, webhookUrl: (p) => `${hookBase}/webhook/${p}`, finished };
}

/** `webhooks`: incoming SMS per sample (default 500). */
export async function runQueueBench(tgz: string, samples: number, log: (line: string) => void, webhooks = 500): Promise<{ rows: Row[]; details: string[] }> {
	const sim = await startSimulatorProcess(`${BENCH_ACCOUNT.id}:${BENCH_ACCOUNT.key}:1000000000`);
	let single: BenchN8n | undefined;
	let stack: QueueStack | undefined;
	try {
		log('queue: starting one regular n8n and the queue stack (main, 2 workers, 2 webhook processes)');
		single = await BenchN8n.start(tgz, sim.url, { N8N_LOG_LEVEL: 'warn' });
		await importBench(single.n8n, sim.url, async (w) => await single!.n8n.activateWorkflow(await single!.n8n.importWorkflow(w)));
		stack = await startQueueStack({ packageTgz: tgz, env: { N8N_LOG_LEVEL: 'warn', N8N_PAYLOAD_SIZE_MAX: '64' }, quiet: true });
		await importBench(stack.main, sim.url, (w) => stack!.createWorkflow(w, true));

		const singleTarget: Target = { label: 'single instance', webhookUrl: (p) => single!.n8n.webhookUrl(p), finished: (id) => single!.executionCount(id, 'success') };
		const direct = `http://127.0.0.1:${stack.webhooks[0].port}`;
		const targets: Array<[Target, string]> = [
			[singleTarget, single.n8n.webhookUrl(`${TRIGGER_HOOK}/ip1-sms`)],
			[queueTarget(stack, 'queue, 1 webhook process', direct), `${direct}/webhook/${TRIGGER_HOOK}/ip1-sms`],
			[queueTarget(stack, 'queue, 2 webhook processes (haproxy)', stack.url), stack.webhookUrl(`${TRIGGER_HOOK}/ip1-sms`)],
		];
		const hooks: Record<string, { answered: number[]; processed: number[] }> = {};
		const loads: number[][] = [];
		for (let s = 0; s < samples; s++) {
			for (const [target, url] of s % 2 ? [...targets].reverse() : targets) {
				const before = await target.finished(TRIGGER.id);
				const sample = await webhookSample(target, url, before, webhooks);
				(hooks[target.label] ??= { answered: [], processed: [] }).answered.push(sample.answered);
				hooks[target.label].processed.push(sample.processed);
				loads.push(os.loadavg());
				log(`queue: webhooks, ${target.label}: ${sample.answered.toFixed(0)}/s answered, ${sample.processed.toFixed(0)}/s run`);
			}
		}

		const items = Array.from({ length: RECIPIENTS_PER_RUN }, (_, i) => ({ to: `4670${3000000 + i}`, name: `Kund ${i}`, order: `A-${20000 + i}` }));
		const recipientTargets = [singleTarget, queueTarget(stack, 'queue, 2 workers', stack.url)];
		const recipientMs: Record<string, number[]> = {};
		for (let s = 0; s < samples; s++) {
			for (const target of s % 2 ? [...recipientTargets].reverse() : recipientTargets) {
				const ms = await recipientsSample(target, items, await target.finished('benchQueueGroup'));
				(recipientMs[target.label] ??= []).push(ms);
				loads.push(os.loadavg());
				log(`queue: 10 × 1,000 recipients, ${target.label}: ${Math.round(ms)} ms`);
			}
		}

		const cores = os.cpus().length;
		const rate = (label: string) => median(hooks[label].answered);
		const [one, two] = ['queue, 1 webhook process', 'queue, 2 webhook processes (haproxy)'];
		const singleRate = rate('single instance');
		const rows: Row[] = [
			...Object.entries(hooks).map(([label, h]) => ({
				measure: `queue mode: incoming REST webhooks/s, ${label} (${webhooks} at ${CONCURRENCY} concurrent)`,
				figure: `${median(h.answered).toFixed(0)}/s`,
				ratio: median(h.answered) / singleRate,
				detail: `answered (= recorded) ${spread(h.answered)}; every execution run ${spread(h.processed)}/s; ratio vs single instance`,
			})),
			{ measure: 'queue mode: 2 / 1 webhook processes', figure: `${rate(two).toFixed(0)} / ${rate(one).toFixed(0)}/s`, ratio: rate(two) / rate(one), detail: `${cores} cores` },
			...Object.entries(recipientMs).map(([label, values]) => ({
				measure: `queue mode: ${RUNS} × ${RECIPIENTS_PER_RUN.toLocaleString('en')} templated recipients (Group SMS), ${label}`,
				figure: `${Math.round(median(values))} ms`,
				ratio: median(values) / median(recipientMs['single instance']),
				detail: `until the last execution finished; ${spread(values)} ms; ratio vs single instance`,
			})),
		];
		const loadText = `load average during the samples ${median(loads.map((l) => l[0])).toFixed(2)} (median of 1-min), ${Math.min(...loads.map((l) => l[0])).toFixed(2)}–${Math.max(...loads.map((l) => l[0])).toFixed(2)}`;
		const details = [
			`### Queue mode (${cores} cores; ${loadText})`,
			'',
			`Every n8n process (main, 2 workers, 2 webhook processes, and the regular instance) and the simulator share the same ${cores} cores, so a second webhook process or worker adds processes, not CPU: what these figures can show is the queue's overhead and whether the work spreads, not a speed-up. With one core per process the webhook side should scale about linearly until PostgreSQL or Redis binds, since each webhook process records and enqueues independently.`,
			'',
		];
		return { rows, details };
	} finally {
		await stack?.stop();
		await single?.stop();
		await sim.stop();
	}
}
