/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Crash test of the iP.1 SMS Trigger (issue 12) in a real n8n of its own: incoming SMS over the SOAP callback
// (version 1.1 and 2) and over REST (version 2), and REST delivery reports, 25 injections at a time, the
// simulator retrying every 3 s (25 deliveries in flight); an n8n of its own is killed with SIGKILL a third of the
// way in and started again on the same database. When the simulator's retries are over, every message is looked up in the executions n8n recorded
// (crashed and unfinished ones too, from their execution stack): lost, doubled, never finished, and how often
// the exactly-once recipe (Remove Duplicates across executions, then "Process") processed it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { startSimulator, type SimulatorHandle } from '../../simulator';
import { recordFigures } from '../reliability/report';
import { killHard, readExecutions, readStaticData, startAgain, type RecordedExecution } from './support/crash';
import { E2E_ACCOUNT } from './support/ip1';
import { startN8n, type N8nInstance } from './support/n8n';
import { startReadinessGate, type ReadinessGate } from './support/readinessGate';
import { buildAndPackPackage } from './support/n8n-package';
import { N8N_START_TIMEOUT_MS, resultsDir } from './support/shared-n8n';
import { DEDUPE, PROCESS, TRIGGER, triggerPath, triggerWorkflow } from './support/triggerWorkflows';

const PER_LEG = Number(process.env.IP1_CRASH_MESSAGES ?? 500);
const WIDTH = 25;
const RETRY_MS = 3000;
/** 10 minutes of retries: a loaded machine takes minutes to start n8n (iP.1 itself retries 100 minutes to 5 hours) */
const MAX_ATTEMPTS = 200;
/** instant delivery: 101 102 103 110 111 112 113 201, eight reports per message */
const REPORTS_PER_MESSAGE = 8;

type LegName = 'v1Soap' | 'v2Soap' | 'v2Rest' | 'v2Reports';
const V1_KEY = '={{ $json.incsmsid }}';
type Legs = Record<LegName, { title: string; workflow: ReturnType<typeof triggerWorkflow>; id?: string }>;
let legs: Legs;
function makeLegs(processUrl: string): Legs {
	const recipe = { recipe: true, processUrl };
	return {
		v1Soap: { title: 'version 1.1, SOAP callback', workflow: triggerWorkflow({ name: 'crash: v1.1 SOAP', typeVersion: 1.1, ...recipe, recipeKey: V1_KEY }) },
		v2Soap: { title: 'version 2, SOAP callback', workflow: triggerWorkflow({ name: 'crash: v2 SOAP', parameters: { api: 'soap' }, ...recipe }) },
		v2Rest: { title: 'version 2, REST incoming SMS', workflow: triggerWorkflow({ name: 'crash: v2 REST incoming', parameters: { api: 'rest', events: ['incomingSms'] }, ...recipe }) },
		v2Reports: { title: 'version 2, REST delivery reports', workflow: triggerWorkflow({ name: 'crash: v2 REST reports', parameters: { api: 'rest', events: ['deliveryReport'] }, ...recipe }) },
	};
}

/**
 * The recipe's "Process" step: an HTTP call per message to this collector, counted per message. Counting a
 * side effect outside n8n also sees processing done by an execution that crashed before n8n saved its run data.
 */
const processedAt = new Map<string, number>();
const collector = http.createServer((req, res) => {
	const item = new URL(req.url ?? '/', 'http://x').searchParams.get('item');
	const key = item ? keyOfItem(JSON.parse(item)) : undefined;
	if (key) processedAt.set(key, (processedAt.get(key) ?? 0) + 1);
	res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
});

/**
 * An n8n of its own (the shared e2e n8n stays untouched), with the recipe's setting: one production execution
 * at a time. n8n's Remove Duplicates reads and rewrites one database row per workflow without a lock
 * (deduplication-helper.ts, handleHashedItems), so concurrent executions overwrite each other's records
 * (and race on the row's first insert: "UNIQUE constraint failed: processed_data"); serialised, they cannot.
 */
