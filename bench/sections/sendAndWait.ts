/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Send and Wait for Response: the time from the reply's webhook to the resumed execution finished, against
// the floor, n8n's own Wait node (Resume: On Webhook Call) resumed by a POST to its `$execution.resumeUrl`.
// Each sample starts a fresh waiting execution (its own phone number), then times from the start of the POST
// that resumes it to the execution's `stoppedAt` in n8n's database (the same clock: one machine).
// - ours: the reply as iP.1 POSTs it (the simulator's incoming-SMS document, the incoming SMS stored in its
//   conversation first) to the iP.1 SMS Trigger (Resume Waiting Executions on), which reads the conversation
//   and POSTs the reply to the execution's resume URL;
// - ours, straight: the trigger's own POST (`{ reply, wait }`) sent to the resume URL by the bench, no trigger:
//   what the node's resume costs alone, and so what the trigger's hop costs;
// - on an n8n with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true and one with N8N_EXPRESSION_ENGINE_POOL_SIZE=4 (when
//   the run has them): ours and the floor again. n8n 2.40 keeps ONE warm expression isolate (pool size 1) and
//   uses each once; the trigger's hop takes two more than the Wait node's resume (its live webhook, and the
//   credential read in webhook(): credentials-helper.js), each then waiting for a new isolate to be built.
// Before the timed POST the bench pauses (SETTLE_MS), as a person takes a while to answer: the isolates the
// ask used have time to be rebuilt, alike on both sides.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { type BenchContext } from '../context';
import { BENCH_ACCOUNT, BENCH_REST_KEY, type BenchN8n } from '../n8nBench';
import { ratioRow } from '../report';
import { interleave, spread } from '../stats';
import { sendAndWaitWorkflows, WAIT_NUMBER } from '../workflows';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTLE_MS = 1000;

type Side = 'ours' | 'oursStraight' | 'floor';

interface Sample {
	/** POST start → the resumed execution's stoppedAt */
	ms: number;
	/** POST start → its answer */
	answeredMs: number;
	/** POST start → the waiting node's resumed run starts (its startTime in the run data) */
	resumedMs: number;
	/** straight only: the bench's own read of the conversation, as the trigger makes it (200 newest) */
	conversationMs?: number;
	executionId: string;
}

interface Instance {
	n8n: BenchN8n;
	ids: { ours: string; floor: string };
	triggerUrl: string;
}

let nextNumber = 0;

/** POSTs the Ask webhook and waits until the new execution waits; returns its id. */
async function startWaiting(inst: Instance, side: Side, to: string): Promise<string> {
	const workflowId = side === 'floor' ? inst.ids.floor : inst.ids.ours;
	const rest = inst.n8n.n8n.restApi;
	const before = new Set((await rest.listExecutions({ workflowId })).map((e) => e.id));
	const started = await fetch(inst.n8n.n8n.webhookUrl(side === 'floor' ? 'bench-saw-floor' : 'bench-saw-ours'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to }) });
	await started.text();
	if (!started.ok) throw new Error(`send and wait ${side}: the Ask webhook answered ${started.status}`);
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const fresh = (await rest.listExecutions({ workflowId })).find((e) => !before.has(e.id));
		if (fresh?.status === 'waiting') return fresh.id;
		if (fresh && !['running', 'new'].includes(fresh.status)) throw new Error(`send and wait ${side}: execution ${fresh.id} ended ${fresh.status} before waiting`);
		await sleep(100);
	}
	throw new Error(`send and wait ${side}: no execution started waiting`);
}

/** The resumed execution once finished: its stoppedAt (ms) and the After node's items. */
async function finished(n8n: BenchN8n, id: string, waitingNode: string): Promise<{ stoppedAt: number; resumedAt: number; after: any[] }> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const execution = await n8n.n8n.restApi.getExecution(id);
		if (!['waiting', 'running', 'new'].includes(execution.status)) {
			if (execution.status !== 'success') throw new Error(`execution ${id} ended ${execution.status}: ${execution.data?.resultData?.error?.message ?? ''}`);
			const runs = execution.data.resultData.runData.After ?? [];
			const resumedAt = Number((execution.data.resultData.runData[waitingNode] ?? []).at(-1)?.startTime);
			return { stoppedAt: new Date(execution.stoppedAt!).getTime(), resumedAt, after: runs.flatMap((r: any) => (r.data?.main?.[0] ?? []).map((i: any) => i.json)) };
		}
		await sleep(100);
	}
	throw new Error(`execution ${id} not finished within 60 s of its resume`);
}

