// Every simulator fault against every send action and every status action, through the node in n8n-core.
// Sends: a clear error, Continue On Fail honoured, never sent twice. Reads: retried, then a clear error.
import type { INodeParameters } from 'n8n-workflow';

import type { FaultKind, ServiceName, SimulatorState } from '../../simulator/types';
import type { HarnessItem, RunNodeResult } from '../support/n8nCore';
import { ACCOUNT, items, startGateway, type Gateway } from '../integration/node/gateway';
import { LeakWatch } from './leaks';
import { inPool } from './pool';
import { recordFigures } from './report';

const FAULTS: FaultKind[] = ['delay', 'resetBefore', 'resetAfter', 'http500', 'http503', 'malformedXml', 'emptyBody', 'truncatedBody'];
const TIMEOUT_MS = 2500; // room for a loaded machine: an answer that comes at once must never time out here
const DELAY_MS = 3500;

/** Whether the gateway did the work before the fault hit (the simulator's fault model). */
const PROCESSED: Record<FaultKind, boolean> = {
	delay: false, // the client gave up before the answer: the simulator drops a request whose client is gone
	resetBefore: false,
	resetAfter: true,
	http500: false,
	http503: false,
	malformedXml: true,
	emptyBody: true,
	truncatedBody: true,
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the error's title must say for a fault (the call is named in the description, see callNamed). */
function messageFor(kind: FaultKind, url: boolean): RegExp {
	switch (kind) {
		case 'delay':
			return new RegExp(`^iP\\.1 did not answer within ${TIMEOUT_MS} ms$`);
		case 'resetBefore':
		case 'resetAfter':
			return /^The connection to iP\.1 was cut before it answered: connection reset$/;
		case 'http500':
			return /^iP\.1 answered with HTTP 500 Internal Server Error$/;
		case 'http503':
			return /^iP\.1 answered with HTTP 503 Service Unavailable$/;
		case 'malformedXml':
			return url ? /^iP\.1 gave an answer that is neither an ID nor a status code$/ : /^iP\.1 answered with a reply that is not valid SOAP XML$/;
		case 'emptyBody':
			return /^iP\.1 answered with an empty reply$/;
		case 'truncatedBody':
			// A cut answer must never pass for an id or a rejection: the message may have been sent.
			// (A body shorter than its Content-Length may also surface as a cut connection.)
			return /^(iP\.1 answered with (a reply that is not valid SOAP XML|an empty reply)|iP\.1 gave an answer that is neither an ID nor a status code|The connection to iP\.1 was cut before it answered: .*)$/;
	}
}

/**
 * How the description names the call (SOAP operation or sendsms.aspx): at its end, with the network
 * error code after a timeout or a cut connection; a SOAP fault opens it. A cut answer that still
 * parses is shown as iP.1 answered it instead (undefined: not checked).
 */
function callNamed(kind: FaultKind, call: string, url: boolean): RegExp | undefined {
	const c = esc(call);
	// a Combine send split over several requests then says which recipients the failed request carried
	const part = '( This was the request for recipients \\d+–\\d+\\.)?$';
	if (kind === 'truncatedBody') return undefined;
	if (kind === 'http500' && !url) return new RegExp(`^SOAP fault soap:Server: [\\s\\S]*\\(${c}\\)${part}`);
	if (kind === 'delay' || kind === 'resetBefore' || kind === 'resetAfter') return new RegExp(`\\(${c}, [A-Z_]+\\)${part}`);
	return new RegExp(`\\(${c}\\)${part}`);
}

const SEND_ADVICE = /may have reached iP\.1\. It was not sent again, so that nobody gets it twice: check Get Status or the iP\.1 portal/;
const READ_ADVICE = /The gateway (or the network )?is having trouble; try again later/;

// ---- send actions ----

interface SendAction {
	name: string;
	call: string;
	service: ServiceName;
	callsKey: string;
	params: INodeParameters;
	input: HarnessItem[];
	/** per request, in order: the input items it carries and its recipients */
	requests: Array<{ items: number[]; recipients: string[] }>;
}

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(500, 3)]);
const timeout = { timeout: TIMEOUT_MS };
const future = () => Math.floor(Date.now() / 1000) + 86_400;