const RECIPE_ENV = { N8N_CONCURRENCY_PRODUCTION_LIMIT: '1' };
/** The recipe's readiness gate in front of n8n (IP1_CRASH_GATE=0 sends the gateway to n8n directly, to measure its start-up answers). */
const GATED = process.env.IP1_CRASH_GATE !== '0';
let gate: ReadinessGate | undefined;
let sim: SimulatorHandle;
let n8n: N8nInstance;
/** Where the simulator sends a leg's calls: through the gate, or to n8n itself. */
const hookUrl = (workflow: { webhookId: string }) => `${gate?.url ?? n8n.baseUrl}/webhook/${triggerPath(workflow)}`;

beforeAll(async () => {
	await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
	legs = makeLegs(`http://127.0.0.1:${(collector.address() as AddressInfo).port}/processed`);
	const tgz = await buildAndPackPackage(path.join(resultsDir, 'crash-package'));
	n8n = await startN8n({ packageTgz: tgz, env: RECIPE_ENV, logFile: path.join(resultsDir, 'e2e-crash-n8n.log'), readyTimeoutMs: N8N_START_TIMEOUT_MS });
	if (GATED) gate = await startReadinessGate(n8n.baseUrl);
	sim = await startSimulator({
		port: 0, quiet: true, accounts: [E2E_ACCOUNT], delivery: 'instant',
		callbackRetryMs: RETRY_MS, callbackMaxAttempts: MAX_ATTEMPTS,
		// the gateway's delivery workers: 25 in flight, first attempts and retries together (unbounded, the
		// retries of ~1,500 waiting messages every 3 s flood the restarting n8n, whose SQLite write lock then
		// times out in its start-up recovery and n8n exits: "Exiting due to an error", seen here)
		deliveryConcurrency: WIDTH,
		rest: { webhookRetryMs: RETRY_MS, webhookMaxAttempts: MAX_ATTEMPTS },
	});
	for (const leg of Object.values(legs)) {
		leg.id = await n8n.importWorkflow(leg.workflow);
		await n8n.activateWorkflow(leg.id);
	}
}, 900_000);
afterAll(async () => {
	await sim?.stop();
	await n8n?.stop();
	await gate?.close();
	collector.close();
}, 60_000);

/** A message's identity as the simulator knows it and as the trigger's output carries it. */
function keyOfItem(item: any): string | undefined {
	if (item?.incsmsid !== undefined) return `sms:${item.incsmsid}`;
	if (item?.event === 'deliveryReport') return `dr:${item.messageId}:${item.statusCode}`;
	if (item?.messageId !== undefined) return `sms:${item.messageId}`;
	return undefined;
}

interface Sent {
	key: string;
	attempts: Array<{ status: number; body: string; error?: string }>;
	delivered: boolean;
	finished: boolean;
}

function figuresOf(sent: Sent[], executions: RecordedExecution[], processed: Map<string, number>) {
	const recorded = new Map<string, RecordedExecution[]>();
	for (const execution of executions) {
		for (const item of execution.triggerItems) {
			const key = keyOfItem(item);
			if (key) recorded.set(key, [...(recorded.get(key) ?? []), execution]);
		}
	}
	const count = (fn: (s: Sent) => boolean) => sent.filter(fn).length;
	const runs = (s: Sent) => recorded.get(s.key) ?? [];
	const statuses: Record<string, number> = {};
	for (const execution of executions) statuses[execution.status] = (statuses[execution.status] ?? 0) + 1;
	const startupAnswers = sent.reduce((n, s) => n + s.attempts.filter((a) => a.status === 200 && /starting up/i.test(a.body)).length, 0);
	return {
		messages: sent.length,
		executions: executions.length,
		executionStatuses: statuses,
		delivered: count((s) => s.delivered),
		gaveUp: count((s) => s.finished && !s.delivered),
		// lost: the gateway got its answer, n8n recorded nothing
		lost: count((s) => s.delivered && runs(s).length === 0),
		lostAfterStartupAnswer: count((s) => s.delivered && runs(s).length === 0 && /starting up/i.test(s.attempts[s.attempts.length - 1]?.body ?? '')),
		doubled: count((s) => runs(s).length > 1),
		neverFinished: count((s) => runs(s).length > 0 && !runs(s).some((e) => e.status === 'success')),
		processedOnce: count((s) => processed.get(s.key) === 1),
		processedTwice: count((s) => (processed.get(s.key) ?? 0) > 1),
		// processing is counted at the collector: the side effect itself, whatever n8n saved of the execution
		processedNever: count((s) => s.delivered && !processed.get(s.key)),
		attempts: sent.reduce((n, s) => n + s.attempts.length, 0),
		startupAnswers,
		refusedConnections: sent.reduce((n, s) => n + s.attempts.filter((a) => a.status === 0).length, 0),
		otherAnswers: sent.reduce((n, s) => n + s.attempts.filter((a) => a.status !== 0 && a.status !== 200).length, 0),
	};
}

