/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { EventEmitter } from 'node:events';

import {
	ObservableObject,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { Ip1SmsTrigger } from '../../../nodes/Ip1SmsTrigger/Ip1SmsTrigger.node';

/** A response that records what the trigger wrote, in the order it wrote it. */
export class FakeResponse extends EventEmitter {
	statusCode?: number;
	headers: Record<string, string> = {};
	body?: string;
	headersSent = false;
	writes = 0;

	writeHead(status: number, headers: Record<string, string>) {
		if (this.headersSent) throw new Error('headers written twice');
		this.statusCode = status;
		this.headers = { ...headers };
		this.headersSent = true;
		return this;
	}

	end(body: string) {
		this.writes++;
		this.body = body;
		return this;
	}

	header(name: string): string | undefined {
		const key = Object.keys(this.headers).find((h) => h.toLowerCase() === name.toLowerCase());
		return key === undefined ? undefined : this.headers[key];
	}
}

export interface CallOptions {
	/** request target, e.g. `/webhook/abc/ip1-sms?incsmsid=1&…` */
	url: string;
	method?: string;
	options?: IDataObject;
	/** what n8n's getBodyData() would return */
	body?: unknown;
	rawBody?: Uint8Array;
	contentType?: string;
	workflowId?: string;
	nodeId?: string;
	mode?: 'manual' | 'webhook' | 'trigger';
	/** the node's version (1 when omitted) */
	typeVersion?: number;
	/** version 2: `api` and `events` */
	parameters?: IDataObject;
	/** how n8n's recording of an execution ends: answered 200 (default) or 500 */
	recording?: 'ok' | 'fails';
	/** milliseconds n8n takes to record an execution before it answers */
	recordingMs?: number;
}

export interface CallResult {
	result: IWebhookResponseData;
	res: FakeResponse;
	/** the response as it was when webhook() resolved */
	answeredBeforeReturn: boolean;
	logs: string[];
	/** what the caller got, after n8n's part (see `answerAsN8n`) */
	status?: number;
	body?: string;
	/** whether n8n starts (records) an execution */
	started: boolean;
}

/** Static data of a workflow as n8n's database holds it between calls (loaded per call, saved after a recorded execution). */
export const staticDataStore = new Map<string, IDataObject>();

const logger = (logs: string[]) => ({
	debug: (m: string) => logs.push(`debug: ${m}`),
	info: (m: string) => logs.push(`info: ${m}`),
	warn: (m: string) => logs.push(`warn: ${m}`),
	error: (m: string) => logs.push(`error: ${m}`),
});

export function webhookContext(call: CallOptions, res = new FakeResponse(), logs: string[] = []) {
	const headers: Record<string, string> = {};
	if (call.contentType) headers['content-type'] = call.contentType;
	const req = {
		method: call.method ?? 'GET',
		url: call.url,
		originalUrl: call.url,
		headers,
		rawBody: call.rawBody,
	};
	const workflowId = call.workflowId ?? 'wf-1';
	// as n8n 2.40's Workflow: the workflow's static data, read from the database when the call starts, in an
	// ObservableObject; getWorkflowStaticData('node') is the node's part of it
	const staticData = workflowStaticData(structuredClone(staticDataStore.get(workflowId) ?? {}));
	const context = {
		getNodeParameter: (name: string, fallback?: unknown) =>
			name === 'options' ? (call.options ?? fallback) : (call.parameters?.[name] ?? fallback),
		getWorkflowStaticData: () => staticData[NODE_KEY] as IDataObject,
		getRequestObject: () => req,
		getResponseObject: () => res,
		getBodyData: () => (call.body ?? {}) as IDataObject,
		getQueryData: () => ({}),
		getHeaderData: () => headers,
		getMode: () => call.mode ?? 'webhook',
		getWorkflow: () => ({ id: workflowId, name: 'test', active: true }),
		getNode: () => ({
			id: call.nodeId ?? 'node-1',
			name: 'iP.1 SMS Trigger',
			type: 'n8n-nodes-ip1.ip1SmsTrigger',
			typeVersion: call.typeVersion ?? 1,
			position: [0, 0],
			parameters: {},
		}),
		getWebhookName: () => 'default',
		logger: logger(logs),
	};
	return { context: context as unknown as IWebhookFunctions, res, logs, staticData };
}

const NODE_KEY = 'node:iP.1 SMS Trigger';

/** A workflow's static data as n8n's Workflow holds it, with the node's part (`node:<name>`) in it. */
function workflowStaticData(nodePart: IDataObject): IDataObject {
	return ObservableObject.create({ [NODE_KEY]: nodePart }, undefined, { ignoreEmptyOnFirstChild: true }) as IDataObject;
}

/**
 * What n8n 2.40 does with webhook()'s result (webhook-helpers.js, onReceived with responseData ''):
 * `noWebhookResponse` means the node answered; otherwise with `workflowData` it records the
 * execution, saves the static data and answers `webhookResponse` (500 when recording fails);
 * without `workflowData` it answers `webhookResponse` at once.
 *
 * Recording, as WorkflowRunner.run does it: it builds new Workflow objects on the same static data
 * (establishContextForPersistence, WorkflowPreExecute), each of which resets its "changed" flag, then
 * writes the execution (I/O); live-webhooks.js saves the static data only when the flag is set again
 * by then. The database keeps it as JSON.
 */
export async function answerAsN8n(
	call: CallOptions,
	result: IWebhookResponseData,
	res: FakeResponse,
	staticData: IDataObject,
): Promise<{ status?: number; body?: string; started: boolean }> {
	if (result.noWebhookResponse === true) {
		res.emit('finish');
		return { status: res.statusCode, body: res.body, started: false };
	}
	let status = 200;
	let started = false;
	if (result.workflowData !== undefined) {
		ObservableObject.create(staticData, undefined, { ignoreEmptyOnFirstChild: true });
		await new Promise((resolve) => setTimeout(resolve, call.recordingMs ?? 5));
		if (call.recording === 'fails') status = 500;
		else {
			started = true;
			if (staticData.__dataChanged === true) saveStaticData(call, staticData);
		}
	} else if (staticData.__dataChanged === true) saveStaticData(call, staticData);
	const body = status === 500 ? 'Internal Server Error' : String(result.webhookResponse);
	res.writeHead(status, {});
	res.end(body);
	res.emit('finish');
	return { status, body, started };
}

function saveStaticData(call: CallOptions, staticData: IDataObject): void {
	staticDataStore.set(call.workflowId ?? 'wf-1', JSON.parse(JSON.stringify(staticData[NODE_KEY] ?? {})));
	staticData.__dataChanged = false;
}

/** Runs the trigger's webhook() for one request, then n8n's part of the answer. */
export async function callTrigger(call: CallOptions): Promise<CallResult> {
	const { context, res, logs, staticData } = webhookContext(call);
	const node = new Ip1SmsTrigger();
	const result = await node.webhook.call(context);
	const answeredBeforeReturn = res.writes === 1;
	const answer = await answerAsN8n(call, result, res, staticData);
	return { result, res, answeredBeforeReturn, logs, ...answer };
}

/** A hook context for the webhook lifecycle methods, with its own static data. */
export function hookContext(
	url: string | undefined,
	staticData: IDataObject = {},
	logs: string[] = [],
	typeVersion = 1,
	options: IDataObject = {},
) {
	const context = {
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => url,
		getNode: () => ({ name: 'iP.1 SMS Trigger', typeVersion }),
		getNodeParameter: (name: string, fallback?: unknown) => (name === 'options' ? options : fallback),
		logger: logger(logs),
	};
	return { context: context as unknown as IHookFunctions, staticData, logs };
}

let counter = 0;
/** A workflow id no other test uses, so the process-wide memory of ids does not leak between tests. */
export function freshWorkflowId(): string {
	counter++;
	return `wf-${counter}-${Math.random().toString(36).slice(2)}`;
}
