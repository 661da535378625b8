import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { Ip1SmsTrigger } from '../../../nodes/Ip1SmsTrigger/Ip1SmsTrigger.node';

/** A response that records what the trigger wrote, in the order it wrote it. */
export class FakeResponse {
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
}

export interface CallResult {
	result: IWebhookResponseData;
	res: FakeResponse;
	/** the response as it was when webhook() resolved */
	answeredBeforeReturn: boolean;
	logs: string[];
}

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
	const context = {
		getNodeParameter: (name: string, fallback?: unknown) =>
			name === 'options' ? (call.options ?? fallback) : fallback,
		getRequestObject: () => req,
		getResponseObject: () => res,
		getBodyData: () => (call.body ?? {}) as IDataObject,
		getQueryData: () => ({}),
		getHeaderData: () => headers,
		getMode: () => call.mode ?? 'webhook',
		getWorkflow: () => ({ id: call.workflowId ?? 'wf-1', name: 'test', active: true }),
		getNode: () => ({
			id: call.nodeId ?? 'node-1',
			name: 'iP.1 SMS Trigger',
			type: 'n8n-nodes-ip1.ip1SmsTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getWebhookName: () => 'default',
		logger: logger(logs),
	};
	return { context: context as unknown as IWebhookFunctions, res, logs };
}

/** Runs the trigger's webhook() for one request. */
export async function callTrigger(call: CallOptions): Promise<CallResult> {
	const { context, res, logs } = webhookContext(call);
	const node = new Ip1SmsTrigger();
	const result = await node.webhook.call(context);
	return { result, res, answeredBeforeReturn: res.writes === 1, logs };
}

/** A hook context for the webhook lifecycle methods, with its own static data. */
export function hookContext(
	url: string | undefined,
	staticData: IDataObject = {},
	logs: string[] = [],
) {
	const context = {
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => url,
		getNode: () => ({ name: 'iP.1 SMS Trigger' }),
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
