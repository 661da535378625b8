/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The benchmark's workflows, built here so that each variant differs only where it should: every run
// workflow is Bench Input (Webhook, POST, answers when the last node is done) → One Item Per Row
// (Split Out of body.items) → the measured node. Triggers are workflows of one node.
import { FLOOR_SEND_TYPE, FLOOR_TRIGGER_TYPE } from './floor';
import { stableUuid } from './ids';

export type Api = 'rest' | 'soap';

export const CREDENTIALS = {
	soap: { id: 'ip1BenchCred', name: 'iP.1 SMS (bench simulator)', type: 'ip1SmsApi' },
	rest: { id: 'ip1BenchRestCred', name: 'iP.1 SMS REST (bench simulator)', type: 'ip1SmsRestApi' },
	mms: { id: 'ip1BenchMmsCred', name: 'iP.1 SMS (bench MMS end)', type: 'ip1SmsApi' },
} as const;

/** What the REST simulator takes as a sender on any account; the SOAP one takes any. */
export const SENDER: Record<Api, string> = { rest: 'iP1', soap: 'Bench' };
export const GROUP_MESSAGE = 'Hej {name}! Din order {order} är på väg.';

const credential = (c: { id: string; name: string; type: string }) => ({ [c.type]: { id: c.id, name: c.name } });

function node(name: string, type: string, typeVersion: number, x: number, parameters: any, extra: any = {}) {
	return { id: stableUuid(`${name}:${type}:${x}`), name, type, typeVersion, position: [x, 0], parameters, ...extra };
}

