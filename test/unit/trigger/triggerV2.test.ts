import type { IDataObject } from 'n8n-workflow';

import { Ip1SmsTrigger, WEBHOOK_PATH } from '../../../nodes/Ip1SmsTrigger/Ip1SmsTrigger.node';
import { MAX_BODY_BYTES } from '../../../nodes/Ip1SmsTrigger/rest/request';
import {
	callTrigger,
	freshWorkflowId,
	hookContext,
	webhookContext,
	type CallOptions,
} from './webhookContext';

const base = `/webhook/3f1c0e52-8a8e-4a51-9a43-1f7d2d3b0c11/${WEBHOOK_PATH}`;
let next = 0;
const hexId = () => (0x5bcf4324ee47dee41a000000n + BigInt(next++)).toString(16).padStart(24, '0');

const incomingDoc = (id = hexId(), to = '46709876543') => ({
	id,
	batchId: '5bc86b6e85c7209830f96936',
	sender: '46701234567',
	recipient: to,
	body: 'Hej',
	direction: 'mo',
	segments: 1,
	created: '2026-11-30T10:00:04Z',
});
const reportDoc = (id = hexId(), code = 201) => ({
	messageId: id,
	batchId: '5bc86b6e85c7209830f96936',
	recipient: '46701234567',
	code,
	created: '2026-11-30T10:00:05Z',
	reference: 'order-1',
});

function json(doc: unknown): Pick<CallOptions, 'method' | 'contentType' | 'rawBody' | 'body'> {
	const text = JSON.stringify(doc);
	return {
		method: 'POST',
		contentType: 'application/json',
		rawBody: new TextEncoder().encode(text),
		body: doc,
	};
}

function rest(
	doc: unknown,
	extra: Partial<CallOptions> = {},
	events: string[] = ['incomingSms', 'deliveryReport'],
): CallOptions {
	return {
		url: base,
		typeVersion: 2,
		parameters: { api: 'rest', events },
		workflowId: extra.workflowId ?? freshWorkflowId(),
		...json(doc),
		...extra,
	};
}

describe('iP.1 SMS Trigger v2, REST API', () => {
	it('an incoming SMS starts one execution, answered 200 OK by n8n once it is recorded', async () => {
		const doc = incomingDoc();
		const call = await callTrigger(rest(doc));
		expect([call.status, call.body, call.started, call.answeredBeforeReturn]).toEqual([200, 'OK', true, false]);
		expect(call.result.workflowData?.[0][0].json).toMatchObject({ event: 'incomingSms', messageId: doc.id, text: 'Hej' });
	});

	it('a delivery report starts one execution with its state and reference', async () => {
		const call = await callTrigger(rest(reportDoc(undefined, 202)));
		expect(call.started).toBe(true);
		expect(call.result.workflowData?.[0][0].json).toMatchObject({ event: 'deliveryReport', statusCode: 202, status: 'Expired', state: 'expired', reference: 'order-1' });
	});

	it.each([
		['incomingSms', reportDoc()],
		['deliveryReport', incomingDoc()],
	])('with only %s selected, the other event is acknowledged and starts nothing', async (event, doc) => {
		const call = await callTrigger(rest(doc, {}, [event]));
		expect([call.status, call.body, call.started]).toEqual([200, 'OK', false]);
	});

	it('repeats start nothing: an incoming SMS by message id, a report by message id and code', async () => {
		const workflowId = freshWorkflowId();
		const id = hexId();
		const runs = [];
		for (const doc of [incomingDoc(id), incomingDoc(id), reportDoc(id, 113), reportDoc(id, 113), reportDoc(id, 201), { ...reportDoc(id, 201), messageId: undefined, id }]) {
			runs.push((await callTrigger(rest(doc, { workflowId }))).started);
		}
		expect(runs).toEqual([true, false, true, false, true, false]);
	});

	it.each([
		['a form body', { contentType: 'application/x-www-form-urlencoded', rawBody: new TextEncoder().encode('id=1') }, 415],
		['XML', { contentType: 'application/xml', rawBody: new TextEncoder().encode('<a/>') }, 415],
		['broken JSON', { rawBody: new TextEncoder().encode('{"id": ') }, 400],
		['bytes that are not UTF-8', { rawBody: Uint8Array.from([0x7b, 0xff, 0x7d]) }, 400],
		['an empty body', { rawBody: new Uint8Array(0), body: {} }, 400],
		['a JSON array', json([incomingDoc()]), 400],
		['a document of no known event', json({ hello: 'world' }), 400],
		['a GET', { method: 'GET', rawBody: undefined }, 405],
		['a body over the size limit', { rawBody: new Uint8Array(MAX_BODY_BYTES + 1).fill(0x20) }, 413],
	])('answers %s with %s and starts nothing', async (_what, overrides, status) => {
		const call = await callTrigger({ ...rest(incomingDoc()), ...overrides } as CallOptions);
		expect([call.status, call.started]).toEqual([status, false]);
		expect(call.body).not.toBe('OK');
	});

	it('reads a JSON body without a content type, or as text/plain (iP.1 documents none)', async () => {
		for (const contentType of [undefined, 'text/plain; charset=utf-8', 'application/vnd.ip1+json']) {
			const call = await callTrigger({ ...rest(incomingDoc()), contentType });
			expect(call.started).toBe(true);
		}
	});

	it('checks the secret in the URL of a REST call: 401 without it, accepted with it', async () => {
		const options = { secret: 'räksmörgås-42' };
		const doc = incomingDoc();
		const wrong = await callTrigger(rest(doc, { options, url: `${base}?secret=nope` }));
		const missing = await callTrigger(rest(doc, { options }));
		expect([wrong.status, missing.status, wrong.started, missing.started]).toEqual([401, 401, false, false]);
		const right = await callTrigger(rest(doc, { options, url: `${base}?secret=r%C3%A4ksm%C3%B6rg%C3%A5s-42` }));
		expect([right.status, right.started]).toEqual([200, true]);
	});

	it('takes only incoming SMS to the Receiving Numbers; delivery reports are not filtered', async () => {
		const options = { receivingNumbers: '+46 70-987 65 43, 0044 7700 900123' };
		const taken = await callTrigger(rest(incomingDoc(undefined, '447700900123'), { options }));
		const other = await callTrigger(rest(incomingDoc(undefined, '46700000000'), { options }));
		const report = await callTrigger(rest(reportDoc(), { options }));
		expect([taken.started, other.started, other.status, report.started]).toEqual([true, false, 200, true]);
	});
});

