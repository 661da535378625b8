// What the trigger (version 2) leaves in the workflow's static data when calls overlap. n8n reads the static
// data when a call starts and saves the whole object after recording the execution, so the last save of a
// burst decides what a restarted n8n, or another webhook process in queue mode, knows. Each "process" here
// is the node module loaded afresh (its own memory), sharing one database (staticDataStore).
import type { IWebhookResponseData } from 'n8n-workflow';

import type { Ip1SmsTrigger } from '../../../nodes/Ip1SmsTrigger/Ip1SmsTrigger.node';
import { WEBHOOK_PATH } from '../../../nodes/Ip1SmsTrigger/Ip1SmsTrigger.node';
import { answerAsN8n, freshWorkflowId, staticDataStore, webhookContext, type CallOptions } from './webhookContext';

type Trigger = typeof Ip1SmsTrigger;

function newProcess(): Trigger {
	let loaded: Trigger | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = (require('../../../nodes/Ip1SmsTrigger/Ip1SmsTrigger.node') as { Ip1SmsTrigger: Trigger }).Ip1SmsTrigger;
	});
	return loaded!;
}

let next = 0;
const messageId = () => (0x6bcf4324ee47dee41a000000n + BigInt(next++)).toString(16).padStart(24, '0');

function incoming(workflowId: string, id: string, recording: CallOptions['recording'] = 'ok'): CallOptions {
	const doc = { id, batchId: '5bc86b6e85c7209830f96936', sender: '46701234567', recipient: '46709876543', body: 'Hej', direction: 'mo', created: '2026-11-30T10:00:04Z' };
	const text = JSON.stringify(doc);
	return {
		url: `/webhook/3f1c0e52-8a8e-4a51-9a43-1f7d2d3b0c11/${WEBHOOK_PATH}`,
		method: 'POST',
		contentType: 'application/json',
		rawBody: new TextEncoder().encode(text),
		body: doc,
		typeVersion: 2,
		parameters: { api: 'rest', events: ['incomingSms', 'deliveryReport'] },
		workflowId,
		recording,
	};
}

/** A call that has started (read the static data, run webhook()) but whose execution n8n has not recorded yet. */
async function begin(trigger: Trigger, call: CallOptions) {
	const { context, res, staticData } = webhookContext(call);
	const result: IWebhookResponseData = await new trigger().webhook.call(context);
	return { finish: async () => await answerAsN8n(call, result, res, staticData), started: result.workflowData !== undefined };
}

/** The keys in the database (the fake's getWorkflowStaticData('node') is the node's object itself). */
const savedKeys = (workflowId: string) => Object.keys((staticDataStore.get(workflowId)?.recentMessages ?? {}) as object).sort();

describe('the trigger\'s static data when calls overlap', () => {
	it('the last save of a burst holds every message recorded before it, not only its own', async () => {
		const workflowId = freshWorkflowId();
		const trigger = newProcess();
		const ids = Array.from({ length: 5 }, messageId);
		// all five start before any is recorded: each read an empty static data
		const calls = [];
		for (const id of ids) calls.push(await begin(trigger, incoming(workflowId, id)));
		for (const call of calls) expect((await call.finish()).started).toBe(true);
		expect(savedKeys(workflowId)).toEqual(ids.map((id) => `mo:${id}`).sort());
	});

	it('another process then takes every one of them as a repeat', async () => {
		const workflowId = freshWorkflowId();
		const first = newProcess();
		const ids = Array.from({ length: 5 }, messageId);
		const calls = [];
		for (const id of ids) calls.push(await begin(first, incoming(workflowId, id)));
		for (const call of calls) await call.finish();
		const other = newProcess();
		for (const id of ids) expect((await (await begin(other, incoming(workflowId, id))).finish())).toEqual({ status: 200, body: 'OK', started: false });
	});

	it('a process keeps the keys it read even after a stale save of another process overwrote them', async () => {
		const workflowId = freshWorkflowId();
		const [a, b] = [newProcess(), newProcess()];
		const early = messageId();
		await (await begin(a, incoming(workflowId, early))).finish();
		// b reads `early` from the database with this call ...
		const later = messageId();
		await (await begin(b, incoming(workflowId, later))).finish();
		// ... then a process that started before `early` was saved saves its stale view over it
		staticDataStore.set(workflowId, {});
		const stale = newProcess();
		await (await begin(stale, incoming(workflowId, messageId()))).finish();
		expect(savedKeys(workflowId)).not.toContain(`mo:${early}`);
		// the repeat of `early` reaching b starts nothing, and b's next save puts `early` back
		expect((await (await begin(b, incoming(workflowId, early))).finish()).started).toBe(false);
		await (await begin(b, incoming(workflowId, messageId()))).finish();
		expect(savedKeys(workflowId)).toContain(`mo:${early}`);
	});

	it('a message whose execution n8n failed to record is never saved: its retry on another process starts it', async () => {
		const workflowId = freshWorkflowId();
		const a = newProcess();
		const failed = messageId();
		const failing = await begin(a, incoming(workflowId, failed, 'fails'));
		const ok = await begin(a, incoming(workflowId, messageId()));
		expect((await failing.finish()).status).toBe(500);
		await ok.finish();
		expect(savedKeys(workflowId)).not.toContain(`mo:${failed}`);
		const retry = await (await begin(newProcess(), incoming(workflowId, failed))).finish();
		expect(retry).toEqual({ status: 200, body: 'OK', started: true });
	});

	it('a message still being recorded is not saved by a concurrent call that finishes first', async () => {
		const workflowId = freshWorkflowId();
		const a = newProcess();
		const slow = messageId();
		const pending = await begin(a, incoming(workflowId, slow));
		await (await begin(a, incoming(workflowId, messageId()))).finish();
		expect(savedKeys(workflowId)).not.toContain(`mo:${slow}`);
		await pending.finish();
		expect(savedKeys(workflowId)).toContain(`mo:${slow}`);
	});
});
