/* eslint-disable @n8n/community-nodes/no-restricted-globals */ // not shipped: the test watches the timers the trigger starts
// The trigger's memory of taken messages and what it promises per path (docs/trigger.md, "Repeats"):
// exact in the process that took a message; nothing kept in the workflow's static data and no timer
// while n8n records; in a process that never saw the message (a restart, another webhook process) a
// repeat starts a second execution whose item carries the same key for n8n's Remove Duplicates.
// Each "process" is the node module loaded afresh (its own memory).
import type { IDataObject, INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';

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

const base = `/webhook/3f1c0e52-8a8e-4a51-9a43-1f7d2d3b0c11/${WEBHOOK_PATH}`;
let next = 0;
const hexId = () => (0x7bcf4324ee47dee41a000000n + BigInt(next++)).toString(16).padStart(24, '0');

function restCall(doc: IDataObject, workflowId: string): CallOptions {
	return {
		url: base,
		method: 'POST',
		contentType: 'application/json',
		rawBody: new TextEncoder().encode(JSON.stringify(doc)),
		body: doc,
		typeVersion: 2,
		parameters: { api: 'rest', events: ['incomingSms', 'deliveryReport'] },
		workflowId,
	};
}

function soapCall(incsmsid: string, workflowId: string, typeVersion: number): CallOptions {
	const query = new URLSearchParams({ incsmsid, sender: '46701234567', to: '46709876543', text: 'Hej' });
	return { url: `${base}?${query}`, typeVersion, parameters: typeVersion >= 2 ? { api: 'soap' } : {}, workflowId };
}

/** One call of each event the trigger takes, for a new message: [name, call, the item's recipe key]. */
function events(workflowId: string): Array<[string, CallOptions, string]> {
	const [mo, dr, v2, v1] = [hexId(), hexId(), `sms-${hexId()}`, `sms-${hexId()}`];
	return [
		['REST incoming SMS', restCall({ id: mo, sender: '46701234567', recipient: '46709876543', body: 'Hej', direction: 'mo' }, workflowId), `mo:${mo}`],
		['REST delivery report', restCall({ id: dr, recipient: '46701234567', code: 201 }, workflowId), `dr:${dr}:201`],
		['SOAP callback, version 2', soapCall(v2, workflowId, 2), `sms:${v2}`],
		['SOAP callback, version 1.1', soapCall(v1, workflowId, 1.1), v1],
		['SOAP callback, version 1', soapCall(`${v1}-1`, workflowId, 1), `${v1}-1`],
	];
}

/** The documented recipe's value: `dedupeKey` (version 2), `incsmsid` (versions 1 and 1.1). */
const recipeKey = (item: IDataObject) => String(item.dedupeKey ?? item.incsmsid);

async function begin(trigger: Trigger, call: CallOptions) {
	const { context, res, staticData } = webhookContext(call);
	const result: IWebhookResponseData = await new trigger().webhook.call(context);
	const item = (result.workflowData?.[0]?.[0] as INodeExecutionData | undefined)?.json;
	return { result, item, staticData, finish: async () => await answerAsN8n(call, result, res, staticData) };
}

async function call(trigger: Trigger, options: CallOptions) {
	const started = await begin(trigger, options);
	return { ...(await started.finish()), item: started.item };
}

describe('the trigger\'s repeat memory', () => {
	describe.each(events('names').map(([name], index) => [name, index] as const))('%s', (_name, index) => {
		it('the process that took a message starts nothing for its repeats, sequential or simultaneous', async () => {
			const workflowId = freshWorkflowId();
			const [, options] = events(workflowId)[index];
			const proc = newProcess();
			expect(await call(proc, options)).toMatchObject({ status: 200, body: 'OK', started: true });
			expect(await call(proc, options)).toMatchObject({ status: 200, body: 'OK', started: false });
			const copies = await Promise.all(Array.from({ length: 5 }, async () => await call(proc, { ...options, recordingMs: 20 })));
			expect(copies.map((c) => c.started)).toEqual(Array(5).fill(false));
		});

		it('a process that never saw the message starts a second execution, with the same recipe key', async () => {
			const workflowId = freshWorkflowId();
			const [, options, key] = events(workflowId)[index];
			const first = await call(newProcess(), options);
			const restarted = await call(newProcess(), options);
			expect([first.started, restarted.started]).toEqual([true, true]);
			expect([recipeKey(first.item!), recipeKey(restarted.item!)]).toEqual([key, key]);
		});
	});

	it('every version 2 item carries dedupeKey; versions 1 and 1.1 keep their output fields', async () => {
		const workflowId = freshWorkflowId();
		const items = [];
		for (const [name, options, key] of events(workflowId)) items.push([name, (await call(newProcess(), options)).item, key]);
		for (const [name, item, key] of items.slice(0, 3) as Array<[string, IDataObject, string]>) {
			expect([name, item.dedupeKey]).toEqual([name, key]);
		}
		for (const [, item] of items.slice(3) as Array<[string, IDataObject]>) {
			expect(Object.keys(item).sort()).toEqual(['encoding', 'incsmsid', 'query', 'receivedAt', 'sender', 'text', 'to']);
		}
	});

	it('each status of a delivery report has its own key; other messages other keys', async () => {
		const workflowId = freshWorkflowId();
		const proc = newProcess();
		const id = hexId();
		const keys = [];
		for (const code of [100, 201]) keys.push((await call(proc, restCall({ id, recipient: '4670', code }, workflowId))).item?.dedupeKey);
		keys.push((await call(proc, restCall({ id: hexId(), recipient: '4670', code: 201 }, workflowId))).item?.dedupeKey);
		expect(new Set(keys).size).toBe(3);
	});

	it('writes nothing to the workflow\'s static data and does not mark it changed, on any kind of call', async () => {
		const workflowId = freshWorkflowId();
		staticDataStore.set(workflowId, { callbackUrl: 'https://n8n.example.com/webhook/x/ip1-sms' });
		const proc = newProcess();
		const [, options] = events(workflowId)[0];
		const calls = [options, options, { ...options, mode: 'manual' as const }, { ...events(workflowId)[1][1], recording: 'fails' as const }];
		for (const one of calls) {
			const started = await begin(proc, one);
			expect(started.staticData.__dataChanged).not.toBe(true);
			expect(started.staticData['node:iP.1 SMS Trigger']).toEqual({ callbackUrl: 'https://n8n.example.com/webhook/x/ip1-sms' });
			await started.finish();
		}
		expect(staticDataStore.get(workflowId)).toEqual({ callbackUrl: 'https://n8n.example.com/webhook/x/ip1-sms' });
	});

	it('starts no timer while n8n records the execution', async () => {
		const workflowId = freshWorkflowId();
		const proc = newProcess();
		const timeouts = jest.spyOn(global, 'setTimeout');
		const intervals = jest.spyOn(global, 'setInterval');
		try {
			const calls = events(workflowId);
			const inFlight = [];
			for (const [, options] of calls) inFlight.push(await begin(proc, options));
			// a repeat waiting for the first call's answer
			const waiting = begin(proc, calls[0][1]);
			for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
			expect([timeouts.mock.calls.length, intervals.mock.calls.length]).toEqual([0, 0]);
			timeouts.mockRestore();
			for (const started of inFlight) await started.finish();
			await (await waiting).finish();
		} finally {
			timeouts.mockRestore();
			intervals.mockRestore();
		}
	});

	it('a claim waits for n8n\'s answer: a repeat meanwhile is a repeat once recorded, a retry once it failed', async () => {
		const workflowId = freshWorkflowId();
		const proc = newProcess();
		const [, options] = events(workflowId)[0];
		const first = await begin(proc, options);
		const repeat = begin(proc, options);
		await first.finish();
		expect((await (await repeat).finish()).started).toBe(false);

		const [, report] = events(workflowId)[1];
		const failing = await begin(proc, { ...report, recording: 'fails' });
		const meanwhile = begin(proc, report);
		expect((await failing.finish()).status).toBe(500);
		expect((await (await meanwhile).finish()).status).toBe(503);
		expect(await call(proc, report)).toMatchObject({ status: 200, started: true });
	});
});