function singleSend(name: string, operation: string, call: string, extra: INodeParameters = {}, options: INodeParameters = {}): SendAction {
	const to = ['46701000001', '46701000002'];
	return {
		name,
		call: options.transport === 'url' ? 'sendsms.aspx' : call,
		service: options.transport === 'url' ? 'url' : 'sms',
		callsKey: options.transport === 'url' ? 'sendsms.aspx' : call,
		params: { resource: 'sms', operation, to: '={{ $json.to }}', from: 'Alarm', message: 'Fire in building B', ...extra, options: { ...timeout, parallelRequests: 1, ...options } },
		input: items(...to.map((t) => ({ to: t }))),
		requests: to.map((t, i) => ({ items: [i], recipients: [t] })),
	};
}

function groupList(name: string, operation: string, call: string, extra: INodeParameters = {}): SendAction {
	const lists = [['46702000001', '46702000002'], ['46702000003', '46702000004']];
	return {
		name,
		call,
		service: 'sms',
		callsKey: call,
		params: { resource: 'groupSms', operation, mode: 'list', recipients: '={{ $json.numbers }}', from: 'Club', message: 'Training moved to 19:00', ...extra, options: timeout },
		input: items(...lists.map((numbers) => ({ numbers }))),
		requests: lists.map((recipients, i) => ({ items: [i], recipients })),
	};
}

function groupCombine(name: string, operation: string, call: string, extra: INodeParameters = {}): SendAction {
	const to = ['46703000001', '46703000002', '46703000003', '46703000004'];
	return {
		name,
		call,
		service: 'sms',
		callsKey: call,
		params: {
			resource: 'groupSms',
			operation,
			mode: 'combine',
			to: '={{ $json.phone }}',
			from: 'Shop',
			message: 'Hej {name}, din order är skickad',
			templateFields: { field: [{ key: '{name}', value: '={{ $json.name }}' }] },
			...extra,
			options: { ...timeout, recipientsPerRequest: 2 },
		},
		input: items(...to.map((phone, i) => ({ phone, name: `Kund${i}` }))),
		requests: [
			{ items: [0, 1], recipients: to.slice(0, 2) },
			{ items: [2, 3], recipients: to.slice(2) },
		],
	};
}

const mmsSend: SendAction = {
	name: 'MMS Send',
	call: 'sendMMS',
	service: 'mms',
	callsKey: 'mms.sendMMS',
	params: { resource: 'mms', operation: 'send', to: '={{ $json.to }}', from: '46700000000', message: 'Din biljett', binaryProperties: 'data', options: timeout },
	input: ['46704000001', '46704000002'].map((to) => ({ json: { to }, binary: { data: { data: png, mimeType: 'image/png', fileName: 'ticket.png' } } })),
	requests: [
		{ items: [0], recipients: ['46704000001'] },
		{ items: [1], recipients: ['46704000002'] },
	],
};

const SEND_ACTIONS: SendAction[] = [
	singleSend('SMS Send', 'send', 'sms'),
	singleSend('SMS Send Flash', 'sendFlash', 'flashSms'),
	singleSend('SMS Schedule', 'schedule', 'smsAt', { sendAt: future() }),
	singleSend('SMS Send via URL call', 'send', 'sms', {}, { transport: 'url' }),
	groupList('Group Send (list)', 'send', 'smsBundle'),
	groupCombine('Group Send (combine)', 'send', 'smsBundle'),
	groupList('Group Schedule (list)', 'schedule', 'smsBundleAt', { sendAt: future() }),
	groupCombine('Group Schedule (combine)', 'schedule', 'smsBundleAt', { sendAt: future() }),
	mmsSend,
];