async function pooled(count: number, width: number, fn: (i: number) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(Array.from({ length: width }, async () => {
		while (next < count) await fn(next++);
	}));
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) return false;
		await new Promise((r) => setTimeout(r, 500));
	}
	return true;
}

describe('the trigger survives kill -9 of n8n', () => {
	it(`${PER_LEG} messages per leg at ${WIDTH} concurrent, n8n killed a third of the way in: nothing lost, every double and unfinished one counted`, async () => {
		const soapRecords: Record<'v1Soap' | 'v2Soap', any[]> = { v1Soap: [], v2Soap: [] };
		const restRecords: any[] = [];
		// the delivery reports: one batch with the v2 reports trigger as Delivery Report URL, sent before the kill
		const recipients = Array.from({ length: Math.ceil(PER_LEG / REPORTS_PER_MESSAGE) }, (_, i) => `467055${String(i).padStart(5, '0')}`);
		const batch = await fetch(`${sim.url}/v2/batches`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_ACCOUNT.key}-rest` },
			body: JSON.stringify({ sender: 'iP1', recipients, body: 'Crash test', deliveryReportUrl: hookUrl(legs.v2Reports.workflow) }),
		});
		expect(batch.status).toBeLessThan(300);

		const total = PER_LEG * 3;
		let restarted: Promise<N8nInstance> | undefined;
		let killedAt = 0;
		const started = Date.now();
		await pooled(total, WIDTH, async (i) => {
			if (i === Math.floor(total / 3) && !restarted) {
				killedAt = Date.now() - started;
				await killHard(n8n);
				restarted = startAgain(n8n, path.join(resultsDir, `e2e-crash-restart.${process.pid}.log`)); // injections go on while it starts
			}
			const leg = (['v1Soap', 'v2Soap', 'v2Rest'] as const)[i % 3];
			const n = Math.floor(i / 3);
			if (leg === 'v2Rest') {
				restRecords.push(await sim.injectRestIncoming({ sender: `46706${String(n).padStart(6, '0')}`, recipient: '46700000000', body: `REST ${n}`, url: hookUrl(legs.v2Rest.workflow) }));
			} else {
				soapRecords[leg].push(await sim.injectIncoming({ sender: `46707${String(n).padStart(6, '0')}`, to: '46700000000', text: `SOAP ${n} på`, callbackUrl: hookUrl(legs[leg].workflow) }));
			}
		});
		n8n = await restarted!;
		const reports = () => sim.state().rest.webhooks.filter((w: any) => w.kind === 'deliveryReport');
		const allFinished = () => [...soapRecords.v1Soap, ...soapRecords.v2Soap].every((r) => r.finished) && [...restRecords, ...reports()].every((r) => r.finished);
		expect(await until(allFinished, RETRY_MS * MAX_ATTEMPTS + 60_000)).toBe(true);
		// n8n runs what it recorded: wait until no execution of these workflows is new or running (at most 2 minutes)
		const ids = Object.values(legs).map((l) => l.id!);
		await until(() => readExecutions(n8n.userFolder, ids, TRIGGER, []).every((e) => !['new', 'running'].includes(e.status)), 120_000);
		await new Promise((r) => setTimeout(r, 2000)); // the last Process calls reach the collector
		const executions = readExecutions(n8n.userFolder, ids, TRIGGER, [DEDUPE, PROCESS]);
		const processedBeforeRetry = new Map(processedAt);
		// the recipe's last step: retry what crashed (n8n's Executions list, Retry; here its REST API)
		// n8n's start-up recovery marks most executions of the killed process `crashed`, but not every one: an
		// execution it has no event-log entry for stays `running` for good (seen: 1 of 507). The recipe retries
		// those too (all new and running ones of the new process are over: waited for above)
		const crashed = executions.filter((e) => ['crashed', 'error', 'running'].includes(e.status));
		let retryFailures = 0;
		for (const execution of crashed) {
			await n8n.restApi.post(`/rest/executions/${execution.id}/retry`, { loadWorkflow: false }).catch(() => retryFailures++);
		}
		const afterRetry = readExecutions(n8n.userFolder, ids, TRIGGER, [DEDUPE, PROCESS]);

		const sentOf: Record<LegName, Sent[]> = {
			v1Soap: soapRecords.v1Soap.map((r) => ({ key: `sms:${r.incsmsid}`, attempts: r.attempts, delivered: r.delivered, finished: r.finished })),
			v2Soap: soapRecords.v2Soap.map((r) => ({ key: `sms:${r.incsmsid}`, attempts: r.attempts, delivered: r.delivered, finished: r.finished })),
			v2Rest: restRecords.map((r) => ({ key: `sms:${r.messageId}`, attempts: r.attempts, delivered: r.delivered, finished: r.finished })),
			v2Reports: reports().map((r: any) => ({ key: `dr:${r.messageId}:${r.code}`, attempts: r.attempts, delivered: r.delivered, finished: r.finished })),
		};
		const figures = Object.fromEntries(
			(Object.keys(legs) as LegName[]).map((name) => {
				const of = (list: RecordedExecution[], processed: Map<string, number>) => figuresOf(sentOf[name], list.filter((e) => e.workflowId === legs[name].id), processed);
				const before = of(executions, processedBeforeRetry);
				const after = of(afterRetry, processedAt);
				const retried = crashed.filter((e) => e.workflowId === legs[name].id).length;
				return [name, { title: legs[name].title, ...before, retried, processedOnce: after.processedOnce, processedTwice: after.processedTwice, processedNever: after.processedNever, processedOnceBeforeRetry: before.processedOnce }];
			}),
		);
		const summary = { perLeg: PER_LEG, width: WIDTH, retryMs: RETRY_MS, n8nEnv: RECIPE_ENV, readinessGate: GATED ? { heldWith503: gate!.held } : 'off', killedAfterMs: killedAt, restartMs: n8n.info.startupMs, retryFailures, figures };
		fs.writeFileSync(path.join(resultsDir, 'trigger-crash.json'), JSON.stringify(summary, null, '\t'));
		console.log(JSON.stringify(summary, null, 2));

		for (const [name, f] of Object.entries(figures)) {
			recordFigures(`triggerCrash_${name}`, {
				cases: f.messages,
				lost: f.lost,
				doubled: f.doubled,
				failed: f.lost + f.processedTwice + f.processedNever + f.gaveUp,
				notes: `${f.title}: ${f.executions} executions (${Object.entries(f.executionStatuses).map(([s, n]) => `${n} ${s}`).join(', ')}), ${f.neverFinished} never finished; recipe processed ${f.processedOnceBeforeRetry} once before and ${f.processedOnce} after retrying ${f.retried} crashed (${f.processedTwice} twice, ${f.processedNever} never); ${f.startupAnswers} "starting up" answers, ${f.refusedConnections} refused connections`,
			});
		}
		// what n8n really stored for the triggers: the published URL and nothing else (the repeat memory is the
		// process's own; docs/trigger.md, Repeats)
		const stored = readStaticData(n8n.userFolder, ids);
		expect(stored).toEqual(Object.fromEntries(Object.values(legs).map((leg) => [leg.id, { [`node:${TRIGGER}`]: { callbackUrl: expect.stringMatching(new RegExp(`/webhook/${triggerPath(leg.workflow)}$`)) } }])));
		for (const f of Object.values(figures)) {
			expect(f.gaveUp).toBe(0);
			expect([f.processedTwice, f.processedNever]).toEqual([0, 0]);
		}
		// 0 lost. Behind the readiness gate (the recipe, the default here) n8n's own "200 n8n is starting up"
		// cannot reach the gateway either; without it (IP1_CRASH_GATE=0) those REST messages never reached
		// the package (docs/trigger.md, start-up) and are counted apart
		for (const f of Object.values(figures)) expect(GATED ? f.lost : f.lost - f.lostAfterStartupAnswer).toBe(0);
	}, 1_500_000);
});
