/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Every fault the simulator can play (simulator/faults.ts) on every REST action, once each:
// - reads are retried and give the same output as without the fault;
// - changes (register, remove, add) and sends are never repeated once they may have reached iP.1
//   (the simulator's request log and state show one request, one change); what surely did not reach
//   it is reported as not done; every failure is a short, clear error with the how-to in its description.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FAULT_KINDS } from '../../../../simulator/faults';
import type { FaultKind } from '../../../../simulator/types';
import { REST_KEY, postBatch, startRestGateway, type RestGateway } from './restGateway';
import type { RunNodeResult } from '../../../support/n8nCore';

jest.setTimeout(120_000);

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway();
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => {
	gw.sim.reset();
	gw.sim.clearFaults();
});

/** The kinds a request/answer can suffer (webhookStatus is about webhooks the simulator sends, not about actions). */
const KINDS = FAULT_KINDS.filter((k) => k !== 'webhookStatus') as Array<Exclude<FaultKind, 'webhookStatus'>>;
const TIMEOUT_MS = 1000;
const DELAY_MS = 1600;
const ANNA = '46701234567';
const ACCOUNT = 'ip1-12345';

/** Where the fault hits: a method and a path pattern of the simulator (`*` = one segment), and the route's name in its log. */
interface Target {
	method: string;
	path: string;
	route: string;
}

interface ReadAction extends Target {
	name: string;
	/** creates what the read will find */
	setup?: () => Promise<void>;
	parameters: INodeParameters | (() => INodeParameters);
}
const paramsOf = (p: INodeParameters | (() => INodeParameters)): INodeParameters => (typeof p === 'function' ? p() : p);

interface ChangeAction extends Target {
	name: string;
	setup?: () => Promise<void>;
	parameters: INodeParameters | (() => INodeParameters);
	/** whether the change is in the simulator's state */
	applied(): boolean;
}

const withTimeout = (p: INodeParameters): INodeParameters => ({ ...p, options: { timeout: TIMEOUT_MS } });
const conversationData = async () => {
	await postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA], body: 'Hej' });
	await postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA, '46709876543'], body: 'Hej igen' });
};
const senders = () => gw.sim.state().rest.senders[ACCOUNT] ?? [];
const blacklist = () => gw.sim.state().rest.blacklist[ACCOUNT] ?? [];
async function blacklistNumbers(): Promise<void> {
	for (const n of ['46705550001', '46705550002', '46705550003']) {
		const response = await fetch(`${gw.sim.url}/v2/blacklist/${n}`, { method: 'PUT', headers: { authorization: `Bearer ${REST_KEY}` } });
		if (!response.ok) throw new Error(`PUT blacklist: ${response.status}`);
	}
}

const READS: ReadAction[] = [
	{
		name: 'Conversation → Get Messages',
		setup: conversationData,
		parameters: { resource: 'conversation', operation: 'getMessages', phoneNumber: ANNA, direction: 'all', returnAll: true },
		method: 'GET',
		path: '/v2/conversations/*',
		route: 'GET /v2/conversations/{participant}',
	},
	{
		name: 'Conversation → Get Summary',
		setup: conversationData,
		parameters: { resource: 'conversation', operation: 'getSummary', phoneNumber: ANNA },
		method: 'GET',
		path: '/v2/conversations/*/summary',
		route: 'GET /v2/conversations/{participant}/summary',
	},
	{
		name: 'Sender → Get Many',
		parameters: { resource: 'sender', operation: 'getAll' },
		method: 'GET',
		path: '/v2/me/senders',
		route: 'GET /v2/me/senders',
	},
	{
		name: 'Blacklist → Get Many',
		setup: blacklistNumbers,
		parameters: { resource: 'blacklist', operation: 'getAll', returnAll: false, limit: 2 },
		method: 'GET',
		path: '/v2/blacklist',
		route: 'GET /v2/blacklist',
	},
];