// ---- status actions ----

interface ReadAction {
	name: string;
	call: string;
	service: ServiceName;
	callsKey: string;
	/** sends what the read asks about (before any fault is set); returns the node parameters */
	setup(gw: Gateway): Promise<INodeParameters>;
}

async function firstJson(result: RunNodeResult): Promise<Record<string, unknown>> {
	if (result.error) throw result.error;
	return result.items[0].json;
}

const READ_ACTIONS: ReadAction[] = [
	{
		name: 'SMS Get Status',
		call: 'status',
		service: 'sms',
		callsKey: 'status',
		setup: async (gw) => {
			const { id } = await firstJson(await gw.run({ resource: 'sms', operation: 'send', to: '46705000001', from: 'Alarm', message: 'x' }));
			return { resource: 'sms', operation: 'getStatus', smsId: id as string, options: timeout };
		},
	},
	{
		name: 'SMS Get Scheduled Time',
		call: 'tidpunkt',
		service: 'sms',
		callsKey: 'tidpunkt',
		setup: async (gw) => {
			const { id } = await firstJson(await gw.run({ resource: 'sms', operation: 'schedule', to: '46705000001', from: 'Alarm', message: 'x', sendAt: future() }));
			return { resource: 'sms', operation: 'getScheduledTime', smsId: id as string, options: timeout };
		},
	},
	{
		name: 'Group Get Status',
		call: 'statusBundle',
		service: 'sms',
		callsKey: 'statusBundle',
		setup: async (gw) => {
			const { bundleId } = await firstJson(
				await gw.run({ resource: 'groupSms', operation: 'send', mode: 'list', recipients: '46705000001,46705000002', from: 'Club', message: 'x' }),
			);
			return { resource: 'groupSms', operation: 'getStatus', bundleId: bundleId as string, options: timeout };
		},
	},
	{
		name: 'MMS Get Status',
		call: 'status',
		service: 'mms',
		callsKey: 'mms.status',
		setup: async (gw) => {
			const { id } = await firstJson(
				await gw.run(
					{ resource: 'mms', operation: 'send', to: '46705000001', from: '46700000000', message: 'x', binaryProperties: 'data' },
					{ input: [{ json: {}, binary: { data: { data: png, mimeType: 'image/png', fileName: 'a.png' } } }] },
				),
			);
			return { resource: 'mms', operation: 'getStatus', mmsId: id as string, options: timeout };
		},
	},
	{ name: 'Get Balance', call: 'balans', service: 'sms', callsKey: 'balans', setup: async () => ({ resource: 'account', operation: 'getBalance', options: timeout }) },
	{
		name: 'Status Code Describe',
		call: 'beskrivning',
		service: 'sms',
		callsKey: 'beskrivning',
		setup: async () => ({ resource: 'statusCode', operation: 'describe', code: '22', options: timeout }),
	},
];

// ---- bookkeeping ----

const watch = new LeakWatch(ACCOUNT.key);
const totals = { runs: 0, injected: 0, lost: 0, doubled: 0, failed: 0 };
const problems: string[] = [];

function storedPerRecipient(state: SimulatorState): Map<string, number> {
	const counts = new Map<string, number>();
	for (const m of [...state.messages, ...state.mms]) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
	return counts;
}

function injected(state: SimulatorState): number {
	return state.requests.filter((r) => r.faulted !== undefined).length;
}

