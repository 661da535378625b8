/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// SMS → Send and Wait for Response in n8n's queue mode: the ask workflow is started through haproxy (a webhook
// process enqueues it, a worker sends the SMS and puts the execution to wait in PostgreSQL); the reply reaches
// the iP.1 SMS Trigger on a webhook process, which hands it to /webhook-waiting/ (haproxy → a webhook process),
// and a worker runs the resumed execution; main's wait tracker ends a limited wait. The core cases of
// test/e2e/sendAndWait.test.ts, each with exactly one resumption or none, and no incoming SMS lost.
import fs from 'node:fs';

import type { SimulatorHandle } from '../../simulator';
import { E2E_ACCOUNT } from '../e2e/support/ip1';
import { REST_CREDENTIAL } from '../e2e/support/mcp';
import { askWorkflow, OURS, outputOf, repliesWorkflow, SHORT_LIMIT, startReplySimulator } from '../e2e/support/sendAndWait';
import { TRIGGER, triggerPath } from '../e2e/support/triggerWorkflows';
import { executionCount } from './support/executions';
import { closeGateway, postJson } from './support/gateway';
import { useStack } from './support/stack';

const stack = useStack();
let sim: SimulatorHandle;
/** the simulator's phone: numbers ending 1111 answer YES, 5 s after the SMS reached it (a reply before the worker saved the execution as waiting would find it running) */
const ANSWERS_YES = '46705551111';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const replies = repliesWorkflow('queue send and wait: incoming SMS');

/** Its webhook path is `saw-q-<name>`. */
function queueAskWorkflow(name: string, ask: Record<string, unknown>) {
	return { ...askWorkflow(`queue send and wait: ${name}`, `saw-q-${name}`, { resource: 'sms', operation: 'sendAndWait', ...ask }), path: `saw-q-${name}` };
}

const workflows = {
	approval: queueAskWorkflow('approval', {}),
	freeText: queueAskWorkflow('free-text', { responseType: 'freeText' }),
	limited: queueAskWorkflow('limited', SHORT_LIMIT),
};
type Ask = keyof typeof workflows;
const ids: Record<string, string> = {};
/** started in beforeAll, so that main's wait tracker (it looks every minute) ends their limit while the other cases run */
const limited: { silent?: string; raced?: string; late?: any } = {};

beforeAll(async () => {
	sim = await startReplySimulator([{ match: '1111', reply: 'YES', delayMs: 5_000 }]);
	await stack().main.importCredentials([{ ...REST_CREDENTIAL, type: 'ip1SmsRestApi', data: { apiKey: `${E2E_ACCOUNT.key}-rest`, baseUrl: sim.url } }]);
	ids.replies = await stack().createWorkflow(replies, true);
	sim.setIncomingUrl(E2E_ACCOUNT.id, stack().webhookUrl(triggerPath(replies)));
	for (const [key, wf] of Object.entries(workflows)) ids[key] = await stack().createWorkflow(wf, true);
	limited.silent = await ask('limited', '46705552008');
	limited.raced = await ask('limited', '46705552009');
	// iP.1 cannot reach n8n at first: the reply is stored before the limit, its webhook delivered after it
	limited.late = await reply('46705552009', 'YES', 'http://127.0.0.1:9/unreachable');
}, 300_000);
afterAll(async () => {
	closeGateway();
	await sim?.stop();
});

async function newExecution(key: Ask, before: Set<string>, until: (status: string) => boolean): Promise<string> {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		const fresh = (await stack().main.restApi.listExecutions({ workflowId: ids[key] })).find((e) => !before.has(e.id));
		if (fresh && until(fresh.status)) return fresh.id;
		if (fresh && !['running', 'new', 'waiting'].includes(fresh.status)) throw new Error(`the ask execution ${fresh.id} ended ${fresh.status}`);
		await sleep(250);
	}
	throw new Error(`no ask execution of ${key} reached the expected status`);
}

/** Starts the ask workflow through haproxy; returns the execution id once it waits (or at once, with `waiting: false`). */
async function ask(key: Ask, to: string, question = 'Can you come tomorrow at 10?', waiting = true): Promise<string> {
	const before = new Set((await stack().main.restApi.listExecutions({ workflowId: ids[key] })).map((e) => e.id));
	const started = await postJson(stack().webhookUrl(workflows[key].path), { to, question });
	expect(started.status).toBe(200);
	return await newExecution(key, before, (status) => !waiting || status === 'waiting');
}

async function statusOf(id: string): Promise<string> {
	return (await stack().main.restApi.getExecution(id)).status;
}

async function finished(id: string, timeoutMs = 90_000): Promise<any> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const execution = await stack().main.restApi.getExecution(id);
		if (!['waiting', 'running', 'new'].includes(execution.status)) return execution;
		await sleep(300);
	}
	throw new Error(`execution ${id} still ${await statusOf(id)}`);
}

