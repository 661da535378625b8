/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// SMS → Send and Wait for Response in a real n8n: a workflow (started by its Webhook) sends an SMS through the
// simulator and waits; the person's reply reaches the iP.1 SMS Trigger (Resume Waiting Executions on), which
// hands it to the waiting execution. Every case counts resumptions and trigger executions: exactly one of
// the two per reply, none for a repeat.
import axios from 'axios';

import type { SimulatorHandle } from '../../simulator';
import { E2E_ACCOUNT } from './support/ip1';
import { importMcpCredentials } from './support/mcp';
import type { N8nInstance } from './support/n8n';
import { askWorkflow, OURS, outputOf, repliesWorkflow, SHORT_LIMIT, startReplySimulator } from './support/sendAndWait';
import { N8N_MAJOR } from './support/n8n-rest';
import { useN8n } from './support/shared-n8n';
import { TRIGGER, triggerPath } from './support/triggerWorkflows';

/** n8n 2.x signs a waiting execution's resume URL (its token goes into the reference); n8n 1.x has no token. */
const TOKEN = N8N_MAJOR >= 2 ? '[0-9a-f]{64}' : '';

const shared = useN8n();
let n8n: () => N8nInstance = shared;
let sim: SimulatorHandle;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const replies = repliesWorkflow('e2e send and wait: incoming SMS');

/** Its webhook path is `saw-<name>`. */
function e2eAskWorkflow(name: string, ask: Record<string, unknown>) {
	return askWorkflow(`e2e send and wait: ${name}`, `saw-${name}`, { resource: 'sms', operation: 'sendAndWait', ...ask });
}

const workflows = {
	approval: e2eAskWorkflow('approval', {}),
	freeText: e2eAskWorkflow('free-text', { responseType: 'freeText' }),
	limited: e2eAskWorkflow('limited', SHORT_LIMIT),
};
const ids: Record<string, string> = {};

beforeAll(async () => {
	sim = await startReplySimulator();
	await importMcpCredentials(n8n(), sim);
	ids.replies = await n8n().importWorkflow(replies);
	await n8n().activateWorkflow(ids.replies);
	sim.setIncomingUrl(E2E_ACCOUNT.id, n8n().webhookUrl(triggerPath(replies)));
	for (const [key, wf] of Object.entries(workflows)) {
		ids[key] = await n8n().importWorkflow(wf);
		await n8n().activateWorkflow(ids[key]);
	}
}, 240_000);
afterAll(async () => await sim?.stop());

/** Starts the ask workflow and waits until its execution waits; returns the execution id. */
async function ask(key: keyof typeof workflows, to: string, question = 'Can you come tomorrow at 10?'): Promise<string> {
	const before = new Set((await n8n().restApi.listExecutions({ workflowId: ids[key] })).map((e) => e.id));
	const started = await axios.post(n8n().webhookUrl(`saw-${workflows[key].name.replace('e2e send and wait: ', '')}`), { to, question }, { validateStatus: () => true });
	expect(started.status).toBe(200);
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const fresh = (await n8n().restApi.listExecutions({ workflowId: ids[key] })).find((e) => !before.has(e.id));
		if (fresh && fresh.status === 'waiting') return fresh.id;
		if (fresh && fresh.status !== 'running' && fresh.status !== 'new') throw new Error(`the ask execution ended ${fresh.status}`);
		await sleep(250);
	}
	throw new Error('the ask execution did not start waiting');
}

async function statusOf(id: string): Promise<string> {
	return (await n8n().restApi.getExecution(id)).status;
}

async function finished(id: string, timeoutMs = 90_000): Promise<any> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const execution = await n8n().restApi.getExecution(id);
		if (!['waiting', 'running', 'new'].includes(execution.status)) return execution;
		await sleep(300);
	}
	throw new Error(`execution ${id} still ${await statusOf(id)}`);
}

/** The person replies: an incoming SMS to our number, POSTed to the trigger as iP.1 does. */
async function reply(from: string, body: string, url?: string) {
	return await sim.injectRestIncoming({ sender: from, recipient: OURS, body, ...(url ? { url } : {}) });
}