function check(label: string, ok: boolean, detail: unknown): void {
	if (!ok) problems.push(`${label}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
}

async function withGateway<T>(fn: (gw: Gateway) => Promise<T>): Promise<T> {
	const gw = await startGateway({ accounts: [{ ...ACCOUNT, balance: 1_000_000 }] });
	try {
		return await fn(gw);
	} finally {
		await gw.sim.stop();
	}
}

async function sendCell(action: SendAction, kind: FaultKind): Promise<void> {
	const label = `${action.name} × ${kind}`;
	const processed = PROCESSED[kind];
	const message = messageFor(kind, action.service === 'url');
	const named = callNamed(kind, action.call, action.service === 'url');
	await withGateway(async (gw) => {
		// 1. Continue On Fail: the first request is hit once, the second goes through.
		gw.sim.setFault({ kind, operation: action.call, service: action.service, count: 1, delayMs: DELAY_MS });
		const cof = watch.scan(await gw.run(action.params, { input: action.input, continueOnFail: true }), label);
		totals.runs++;
		let state = gw.sim.state();
		totals.injected += injected(state);
		check(label, cof.error === undefined, `Continue On Fail: the node failed: ${cof.error?.message}`);
		check(label, cof.items.length === action.input.length, `Continue On Fail: ${cof.items.length} items for ${action.input.length}`);
		const [hit, ok] = action.requests;
		for (const i of hit.items) {
			const json = cof.items[i]?.json ?? {};
			check(label, message.test(String(json.error)), { item: i, error: json.error, expected: String(message) });
			check(label, SEND_ADVICE.test(String(json.description)), { item: i, description: json.description });
			check(label, !named || named.test(String(json.description)), { item: i, description: json.description, expected: String(named) });
			check(label, JSON.stringify(cof.items[i]?.pairedItem) === JSON.stringify({ item: i }), { item: i, pairedItem: cof.items[i]?.pairedItem });
		}
		for (const i of ok.items) {
			const json = cof.items[i]?.json ?? {};
			check(label, json.error === undefined && (json.id ?? json.bundleId) !== undefined, { item: i, json });
		}
		check(label, state.calls[action.callsKey] === 2, `requests: ${state.calls[action.callsKey]}, expected 2 (no repeat)`);
		let counts = storedPerRecipient(state);
		const expectStored = (recipients: string[], n: number) => {
			for (const r of recipients) {
				const got = counts.get(r) ?? 0;
				if (got > 1) totals.doubled += got - 1;
				if (got < n) totals.lost += n - got;
				check(label, got === n, `recipient ${r} stored ${got}×, expected ${n}`);
			}
		};
		expectStored(hit.recipients, processed ? 1 : 0);
		expectStored(ok.recipients, 1);
		check(label, state.accepted === ok.recipients.length + (processed ? hit.recipients.length : 0), `accepted ${state.accepted}`);

		// 2. Without Continue On Fail and a lasting fault: the run fails at the first request and goes no further.
		gw.sim.reset();
		gw.sim.setFault({ kind, operation: action.call, service: action.service, delayMs: DELAY_MS });
		const failed = watch.scan(await gw.run(action.params, { input: action.input }), label);
		totals.runs++;
		state = gw.sim.state();
		totals.injected += injected(state);
		check(label, message.test(String(failed.error?.message)), { error: failed.error?.message, expected: String(message) });
		check(label, SEND_ADVICE.test(String(failed.error?.description)), { description: failed.error?.description });
		check(label, !named || named.test(String(failed.error?.description)), { description: failed.error?.description, expected: String(named) });
		check(label, failed.items.length === 0, 'items despite the failure');
		check(label, state.calls[action.callsKey] === 1, `requests: ${state.calls[action.callsKey]}, expected 1`);
		counts = storedPerRecipient(state);
		expectStored(hit.recipients, processed ? 1 : 0);
		expectStored(ok.recipients, 0);
	});
}

async function readCell(action: ReadAction, kind: FaultKind): Promise<void> {
	const label = `${action.name} × ${kind}`;
	const message = messageFor(kind, false);
	const named = callNamed(kind, action.call, false);
	await withGateway(async (gw) => {
		const params = await action.setup(gw);
		const before = gw.sim.state().calls[action.callsKey] ?? 0;

		// 1. A lasting fault: three attempts, then a clear error.
		gw.sim.setFault({ kind, operation: action.call, service: action.service, delayMs: DELAY_MS });
		const failed = watch.scan(await gw.run(params), label);
		totals.runs++;
		let state = gw.sim.state();
		totals.injected += injected(state);
		check(label, message.test(String(failed.error?.message)), { error: failed.error?.message, expected: String(message) });
		check(label, READ_ADVICE.test(String(failed.error?.description)), { description: failed.error?.description });
		check(label, !named || named.test(String(failed.error?.description)), { description: failed.error?.description, expected: String(named) });
		check(label, state.calls[action.callsKey] - before === 3, `attempts: ${state.calls[action.callsKey] - before}, expected 3`);

		// 2. Continue On Fail, two items, four faults: item 0 fails after 3 attempts, item 1 succeeds on its retry.
		gw.sim.clearFaults();
		const start = state.calls[action.callsKey];
		const startInjected = injected(state);
		gw.sim.setFault({ kind, operation: action.call, service: action.service, count: 4, delayMs: DELAY_MS });
		const cof = watch.scan(await gw.run(params, { input: items({}, {}), continueOnFail: true }), label);
		totals.runs++;
		state = gw.sim.state();
		totals.injected += injected(state) - startInjected;
		check(label, cof.error === undefined, `Continue On Fail: the node failed: ${cof.error?.message}`);
		const first = cof.items.filter((i) => JSON.stringify(i.pairedItem) === JSON.stringify({ item: 0 }));
		const second = cof.items.filter((i) => JSON.stringify(i.pairedItem) === JSON.stringify({ item: 1 }));
		check(label, first.length === 1 && message.test(String(first[0].json.error)), { item0: first.map((i) => i.json) });
		check(label, second.length >= 1 && second.every((i) => i.json.error === undefined), { item1: second.map((i) => i.json) });
		check(label, state.calls[action.callsKey] - start === 5, `attempts: ${state.calls[action.callsKey] - start}, expected 3 + 2`);
		check(label, state.accepted === (action.name.startsWith('Group') ? 2 : action.callsKey.endsWith('balans') || action.call === 'beskrivning' ? 0 : 1), `accepted ${state.accepted}: a read sent something`);
	});
}

describe('faults through the node', () => {
	afterAll(() => {
		recordFigures('faults', {
			cases: SEND_ACTIONS.length * FAULTS.length + READ_ACTIONS.length * FAULTS.length,
			injected: totals.injected,
			runs: totals.runs,
			lost: totals.lost,
			doubled: totals.doubled,
			failed: problems.length,
			keyScans: watch.runs,
			keyHits: watch.hits.length,
			notes: `${totals.injected} faulted requests in ${totals.runs} node runs; sends never repeated, reads retried (3 attempts)`,
		});
	});

	it(`sends: ${SEND_ACTIONS.length} actions × ${FAULTS.length} faults give a clear error, honour Continue On Fail and never send twice`, async () => {
		await inPool(
			12,
			SEND_ACTIONS.flatMap((a) => FAULTS.map((f) => () => sendCell(a, f))),
		);
		expect(problems).toEqual([]);
		expect(totals.doubled).toBe(0);
	}, 240_000);

	it(`reads: ${READ_ACTIONS.length} actions × ${FAULTS.length} faults are retried, then end with a clear error; Continue On Fail honoured`, async () => {
		const before = problems.length;
		await inPool(
			24,
			READ_ACTIONS.flatMap((a) => FAULTS.map((f) => () => readCell(a, f))),
		);
		expect(problems.slice(before)).toEqual([]);
	}, 240_000);

	it('leaks the API key in none of those runs', () => {
		expect(watch.runs).toBeGreaterThanOrEqual((SEND_ACTIONS.length + READ_ACTIONS.length) * FAULTS.length * 2);
		expect(watch.hits).toEqual([]);
	});
});