describe('iP.1 SMS Trigger v2, SOAP callback', () => {
	it('gives the common output (messageId) and answers OK once recorded', async () => {
		const call = await callTrigger({
			url: `${base}?incsmsid=77&sender=46701234567&text=p%E5&to=46709876543`,
			typeVersion: 2,
			parameters: { api: 'soap' },
			workflowId: freshWorkflowId(),
		});
		expect([call.status, call.body, call.started]).toEqual([200, 'OK', true]);
		expect(call.result.workflowData?.[0][0].json).toMatchObject({ event: 'incomingSms', messageId: '77', text: 'på' });
	});
});

describe('iP.1 SMS Trigger v2, Receiving Numbers', () => {
	const node = new Ip1SmsTrigger();
	const url = 'https://n8n.example.com/webhook/abc/ip1-sms';
	const publish = async (receivingNumbers: string) =>
		await node.webhookMethods.default.create.call(hookContext(url, {}, [], 2, { receivingNumbers } as IDataObject).context);

	it('publishing refuses a national number (a leading 0 is no country) with the fix in the description', async () => {
		await expect(publish('46709876543, 0701234567')).rejects.toMatchObject({
			message: 'Receiving Numbers: "0701234567" has no country code',
			description: expect.stringContaining('46701234567'),
		});
	});

	it('publishing refuses a number with the national (0), which read as a digit is another number', async () => {
		await expect(publish('+46 (0)70-987 65 43')).rejects.toMatchObject({
			message: 'Receiving Numbers: "+46 (0)70-987 65 43" has a (0) in it',
			description: 'Leave out the (0), which is dialled only within the country: write +46 70-987 65 43.',
		});
	});

	it.each([['07012'], ['abc'], ['+1 234'], ['0000701234567']])('publishing refuses %s', async (entry) => {
		await expect(publish(entry)).rejects.toThrow(/^Receiving Numbers: /);
	});

	it('publishing accepts international numbers in any usual writing', async () => {
		await expect(publish('+46 70-987 65 43; 0044 (7700) 900.123\n4915112345678')).resolves.toBe(true);
	});

	it('version 1 keeps reading a leading 0 as Sweden and publishes as before', async () => {
		const v1 = hookContext(url, {}, [], 1, { receivingNumbers: '0701234567' });
		await expect(node.webhookMethods.default.create.call(v1.context)).resolves.toBe(true);
		const call = await callTrigger({
			url: `${base}?incsmsid=88&sender=1&to=46701234567`,
			options: { receivingNumbers: '0701234567' },
			workflowId: freshWorkflowId(),
		});
		expect(call.started).toBe(true);
	});

	it('a list that cannot be read at call time makes n8n answer an error (iP.1 retries), never OK', async () => {
		const { context } = webhookContext({ ...rest(incomingDoc()), options: { receivingNumbers: '070123' } });
		await expect(node.webhook.call(context)).rejects.toThrow(/Receiving Numbers/);
	});
});