/** How many times a worker started the execution: once to send, once per resumption. */
function workerStarts(id: string): number {
	const line = new RegExp(`Worker started execution ${id}\\b`, 'g');
	return stack().workers.reduce((n, w) => n + (fs.readFileSync(w.logFile, 'utf8').match(line)?.length ?? 0), 0);
}

/** The person replies: an incoming SMS to our number, POSTed by the simulator as iP.1 does (through haproxy). */
async function reply(from: string, body: string, url?: string) {
	return await sim.injectRestIncoming({ sender: from, recipient: OURS, body, ...(url ? { url } : {}) });
}

/** The items of every execution of the trigger's workflow (each waited for until it finished). */
async function triggerRuns(): Promise<any[]> {
	const out = [];
	for (const e of await stack().main.restApi.listExecutions({ workflowId: ids.replies })) {
		const full = await finished(e.id);
		out.push(full.data.resultData.runData[TRIGGER][0].data.main[0][0].json);
	}
	return out;
}

/** The trigger's workflow, once any execution a webhook process may still be creating is in the database. */
async function triggerExecutionCount(): Promise<number> {
	await sleep(3_000);
	return executionCount(stack(), ids.replies);
}

const sentTo = (number: string) => sim.state().rest.messages.filter((m: any) => m.direction === 'mt' && m.recipient === number);