/** The newest Send and Wait SMS to `to` in iP.1's conversation (as the trigger reads it): id and wait reference. */
async function waitingSms(simUrl: string, to: string): Promise<{ id: string; executionId: string; token: string }> {
	const response = await fetch(`${simUrl}/v2/conversations/${to}?limit=200&order=DESC`, { headers: { authorization: `Bearer ${BENCH_REST_KEY}` } });
	const messages = (await response.json()) as Array<{ id: string; direction: string; reference?: string | null }>;
	const sms = messages.find((m) => m.direction === 'mt' && m.reference?.startsWith('n8n-wait:'));
	if (!sms) throw new Error(`no Send and Wait SMS to ${to} in the conversation`);
	const [, executionId, token] = sms.reference!.split(':');
	return { id: sms.id, executionId, token };
}

async function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, text: await response.text() };
}

async function sample(ctx: BenchContext, inst: Instance, side: Side, sinkUrl: string): Promise<Sample> {
	const to = `4670888${String(nextNumber++).padStart(4, '0')}`;
	const executionId = await startWaiting(inst, side, to);
	let url: string;
	let body: unknown;
	let expectText: ((text: string) => boolean) | undefined;
	let conversationMs: number | undefined;
	if (side === 'floor') {
		const execution = await inst.n8n.n8n.restApi.getExecution(executionId);
		url = execution.data.resultData.runData['Resume URL'][0].data.main[0][0].json.resumeUrl;
		body = { reply: 'YES' };
	} else {
		// the incoming SMS is stored in iP.1's conversation; its document (as iP.1 POSTs it) goes to a sink
		const injected = await post(`${ctx.sim.url}/_sim/rest/incoming`, { account: BENCH_ACCOUNT.id, sender: to, recipient: WAIT_NUMBER, body: 'YES', url: sinkUrl });
		if (injected.status !== 200) throw new Error(`simulator: injecting the reply answered ${injected.status} ${injected.text}`);
		const record = JSON.parse(injected.text) as { messageId: string; payload: any };
		if (side === 'ours') {
			url = inst.triggerUrl;
			body = record.payload;
			expectText = (text) => text === 'OK';
		} else {
			const read = performance.now();
			const sms = await waitingSms(ctx.sim.url, to);
			conversationMs = performance.now() - read;
			if (sms.executionId !== executionId) throw new Error(`the newest Send and Wait SMS to ${to} is execution ${sms.executionId}'s, not ${executionId}'s`);
			url = `${inst.n8n.n8n.info.baseUrl}/webhook-waiting/${executionId}/ip1-reply?signature=${sms.token}`;
			body = {
				reply: { messageId: record.messageId, sender: to, to: WAIT_NUMBER, text: 'YES', receivedAt: new Date().toISOString() },
				wait: { kind: 'ask', sentMessageId: sms.id, openWaits: 1 },
			};
			expectText = (text) => JSON.parse(text).outcome === 'answered';
		}
	}
	await sleep(SETTLE_MS);
	const t0 = Date.now();
	const answer = await post(url, body);
	const answeredMs = Date.now() - t0;
	if (answer.status !== 200 || (expectText && !expectText(answer.text))) throw new Error(`send and wait ${side}: the resume POST answered ${answer.status} ${answer.text.slice(0, 200)}`);
	const done = await finished(inst.n8n, executionId, side === 'floor' ? 'Wait' : 'Send and Wait');
	if (done.after.length !== 1) throw new Error(`send and wait ${side}: After put out ${done.after.length} items, expected 1`);
	if (side !== 'floor' && (done.after[0].data?.approved !== true || done.after[0].sender !== to)) throw new Error(`send and wait ${side}: the resumed output is ${JSON.stringify(done.after[0]).slice(0, 300)}`);
	return { ms: done.stoppedAt - t0, answeredMs, resumedMs: done.resumedAt - t0, conversationMs, executionId };
}

async function prepare(n8n: BenchN8n): Promise<Instance> {
	const { ours, floor, replies } = sendAndWaitWorkflows();
	for (const wf of [ours, floor, replies.workflow]) await n8n.publish(wf);
	return { n8n, ids: { ours: ours.id, floor: floor.id }, triggerUrl: n8n.n8n.webhookUrl(replies.path) };
}