async function triggerRuns(): Promise<any[]> {
	const out = [];
	for (const e of await n8n().restApi.listExecutions({ workflowId: ids.replies })) {
		const full = await n8n().restApi.getExecution(e.id);
		out.push(full.data.resultData.runData[TRIGGER][0].data.main[0][0].json);
	}
	return out;
}

const sentTo = (number: string) => sim.state().rest.messages.filter((m: any) => m.direction === 'mt' && m.recipient === number);

describe('SMS → Send and Wait for Response in a real n8n', () => {
	it('approved: the SMS carries the choices, a YES resumes the execution with approved true and the reply', async () => {
		const id = await ask('approval', '46705551001');
		const [sms] = sentTo('46705551001');
		expect(sms.body).toBe('Can you come tomorrow at 10?\n\nReply YES to approve or NO to decline');
		expect(sms.reference).toMatch(new RegExp(`^n8n-wait:${id}:${TOKEN}:0:a$`));
		const record = await reply('46705551001', ' Yes! /Anna');
		expect(record.attempts[0]).toMatchObject({ status: 200, body: 'OK' });
		const execution = await finished(id);
		expect(execution.status).toBe('success');
		expect(outputOf(execution)).toEqual([
			expect.objectContaining({ data: { approved: true }, choice: 'approve', timedOut: false, text: ' Yes! /Anna', sender: '46705551001', messageId: record.messageId, sentMessageId: sms.id, matchedBy: 'newestWaitingSms', waitsOnNumber: 1 }),
		]);
		expect(await triggerRuns()).toEqual([]);
	}, 180_000);

	it('declined, and free text', async () => {
		const no = await ask('approval', '46705551002');
		const free = await ask('freeText', '46705551003', 'What time suits you?');
		expect(sentTo('46705551003')[0].body).toBe('What time suits you?');
		await reply('46705551002', 'no');
		await reply('46705551003', 'After lunch, around 14');
		expect(outputOf(await finished(no))[0]).toMatchObject({ data: { approved: false }, choice: 'decline' });
		expect(outputOf(await finished(free))[0]).toMatchObject({ data: { text: 'After lunch, around 14' }, text: 'After lunch, around 14' });
		expect(await triggerRuns()).toEqual([]);
	}, 180_000);

	it('a reply that names neither choice gets one Ask Again SMS; the execution waits on and takes the next reply', async () => {
		const id = await ask('approval', '46705551004');
		const maybe = await reply('46705551004', 'maybe?');
		expect(maybe.attempts[0]).toMatchObject({ status: 200, body: 'OK' });
		expect(await statusOf(id)).toBe('waiting');
		const asked = sentTo('46705551004');
		expect(asked.map((m: any) => m.body)).toEqual([expect.stringContaining('Reply YES'), 'Please reply YES or NO']);
		expect(asked[1].reference).toMatch(new RegExp(`^n8n-wait:${id}:${TOKEN}:0:r$`));
		// the gateway repeats the unclear reply: no second Ask Again
		await axios.post(n8n().webhookUrl(triggerPath(replies)), maybe.payload);
		await sleep(1000);
		expect(sentTo('46705551004')).toHaveLength(2);
		await reply('46705551004', 'YES');
		expect(outputOf(await finished(id))[0]).toMatchObject({ data: { approved: true }, text: 'YES' });
		expect(await triggerRuns()).toEqual([]);
	}, 180_000);

	it('two executions waiting on one number get the replies newest first; a third reply is an ordinary incoming SMS', async () => {
		const first = await ask('approval', '46705551005', 'Appointment 1?');
		const second = await ask('approval', '46705551005', 'Appointment 2?');
		const r1 = await reply('46705551005', 'NO');
		expect(outputOf(await finished(second))[0]).toMatchObject({ data: { approved: false }, messageId: r1.messageId, waitsOnNumber: 2 });
		expect(await statusOf(first)).toBe('waiting');
		const r2 = await reply('46705551005', 'YES');
		expect(outputOf(await finished(first))[0]).toMatchObject({ data: { approved: true }, messageId: r2.messageId, waitsOnNumber: 1 });
		const r3 = await reply('46705551005', 'thanks!');
		await n8n().restApi.waitForExecutions(ids.replies, 1, 60_000);
		expect(await triggerRuns()).toEqual([expect.objectContaining({ messageId: r3.messageId, text: 'thanks!' })]);
	}, 180_000);

	it('STOP is never an answer: it starts the incoming-SMS workflow and the execution keeps waiting', async () => {
		const before = (await triggerRuns()).length;
		const id = await ask('approval', '46705551006');
		const stop = await reply('46705551006', 'STOP');
		await n8n().restApi.waitForExecutions(ids.replies, before + 1, 60_000);
		expect((await triggerRuns()).map((i) => i.messageId)).toContain(stop.messageId);
		expect(await statusOf(id)).toBe('waiting');
		await n8n().restApi.post(`/rest/executions/${id}/stop`).catch(() => undefined);
	}, 180_000);

	it('the gateway repeats the reply webhook: one resumption, nothing started', async () => {
		const before = (await triggerRuns()).length;
		const id = await ask('approval', '46705551007');
		const yes = await reply('46705551007', 'YES');
		await finished(id);
		const repeats = await Promise.all([1, 2, 3].map(() => axios.post(n8n().webhookUrl(triggerPath(replies)), yes.payload, { validateStatus: () => true })));
		expect(repeats.map((r) => [r.status, r.data])).toEqual(Array(3).fill([200, 'OK']));
		await sleep(1500);
		expect(await triggerRuns()).toHaveLength(before);
		expect(outputOf(await n8n().restApi.getExecution(id))).toHaveLength(1);
	}, 180_000);

	it('Limit Wait Time: no reply → the input comes out marked timedOut', async () => {
		const id = await ask('limited', '46705551008');
		const execution = await finished(id, 150_000);
		expect(execution.status).toBe('success');
		expect(outputOf(execution)).toEqual([expect.objectContaining({ timedOut: true, body: expect.objectContaining({ to: '46705551008' }) })]);
	}, 200_000);

	it('a reply racing the limit: sent before it, delivered after n8n timed out → an ordinary incoming SMS, exactly once', async () => {
		const before = (await triggerRuns()).length;
		const id = await ask('limited', '46705551009');
		// iP.1 cannot reach n8n at first: the reply is stored at once, its webhook retried later
		const late = await reply('46705551009', 'YES', 'http://127.0.0.1:9/unreachable');
		const execution = await finished(id, 150_000);
		expect(outputOf(execution)).toEqual([expect.objectContaining({ timedOut: true })]);
		const retry = await axios.post(n8n().webhookUrl(triggerPath(replies)), late.payload, { validateStatus: () => true });
		expect([retry.status, retry.data]).toEqual([200, 'OK']);
		await n8n().restApi.waitForExecutions(ids.replies, before + 1, 60_000);
		expect((await triggerRuns()).filter((i) => i.messageId === late.messageId)).toHaveLength(1);
		expect(outputOf(await n8n().restApi.getExecution(id))).toHaveLength(1);
	}, 240_000);

	it('a reply before the limit resumes once; the limit passing later changes nothing', async () => {
		const id = await ask('limited', '46705551010');
		await reply('46705551010', 'YES');
		const execution = await finished(id);
		expect(outputOf(execution)).toEqual([expect.objectContaining({ data: { approved: true }, timedOut: false })]);
		await sleep(5_000);
		expect(outputOf(await n8n().restApi.getExecution(id))).toHaveLength(1);
	}, 180_000);

	it('n8n restarted while executions wait: a reply afterwards resumes its execution; a repeat of a reply taken before starts nothing', async () => {
		const before = (await triggerRuns()).length;
		const taken = await ask('approval', '46705551011');
		const yes = await reply('46705551011', 'YES');
		await finished(taken);
		const waiting = await ask('approval', '46705551012');
		const restarted = await n8n().restart();
		n8n = () => restarted;
		await reply('46705551012', 'YES');
		expect(outputOf(await finished(waiting))[0]).toMatchObject({ data: { approved: true } });
		// the process's own memory is gone: the trigger's record in its static data tells the repeat
		const repeat = await axios.post(n8n().webhookUrl(triggerPath(replies)), yes.payload, { validateStatus: () => true });
		expect([repeat.status, repeat.data]).toEqual([200, 'OK']);
		await sleep(1500);
		expect(await triggerRuns()).toHaveLength(before);
		expect(outputOf(await n8n().restApi.getExecution(taken))).toHaveLength(1);
	}, 300_000);
});