/** A batch to read: two recipients, made before the read (ids known only then, hence parameters as a function). */
let made: { batchId: string; messageId: string } = { batchId: '', messageId: '' };
async function makeBatch(scheduled = false): Promise<void> {
	const opens = new Date(Date.now() + 86400_000).toISOString();
	const doc = await postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA, '46709876543'], body: 'Hej', ...(scheduled ? { deliveryWindows: [{ opens }] } : {}) });
	const batchId = String(doc.id);
	made = { batchId, messageId: gw.sim.state().rest.messages.find((m) => m.batchId === batchId)!.id };
}

const OTHER_READS: Array<Omit<ReadAction, 'parameters'> & { parameters: () => INodeParameters }> = [
	{
		name: 'SMS → Get Status',
		setup: makeBatch,
		parameters: () => ({ resource: 'sms', operation: 'getStatus', batchId: made.batchId, messageId: made.messageId }),
		method: 'GET',
		path: '/v2/batches/*/messages/*',
		route: 'GET /v2/batches/{id}/messages/{messageId}',
	},
	{
		name: 'Batch → Get',
		setup: makeBatch,
		parameters: () => ({ resource: 'batch', operation: 'get', batchId: made.batchId }),
		method: 'GET',
		path: '/v2/batches/*',
		route: 'GET /v2/batches/{id}',
	},
	{
		name: 'Batch → Get Many',
		setup: makeBatch,
		parameters: () => ({ resource: 'batch', operation: 'getAll', returnAll: true }),
		method: 'GET',
		path: '/v2/batches',
		route: 'GET /v2/batches',
	},
	{
		name: 'Batch → Get Messages',
		setup: makeBatch,
		parameters: () => ({ resource: 'batch', operation: 'getMessages', batchId: made.batchId, returnAll: true }),
		method: 'GET',
		path: '/v2/batches/*/messages',
		route: 'GET /v2/batches/{id}/messages',
	},
	{
		name: 'Account → Get Balance',
		parameters: () => ({ resource: 'account', operation: 'getBalance' }),
		method: 'GET',
		path: '/api/me',
		route: 'GET /api/me',
	},
];

const CHANGES: ChangeAction[] = [
	{
		name: 'Sender → Register',
		parameters: { resource: 'sender', operation: 'register', sender: 'Acme' },
		applied: () => senders().includes('Acme'),
		method: 'PUT',
		path: '/v2/me/senders/*',
		route: 'PUT /v2/me/senders/{sender}',
	},
	{
		name: 'Sender → Remove',
		parameters: { resource: 'sender', operation: 'remove', sender: 'iP1sms' },
		applied: () => !senders().includes('iP1sms'),
		method: 'DELETE',
		path: '/v2/me/senders/*',
		route: 'DELETE /v2/me/senders/{sender}',
	},
	{
		name: 'Blacklist → Add',
		parameters: { resource: 'blacklist', operation: 'add', phoneNumber: '46709999999' },
		applied: () => blacklist().includes('46709999999'),
		method: 'PUT',
		path: '/v2/blacklist/*',
		route: 'PUT /v2/blacklist/{msisdn}',
	},
	...(['sms', 'batch'] as const).map(
		(resource): ChangeAction => ({
			name: `${resource === 'sms' ? 'SMS' : 'Batch'} → Cancel`,
			setup: () => makeBatch(true),
			parameters: () => ({ resource, operation: 'cancel', batchId: made.batchId }),
			applied: () => gw.sim.state().rest.messages.filter((m) => m.batchId === made.batchId).every((m) => m.status === 203),
			method: 'DELETE',
			path: '/v2/batches/*',
			route: 'DELETE /v2/batches/{id}',
		}),
	),
	{
		name: 'Blacklist → Remove',
		setup: blacklistNumbers,
		parameters: { resource: 'blacklist', operation: 'remove', phoneNumber: '46705550002' },
		applied: () => !blacklist().includes('46705550002'),
		method: 'DELETE',
		path: '/v2/blacklist/*',
		route: 'DELETE /v2/blacklist/{msisdn}',
	},
];