export async function benchSendAndWait(ctx: BenchContext, main: BenchN8n, more: { lazy?: BenchN8n; pool?: BenchN8n } = {}): Promise<void> {
	// the bench account sends from the iP.1 number the replies come to
	const registered = await fetch(`${ctx.sim.url}/v2/me/senders/${WAIT_NUMBER}`, { method: 'PUT', headers: { authorization: `Bearer ${BENCH_REST_KEY}` } });
	if (!registered.ok) throw new Error(`simulator: registering the sender ${WAIT_NUMBER} answered ${registered.status}`);
	// where the simulator's own POST of each reply goes (the bench POSTs the same document, timed)
	const sink = http.createServer((req, res) => req.resume().on('end', () => res.end('OK')));
	await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
	const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;
	try {
		const onMain = await prepare(main);
		const onLazy = more.lazy ? await prepare(more.lazy) : undefined;
		const onPool = more.pool ? await prepare(more.pool) : undefined;
		const variants: Record<string, { inst: Instance; side: Side }> = {
			ours: { inst: onMain, side: 'ours' },
			floor: { inst: onMain, side: 'floor' },
			oursStraight: { inst: onMain, side: 'oursStraight' },
			...(onLazy ? { oursLazy: { inst: onLazy, side: 'ours' as Side }, floorLazy: { inst: onLazy, side: 'floor' as Side } } : {}),
			...(onPool ? { oursPool: { inst: onPool, side: 'ours' as Side }, floorPool: { inst: onPool, side: 'floor' as Side } } : {}),
		};
		ctx.log('send and wait: warm-up');
		for (const v of Object.values(variants)) await sample(ctx, v.inst, v.side, sinkUrl);
		const samples: Record<string, Sample[]> = {};
		const ms = await interleave(
			ctx.samples,
			Object.fromEntries(Object.entries(variants).map(([key, v]) => [key, async () => {
				const s = await sample(ctx, v.inst, v.side, sinkUrl);
				(samples[key] ??= []).push(s);
				return s.ms;
			}])) as Record<string, () => Promise<number>>,
			(key, value) => ctx.log(`send and wait: ${key} ${value} ms (answered in ${samples[key].at(-1)!.answeredMs} ms, resumed run started at ${samples[key].at(-1)!.resumedMs} ms)`),
		);
		ctx.raw.sendAndWait = samples;
		const med = (key: string, f: 'answeredMs' | 'resumedMs') => spread(samples[key].map((s) => s[f])).median.toFixed(0);
		const answered = (key: string) => `POST answered in ${med(key, 'answeredMs')} ms, resumed run started at ${med(key, 'resumedMs')} ms`;
		ctx.rows.push(
			ratioRow({ measure: 'Send and Wait: reply webhook → resumed execution finished: iP.1 SMS (reply POSTed to the iP.1 SMS Trigger, as iP.1 does) / n8n\'s Wait node (POST to its resume URL)', a: ms.ours, b: ms.floor, goal: { op: '≤', value: 1.2 }, detail: `${answered('ours')} vs ${answered('floor')}` }),
			ratioRow({ measure: 'same: iP.1 SMS, the trigger\'s hand-over POSTed straight to its resume URL (no trigger) / Wait node', a: ms.oursStraight, b: ms.floor, detail: `${answered('oursStraight')}; the trigger's conversation read, made by the bench: ${spread(samples.oursStraight.map((s) => s.conversationMs!)).median.toFixed(1)} ms` }),
			ratioRow({ measure: 'same: iP.1 SMS through the trigger / straight to its resume URL (what the trigger\'s hop costs)', a: ms.ours, b: ms.oursStraight }),
		);
		if (onLazy) {
			ctx.rows.push(ratioRow({ measure: 'same, on an n8n with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true: iP.1 SMS through the trigger / Wait node', a: ms.oursLazy, b: ms.floorLazy, detail: `${answered('oursLazy')} vs ${answered('floorLazy')}` }));
		}
		if (onPool) {
			ctx.rows.push(ratioRow({ measure: 'same, on an n8n with N8N_EXPRESSION_ENGINE_POOL_SIZE=4 (four warm isolates): iP.1 SMS through the trigger / Wait node', a: ms.oursPool, b: ms.floorPool, detail: `${answered('oursPool')} vs ${answered('floorPool')}` }));
		}
	} finally {
		await new Promise((resolve) => sink.close(resolve));
	}
}