/** Bench Input → One Item Per Row → `last`. */
export function itemsWorkflow(id: string, path: string, last: any): any {
	return {
		id,
		name: `bench: ${path}`,
		nodes: [
			node('Bench Input', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'noData', options: {} }, { webhookId: stableUuid(`hook:${id}`) }),
			node('One Item Per Row', 'n8n-nodes-base.splitOut', 1, 220, { fieldToSplitOut: 'body.items', options: {} }),
			{ ...last, position: [440, 0] },
		],
		connections: {
			'Bench Input': { main: [[{ node: 'One Item Per Row', type: 'main', index: 0 }]] },
			'One Item Per Row': { main: [[{ node: last.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The node each variant measures; its name is what the run checks the items of. */
export const MEASURED = { ours: 'iP.1 SMS', oursNoIds: 'iP.1 SMS', floor: 'Bench Floor Send', floorNoReadBack: 'Bench Floor Send', http: 'HTTP Request', httpRead: 'HTTP Read Message IDs', noop: 'No Operation' } as const;

/** REST's send option Read Message IDs: on (the default, no option set) or off; the suffix tells the workflows apart. */
const readIds = (on: boolean) => (on ? { suffix: '', options: {} } : { suffix: '-no-ids', options: { readMessageIds: false } });

/** SMS → Send, one recipient per item, every option at its default (Parallel Requests 10); REST optionally with Read Message IDs off. */
export function oursSends(api: Api, readMessageIds = true) {
	const { suffix, options } = readIds(readMessageIds);
	return itemsWorkflow(`benchSendsOurs${api}${suffix}`, `bench-sends-ours-${api}${suffix}`, node(MEASURED.ours, 'n8n-nodes-ip1.ip1Sms', 2, 440,
		{ api, resource: 'sms', operation: 'send', to: '={{ $json.to }}', from: SENDER[api], message: '={{ $json.message }}', options },
		{ credentials: credential(CREDENTIALS[api]) }));
}

/** The floor node making the same requests, 10 in flight as the node's default. */
export function floorSends(api: Api, readBack = true) {
	const suffix = readBack ? '' : '-no-read-back';
	return itemsWorkflow(`benchSendsFloor${api}${suffix}`, `bench-sends-floor-${api}${suffix}`, node(MEASURED.floor, FLOOR_SEND_TYPE, 1, 440, { api, parallel: 10, readBack }, { credentials: credential(CREDENTIALS[api]) }));
}

/** n8n's HTTP Request node (4.2, default options) posting the same JSON (REST) or envelope (SOAP). */
export function httpSends(api: Api, simulatorUrl: string) {
	const parameters =
		api === 'rest'
			? {
					method: 'POST',
					url: `${simulatorUrl}/v2/batches`,
					sendHeaders: true,
					headerParameters: { parameters: [{ name: 'Authorization', value: 'Bearer bench-key-rest' }] },
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ sender: '${SENDER.rest}', recipients: [$json.to], body: $json.message, type: 'sms', datacoding: 'gsm', priority: 1 }) }}`,
					options: {},
				}
			: {
					method: 'POST',
					url: `${simulatorUrl}/sendSms/sendSms.asmx`,
					sendHeaders: true,
					headerParameters: { parameters: [{ name: 'SOAPAction', value: '"http://tempuri.org/sms"' }] },
					sendBody: true,
					contentType: 'raw',
					rawContentType: 'text/xml; charset=utf-8',
					body: '=<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><sms xmlns="http://tempuri.org/"><konto>ip1-bench</konto><passwd>bench-key</passwd><till>{{ $json.to }}</till><from>Bench</from><meddelande>{{ $json.message }}</meddelande><prio>1</prio></sms></soap:Body></soap:Envelope>',
					options: {},
				};
	return itemsWorkflow(`benchSendsHttp${api}`, `bench-sends-http-${api}`, node(MEASURED.http, 'n8n-nodes-base.httpRequest', 4.2, 440, parameters));
}

/**
 * REST: the HTTP Request node posting the same JSON, then a second HTTP Request node reading each
 * batch's messages (`GET /v2/batches/{id}/messages`, one message per batch, so one item each): the
 * same two requests per send as the iP.1 node at its default (Read Message IDs on).
 */
export function httpSendsAndRead(simulatorUrl: string) {
	const workflow = itemsWorkflow('benchSendsHttprestRead', 'bench-sends-http-rest-read', { ...httpSends('rest', simulatorUrl).nodes[2] });
	const auth = { sendHeaders: true, headerParameters: { parameters: [{ name: 'Authorization', value: 'Bearer bench-key-rest' }] } };
	const read = node(MEASURED.httpRead, 'n8n-nodes-base.httpRequest', 4.2, 660, { method: 'GET', url: `=${simulatorUrl}/v2/batches/{{ $json.id }}/messages`, ...auth, options: {} });
	workflow.nodes.push(read);
	workflow.connections[MEASURED.http] = { main: [[{ node: read.name, type: 'main', index: 0 }]] };
	return workflow;
}

/** Combine Input Items with {name} and {order}: REST Batch → Send (optionally with Read Message IDs off), SOAP Group SMS → Send. */
export function oursCombine(api: Api, name = '', readMessageIds = true) {
	const { suffix: idsSuffix, options } = readIds(readMessageIds);
	const suffix = `${name}${idsSuffix}`;
	const parameters =
		api === 'rest'
			? { api, resource: 'batch', operation: 'send', mode: 'combine', to: '={{ $json.to }}', from: SENDER.rest, message: GROUP_MESSAGE, templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }, { key: 'order', value: '={{ $json.order }}' }] }, options }
			: { api, resource: 'groupSms', operation: 'send', mode: 'combine', to: '={{ $json.to }}', from: SENDER.soap, message: GROUP_MESSAGE, templateFields: { field: [{ key: '{name}', value: '={{ $json.name }}' }, { key: '{order}', value: '={{ $json.order }}' }] }, options: {} };
	return itemsWorkflow(`benchCombine${api}${suffix}`, `bench-combine-${api}${suffix}`, node(MEASURED.ours, 'n8n-nodes-ip1.ip1Sms', 2, 440, parameters, { credentials: credential(CREDENTIALS[api]) }));
}

/** The same items into a No Operation node: the memory baseline. */
export function noopItems(suffix: string) {
	return itemsWorkflow(`benchNoop${suffix}`, `bench-noop-${suffix}`, node(MEASURED.noop, 'n8n-nodes-base.noOp', 1, 440, {}));
}

export type TriggerSide = 'ours' | 'floor' | 'core';

/** A workflow of one trigger. The webhook URL path is returned with it. */
export function triggerWorkflow(side: TriggerSide, api: Api): { workflow: any; path: string } {
	const hook = stableUuid(`trigger:${side}:${api}`);
	const id = `benchTrigger${side}${api}`;
	const one = (n: any) => ({ id, name: `bench: incoming SMS, ${side}, ${api}`, nodes: [n], connections: {}, settings: { executionOrder: 'v1' } });
	if (side === 'core') {
		const path = `bench-core-${api}`;
		return { workflow: one(node('Webhook', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: api === 'rest' ? 'POST' : 'GET', path, responseMode: 'onReceived', options: {} }, { webhookId: hook })), path };
	}
	const n =
		side === 'ours'
			? node('iP.1 SMS Trigger', 'n8n-nodes-ip1.ip1SmsTrigger', 2, 0, { api, events: ['incomingSms'], options: {} }, { webhookId: hook })
			: node('Bench Floor Trigger', FLOOR_TRIGGER_TYPE, 2, 0, {}, { webhookId: hook });
	return { workflow: one(n), path: `${hook}/ip1-sms` };
}

/** The iP.1 number a Send and Wait SMS is sent from and replies come to (registered as a REST sender on the bench account). */
export const WAIT_NUMBER = '46700000077';

/**
 * Send and Wait against its floor: each workflow is Ask (Webhook, POST, answers on receipt) → the waiting node
 * → After (No Operation). Ours: SMS → Send and Wait for Response (Approval). Floor: Resume URL (Edit Fields,
 * `$execution.resumeUrl`, signed as n8n makes it) → n8n's Wait node (Resume: On Webhook Call, POST). The
 * replies' workflow: the iP.1 SMS Trigger (REST, Resume Waiting Executions on).
 */
export function sendAndWaitWorkflows(): { ours: any; floor: any; replies: { workflow: any; path: string } } {
	const ask = (id: string, path: string, waiting: any[]) => {
		const nodes = [
			node('Ask', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path, options: {} }, { webhookId: stableUuid(`hook:${id}`) }),
			...waiting.map((n, i) => ({ ...n, position: [220 * (i + 1), 0] })),
			node('After', 'n8n-nodes-base.noOp', 1, 220 * (waiting.length + 1), {}),
		];
		const connections = Object.fromEntries(nodes.slice(0, -1).map((n, i) => [n.name, { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }]));
		return { id, name: `bench: send and wait, ${path}`, nodes, connections, settings: { executionOrder: 'v1' } };
	};
	const ours = ask('benchSawOurs', 'bench-saw-ours', [
		node('Send and Wait', 'n8n-nodes-ip1.ip1Sms', 2, 220, { api: 'rest', resource: 'sms', operation: 'sendAndWait', to: '={{ $json.body.to }}', from: WAIT_NUMBER, message: 'Can you come tomorrow at 10?' }, { credentials: credential(CREDENTIALS.rest), webhookId: stableUuid('saw:ours') }),
	]);
	const floor = ask('benchSawFloor', 'bench-saw-floor', [
		node('Resume URL', 'n8n-nodes-base.set', 3.4, 220, { assignments: { assignments: [{ id: stableUuid('saw:resumeUrl'), name: 'resumeUrl', value: '={{ $execution.resumeUrl }}', type: 'string' }] }, options: {} }),
		node('Wait', 'n8n-nodes-base.wait', 1.1, 440, { resume: 'webhook', httpMethod: 'POST', options: {} }, { webhookId: stableUuid('saw:wait') }),
	]);
	const hook = stableUuid('saw:replies');
	const trigger = node('iP.1 SMS Trigger', 'n8n-nodes-ip1.ip1SmsTrigger', 2, 0, { api: 'rest', events: ['incomingSms'], resumeWaiting: true, options: {} }, { webhookId: hook, credentials: credential(CREDENTIALS.rest) });
	const replies = { id: 'benchSawReplies', name: 'bench: send and wait, replies', nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' } };
	return { ours, floor, replies: { workflow: replies, path: `${hook}/ip1-sms` } };
}