function setFault(kind: FaultKind, target: Target): void {
	gw.sim.setFault({ kind, service: 'rest', method: target.method, path: target.path, count: 1, ...(kind === 'delay' ? { delayMs: DELAY_MS } : {}) });
}

/** A short title, the how-to in the description, and never the API key. */
function expectClearError(result: RunNodeResult): void {
	const error = result.error!;
	expect(error).toBeDefined();
	expect(error.message).toMatch(/iP\.1/);
	expect(error.message).not.toMatch(/\n/);
	expect(error.message.length).toBeLessThan(160);
	expect(String(error.description ?? '').length).toBeGreaterThan(20);
	expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain(REST_KEY);
}

/** Waits until a delayed request the node gave up on has been answered (it arrives late at the simulator). */
const settle = () => new Promise((resolve) => setTimeout(resolve, DELAY_MS - TIMEOUT_MS + 300));

const outputs = (result: RunNodeResult): IDataObject[] => result.items.map((i) => i.json);

describe.each([...READS, ...OTHER_READS].map((a) => [a.name, a as ReadAction] as const))('%s (read)', (_, action) => {
	it.each(KINDS)('%s: retried, same output as without the fault', async (kind) => {
		await action.setup?.();
		const clean = await gw.run(withTimeout(paramsOf(action.parameters)));
		expect(clean.error).toBeUndefined();
		const before = gw.attempts(action.route);
		setFault(kind, action);
		const faulted = await gw.run(withTimeout(paramsOf(action.parameters)));
		expect(faulted.error).toBeUndefined();
		expect(outputs(faulted)).toEqual(outputs(clean));
		expect(gw.attempts(action.route) - before).toBe(2);
	});

	it('a fault that persists ends, after three tries, in a clear error', async () => {
		await action.setup?.();
		gw.sim.setFault({ kind: 'http503', service: 'rest', method: action.method, path: action.path });
		const result = await gw.run(withTimeout(paramsOf(action.parameters)));
		expectClearError(result);
		expect(result.error!.message).toMatch(/HTTP 503/);
		expect(gw.attempts(action.route)).toBe(3);
	});
});

/** What each fault means for a change: whether iP.1 did it, and so what the node must say. */
const CHANGE_OUTCOME: Record<(typeof KINDS)[number], 'notDone' | 'unknown' | 'doneUnknown' | 'doneAnswered'> = {
	// the node gives up waiting: it cannot know (the simulator drops a request whose caller has gone; iP.1 may not)
	delay: 'unknown',
	resetBefore: 'notDone',
	resetAfter: 'doneUnknown',
	http500: 'notDone',
	http503: 'notDone',
	malformedXml: 'doneAnswered', // a 200 whose body cannot be read: done, and the node says so
	emptyBody: 'doneAnswered',
	truncatedBody: 'doneUnknown',
};

describe.each(CHANGES.map((a) => [a.name, a] as const))('%s (change)', (_, action) => {
	it.each(KINDS)('%s: never repeated, the outcome reported as it is', async (kind) => {
		await action.setup?.();
		expect(action.applied()).toBe(false);
		setFault(kind, action);
		const result = await gw.run(withTimeout(paramsOf(action.parameters)));
		if (kind === 'delay') await settle();
		expect(gw.attempts(action.route)).toBe(1);
		const outcome = CHANGE_OUTCOME[kind];
		if (outcome !== 'unknown') expect(action.applied()).toBe(outcome !== 'notDone');
		if (outcome === 'doneAnswered') {
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
		} else {
			expectClearError(result);
			if (outcome === 'doneUnknown' || outcome === 'unknown') expect(result.error!.description).toMatch(/may have reached iP\.1.*not repeated/);
		}
	});
});

