// A stand-in for n8n's request helper: answers each request from a script and records what was
// asked. Failures are thrown the way n8n-core throws them (a NodeApiError around the network error).
import { NodeApiError, type IExecuteFunctions, type IHttpRequestOptions, type INode } from 'n8n-workflow';

import { createRestGateway } from '../../../../nodes/Ip1Sms/gateway/rest';
import type { Ip1RestGateway } from '../../../../nodes/Ip1Sms/gateway/types';

export const KEY = 'sk_live-Öpen&<key>"x';
export const BASE = 'https://api.example.test';

export type Answer =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| { network: string; message?: string };

export interface Recorded {
	method: string;
	url: URL;
	headers: Record<string, string>;
	body?: unknown;
	timeout?: number;
}

export const node: INode = {
	id: 'node-1',
	name: 'iP.1 SMS',
	type: 'n8n-nodes-ip1.ip1Sms',
	typeVersion: 2,
	position: [0, 0],
	parameters: {},
	credentials: { ip1SmsRestApi: { id: 'cred-1', name: 'iP.1 REST' } },
};

export interface Stub {
	gateway: Ip1RestGateway;
	calls: Recorded[];
	/** Pauses the client asked for, in ms (never waited for). */
	pauses: number[];
}

/** A gateway on a scripted helper: `answer` gets each request and its number (0-based). */
export async function stubGateway(
	answer: (req: Recorded, n: number) => Answer,
	credentials: Record<string, unknown> = { apiKey: KEY, baseUrl: BASE },
): Promise<Stub> {
	const calls: Recorded[] = [];
	const pauses: number[] = [];
	const httpRequestWithAuthentication = async function (type: string, options: IHttpRequestOptions) {
		if (type !== 'ip1SmsRestApi') throw new Error(`unexpected credential type ${type}`);
		const headers = { ...(options.headers as Record<string, string>), Authorization: `Bearer ${String(credentials.apiKey)}` };
		const recorded: Recorded = {
			method: String(options.method),
			url: new URL(options.url),
			headers,
			body: typeof options.body === 'string' ? JSON.parse(options.body) : options.body,
			timeout: options.timeout,
		};
		calls.push(recorded);
		const a = answer(recorded, calls.length - 1);
		if ('network' in a) {
			const error = Object.assign(new Error(a.message ?? `connect ${a.network}`), { code: a.network, config: { headers } });
			throw new NodeApiError(node, error as never);
		}
		const body = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
		return { statusCode: a.status, statusMessage: '', headers: a.headers ?? {}, body };
	};
	const ctx = {
		getNode: () => node,
		getCredentials: async () => credentials,
		helpers: { httpRequestWithAuthentication },
	} as unknown as IExecuteFunctions;
	const gateway = await createRestGateway(ctx, { sleep: async (ms) => void pauses.push(ms) });
	return { gateway, calls, pauses };
}

export const opts = { itemIndex: 3, timeout: 5000 };

/** A send to one recipient. */
export const oneRecipient = {
	sender: 'iP1',
	text: 'Hej',
	recipients: [{ to: '46701234567', itemIndex: 0 }],
	type: 'sms' as const,
	priority: 1,
};

/** Everything an error shows, for secret checks. */
export function shown(error: unknown): string {
	const e = error as { message?: string; description?: string; messages?: string[] };
	return JSON.stringify({ message: e.message, description: e.description, messages: e.messages, all: error });
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
	try {
		await promise;
	} catch (error) {
		return error as Record<string, unknown> & Error;
	}
	throw new Error('expected a rejection, got a result');
}