describe('SMS → Send and Wait for Response in queue mode', () => {
	it('approved (the simulator’s phone answers YES): the reply resumes the execution, which finishes on a worker; the trigger starts nothing', async () => {
		const id = await ask('approval', ANSWERS_YES, undefined, false);
		const execution = await finished(id);
		expect(execution.status).toBe('success');
		const [sms] = sentTo(ANSWERS_YES);
		expect(sms.reference).toMatch(new RegExp(`^n8n-wait:${id}:[0-9a-f]{64}:0:a$`));
		const [answer] = sim.state().rest.messages.filter((m: any) => m.direction === 'mo' && m.sender === ANSWERS_YES);
		expect(outputOf(execution)).toEqual([
			expect.objectContaining({ data: { approved: true }, choice: 'approve', timedOut: false, text: 'YES', sender: ANSWERS_YES, messageId: answer.id, sentMessageId: sms.id, waitsOnNumber: 1 }),
		]);
		// once to send, once resumed: both on workers
		expect(workerStarts(id)).toBe(2);
		expect(await triggerExecutionCount()).toBe(0);
	}, 180_000);

	it('declined, and free text', async () => {
		const no = await ask('approval', '46705552002');
		const free = await ask('freeText', '46705552003', 'What time suits you?');
		const [r1, r2] = await Promise.all([reply('46705552002', 'no'), reply('46705552003', 'After lunch, around 14')]);
		expect([r1, r2].map((r) => r.attempts[0])).toEqual([expect.objectContaining({ status: 200, body: 'OK' }), expect.objectContaining({ status: 200, body: 'OK' })]);
		expect(outputOf(await finished(no))).toEqual([expect.objectContaining({ data: { approved: false }, choice: 'decline', messageId: r1.messageId })]);
		expect(outputOf(await finished(free))).toEqual([expect.objectContaining({ data: { text: 'After lunch, around 14' }, messageId: r2.messageId })]);
		expect([workerStarts(no), workerStarts(free)]).toEqual([2, 2]);
		expect(await triggerExecutionCount()).toBe(0);
	}, 180_000);

	it('two executions waiting on one number get the replies newest first; a third reply is an ordinary incoming SMS', async () => {
		const first = await ask('approval', '46705552005', 'Appointment 1?');
		const second = await ask('approval', '46705552005', 'Appointment 2?');
		const r1 = await reply('46705552005', 'NO');
		expect(outputOf(await finished(second))).toEqual([expect.objectContaining({ data: { approved: false }, messageId: r1.messageId, waitsOnNumber: 2 })]);
		expect(await statusOf(first)).toBe('waiting');
		const r2 = await reply('46705552005', 'YES');
		expect(outputOf(await finished(first))).toEqual([expect.objectContaining({ data: { approved: true }, messageId: r2.messageId, waitsOnNumber: 1 })]);
		const r3 = await reply('46705552005', 'thanks!');
		await stack().main.restApi.waitForExecutions(ids.replies, 1, 60_000);
		expect(await triggerRuns()).toEqual([expect.objectContaining({ messageId: r3.messageId, text: 'thanks!' })]);
		expect([workerStarts(first), workerStarts(second)]).toEqual([2, 2]);
	}, 180_000);

	it('STOP is never an answer: it starts the incoming-SMS workflow and the execution keeps waiting', async () => {
		const before = (await triggerRuns()).length;
		const id = await ask('approval', '46705552006');
		const stop = await reply('46705552006', 'STOP');
		await stack().main.restApi.waitForExecutions(ids.replies, before + 1, 60_000);
		expect((await triggerRuns()).filter((i) => i.messageId === stop.messageId)).toHaveLength(1);
		expect(await statusOf(id)).toBe('waiting');
		expect(workerStarts(id)).toBe(1);
		await stack().main.restApi.post(`/rest/executions/${id}/stop`).catch(() => undefined);
	}, 180_000);

	describe('the gateway repeats the reply webhook after the execution finished', () => {
		const viaHaproxy = () => stack().webhookUrl(triggerPath(replies));
		const direct = (port: number) => `http://127.0.0.1:${port}/webhook/${triggerPath(replies)}`;

		async function answered(to: string) {
			const id = await ask('approval', to);
			const yes = await reply(to, 'YES');
			expect(outputOf(await finished(id))).toEqual([expect.objectContaining({ data: { approved: true }, messageId: yes.messageId })]);
			return { id, yes, before: await triggerExecutionCount() };
		}

		it('three times through haproxy (its hash of the message id takes them to the process that took the reply): one resumption, nothing started', async () => {
			const { id, yes, before } = await answered('46705552007');
			const repeats = await Promise.all([1, 2, 3].map(() => postJson(viaHaproxy(), yes.payload)));
			expect(repeats.map((r) => [r.status, r.body])).toEqual(Array(3).fill([200, 'OK']));
			expect(new Set(repeats.map((r) => r.servedBy)).size).toBe(1);
			expect(await triggerExecutionCount()).toBe(before);
			expect(outputOf(await stack().main.restApi.getExecution(id))).toHaveLength(1);
			expect(workerStarts(id)).toBe(2);
		}, 180_000);

		it('on each webhook process in turn, also the one that did not take the reply: one resumption, nothing started', async () => {
			// a webhook process down when iP.1 repeats, or a balancer that does not route by message id, takes the
			// repeat to the process that did not hand the reply over
			const { id, yes, before: first } = await answered('46705552010');
			let before = first;
			const started: Record<string, number> = {};
			for (const w of stack().webhooks) {
				const repeat = await postJson(direct(w.port), yes.payload);
				expect([repeat.status, repeat.body]).toEqual([200, 'OK']);
				const after = await triggerExecutionCount();
				started[w.name] = after - before;
				before = after;
			}
			expect(started).toEqual(Object.fromEntries(stack().webhooks.map((w) => [w.name, 0])));
			expect(outputOf(await stack().main.restApi.getExecution(id))).toHaveLength(1);
			expect(workerStarts(id)).toBe(2);
		}, 180_000);
	});

	it('Limit Wait Time: no reply → main’s wait tracker resumes the execution on a worker, its input marked timedOut', async () => {
		const execution = await finished(limited.silent!, 150_000);
		expect(execution.status).toBe('success');
		expect(outputOf(execution)).toEqual([expect.objectContaining({ timedOut: true, body: expect.objectContaining({ to: '46705552008' }) })]);
		expect(workerStarts(limited.silent!)).toBe(2);
	}, 200_000);

	it('a reply racing the limit: sent before it, delivered after n8n timed out → an ordinary incoming SMS, exactly once', async () => {
		const id = limited.raced!;
		const execution = await finished(id, 150_000);
		expect(outputOf(execution)).toEqual([expect.objectContaining({ timedOut: true })]);
		const before = (await triggerRuns()).length;
		const retry = await postJson(stack().webhookUrl(triggerPath(replies)), limited.late.payload);
		expect([retry.status, retry.body]).toEqual([200, 'OK']);
		await stack().main.restApi.waitForExecutions(ids.replies, before + 1, 60_000);
		expect((await triggerRuns()).filter((i) => i.messageId === limited.late.messageId)).toHaveLength(1);
		expect(outputOf(await stack().main.restApi.getExecution(id))).toHaveLength(1);
		expect(workerStarts(id)).toBe(2);
	}, 240_000);

	it('every incoming SMS of the file was handled exactly once: an answer of one execution or one trigger execution', async () => {
		const incoming = sim.state().rest.messages.filter((m: any) => m.direction === 'mo').map((m: any) => m.id);
		const answers: string[] = [];
		for (const key of Object.keys(workflows) as Ask[]) {
			for (const e of await stack().main.restApi.listExecutions({ workflowId: ids[key] })) {
				if (e.status === 'waiting') continue;
				answers.push(...outputOf(await stack().main.restApi.getExecution(e.id)).map((i) => i.messageId).filter(Boolean));
			}
		}
		const handled = [...answers, ...(await triggerRuns()).map((i) => i.messageId)];
		expect(handled.sort()).toEqual([...incoming].sort());
	}, 180_000);
});