/** The sends: one request carries the messages; whatever the fault, it is made once and no recipient gets two. */
const SENDS: Array<{ name: string; parameters: INodeParameters; recipients: number }> = [
	{ name: 'SMS → Send', parameters: { resource: 'sms', operation: 'send', to: ANNA, from: 'iP1', message: 'Hej' }, recipients: 1 },
	{
		name: 'SMS → Schedule',
		parameters: { resource: 'sms', operation: 'schedule', to: ANNA, from: 'iP1', message: 'Hej', sendAt: new Date(Date.now() + 86400_000).toISOString() },
		recipients: 1,
	},
	{ name: 'Batch → Send', parameters: { resource: 'batch', operation: 'send', mode: 'list', recipients: `${ANNA}, 46709876543`, from: 'iP1', message: 'Hej' }, recipients: 2 },
	{
		name: 'Batch → Schedule',
		parameters: { resource: 'batch', operation: 'schedule', mode: 'list', recipients: `${ANNA}, 46709876543`, from: 'iP1', message: 'Hej', sendAt: new Date(Date.now() + 86400_000).toISOString() },
		recipients: 2,
	},
];
const SEND_POST = { method: 'POST', path: '/v2/batches', route: 'POST /v2/batches' };
/** Whether iP.1 (the simulator) took the messages in, by fault. */
const SEND_TAKEN: Record<(typeof KINDS)[number], boolean | 'unknown'> = {
	delay: 'unknown',
	resetBefore: false,
	resetAfter: true,
	http500: false,
	http503: false,
	malformedXml: true,
	emptyBody: true,
	truncatedBody: true,
};

describe.each(SENDS.map((a) => [a.name, a] as const))('%s (send)', (_, action) => {
	it.each(KINDS)('%s: one request, no recipient gets two, a clear outcome', async (kind) => {
		setFault(kind, SEND_POST);
		const result = await gw.run(withTimeout(action.parameters));
		if (kind === 'delay') await settle();
		expect(gw.attempts(SEND_POST.route)).toBe(1);
		const { messages, batches } = gw.sim.state().rest;
		expect(batches.length).toBeLessThanOrEqual(1);
		expect(new Set(messages.map((m) => m.recipient)).size).toBe(messages.length);
		const taken = SEND_TAKEN[kind];
		if (taken !== 'unknown') expect(messages).toHaveLength(taken ? action.recipients : 0);
		if (result.error) {
			expectClearError(result);
			if (taken !== false) expect(result.error.description).toMatch(/may have reached iP\.1.*not sent again/);
		} else {
			// a success names the batch iP.1 really made
			expect(taken).toBe(true);
			expect(result.items[0].json.batchId).toBe(batches[0].id);
		}
	});
});

describe('429 Too Many Requests (the rate-limit switch): refused, so retried after Retry-After', () => {
	afterEach(() => gw.sim.setRest({ rateLimit: null }));

	it('a change refused with 429 is retried and done once', async () => {
		gw.sim.setRest({ rateLimit: { requests: 1, perMs: 2000 } });
		await fetch(`${gw.sim.url}/v2/me/senders`, { headers: { authorization: `Bearer ${REST_KEY}` } }); // uses up the window
		const result = await gw.run(withTimeout({ resource: 'blacklist', operation: 'add', phoneNumber: '46709999999' }));
		expect(result.error).toBeUndefined();
		expect(blacklist()).toEqual(['46709999999']);
		expect(gw.attempts('PUT /v2/blacklist/{msisdn}')).toBeGreaterThanOrEqual(2);
	});

	it('a read refused with 429 is retried and succeeds', async () => {
		gw.sim.setRest({ rateLimit: { requests: 1, perMs: 2000 } });
		await fetch(`${gw.sim.url}/v2/blacklist`, { headers: { authorization: `Bearer ${REST_KEY}` } });
		const result = await gw.run(withTimeout({ resource: 'sender', operation: 'getAll' }));
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.sender).sort()).toEqual(['iP1', 'iP1sms']);
		expect(gw.attempts('GET /v2/me/senders')).toBeGreaterThanOrEqual(2);
	});
});
