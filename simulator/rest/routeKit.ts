/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// What route files beside api.ts (templates.ts, contacts.ts) use of the REST API: its routes, settings, store and answers.
import type { Reply } from '../reply';
import type { RestAccount, RestStore } from './store';
import type { RestRequest } from './api';
import type { RestSettings } from './types';

export interface RouteContext {
	owner: RestAccount;
	params: string[];
	query: URLSearchParams;
	req: RestRequest;
	now: number;
}

export interface RouteKit {
	route(method: string, path: string, handler: (c: RouteContext) => Reply): void;
	settings(): RestSettings;
	store: RestStore;
	paged<T>(c: RouteContext, items: T[], render: (item: T) => unknown): Reply;
	invalid(errors: Record<string, string[]>): Reply;
	notFound(what: string): Reply;
	problem(status: number, title: string, extra?: { detail?: string }): Reply;
}

/** A JSON request body: the value, or the 400 to answer. */
export function readJsonBody(kit: RouteKit, c: RouteContext): { value: unknown } | { reply: Reply } {
	if (!/^application\/([a-z.+-]*\+)?json\b/i.test(c.req.contentType)) return { reply: kit.problem(415, 'Unsupported Media Type', { detail: 'Send application/json.' }) };
	const text = c.req.body.toString('utf8').replace(/^\uFEFF/, '');
	if (text.trim() === '') return { reply: kit.invalid({ '': ['A non-empty request body is required.'] }) };
	try {
		return { value: JSON.parse(text) };
	} catch (error) {
		return { reply: kit.invalid({ $: [`The JSON value could not be read: ${(error as Error).message}`] }) };
	}
}
