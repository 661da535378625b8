/**
 * The operation files' and the SOAP gateway's errors, walked as test/unit/helpers/errorTitles.test.ts
 * walks the helpers': bad input has a short one-line title naming the field (at most 68 characters,
 * 80 with the runner's " [item N]") and the how-to-fix in its description; the gateway's own errors
 * (a status code, an odd answer, an HTTP failure, an action of the other API) have a title within
 * 80 characters that carries no SOAP operation name, and a description. No request leaves the test:
 * the HTTP failures come from a stand-in for n8n's request helper.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { readDirection } from '../../../nodes/Ip1Sms/v2/actions/conversation/getMessages.rest';
import { readPaging } from '../../../nodes/Ip1Sms/shared/paging';
import { templateFieldName } from '../../../nodes/Ip1Sms/shared/soap/bundleSend';
import { checkRestId, checkSoapId } from '../../../nodes/Ip1Sms/shared/ids';
import { missingField, sizeError } from '../../../nodes/Ip1Sms/v1/actions/mms/send.operation';
import { checkMessage, readPriority } from '../../../nodes/Ip1Sms/shared/params';
import { notAvailable } from '../../../nodes/Ip1Sms/v2/router';
import { checkStatusCode } from '../../../nodes/Ip1Sms/v1/actions/statusCode/describe.operation';
import type { Ip1Credentials } from '../../../nodes/Ip1Sms/gateway/soap/credentials';
import { soapCall, urlCall } from '../../../nodes/Ip1Sms/gateway/soap/request';
import { expectCode, expectDone, expectId, gatewayRejection } from '../../../nodes/Ip1Sms/gateway/soap/results';
import { assertSoapText } from '../../../nodes/Ip1Sms/gateway/soap/soapEnvelope';
import { KNOWN_STATUS_CODES } from '../../../nodes/Ip1Sms/gateway/soap/statusCodes';
import type { Ip1InputError } from '../../../nodes/Ip1Sms/helpers/errors';
import { asInputError } from '../../../nodes/Ip1Sms/helpers/itemRunner';
import { ip1SmsVersion } from '../../support/nodeVersions';
import { thrownInputError as thrown, type InputErrorCase as Case } from '../helpers/inputErrorOf';

const MAX_TITLE = 80;
const ITEM_TITLE = 68;
const node: INode = { id: 'n', name: 'iP.1 SMS', type: 'n8n-nodes-ip1.ip1Sms', typeVersion: 2, position: [0, 0], parameters: {} };
const LONG = 'x'.repeat(500);
/** The SOAP operations and the URL call: none of them belongs in a title. */
const WIRE_NAMES = /\b(smsAt|flashSms|smsBundle|smsBundleAt|cancelSms|cancelBundle|statusBundle|tidpunkt|beskrivning|balans|sendMMS)\b|sendsms\.aspx/;

/** An IExecuteFunctions for readers: `params` are the item's parameter values, as written (no expressions). */
function readerCtx(params: IDataObject): IExecuteFunctions {
	const missing = (fallback: unknown) => fallback;
	return {
		getNode: () => node,
		getNodeInputs: () => [{ type: 'main' }],
		isToolExecution: () => false,
		getInputData: () => [{ json: {} }],
		getNodeParameter: (name: string, _i: number, fallback: unknown) => (name in params ? params[name] : missing(fallback)),
	} as unknown as IExecuteFunctions;
}

const cases: Case[] = [];
const add = (what: string, field: string, fn: () => unknown) => cases.push({ what, field, error: thrown(fn) });

// Message: empty, a character the request cannot carry (at many positions), over SMS Parts
for (const text of ['', ' ', '\n\t ']) add(`empty ${JSON.stringify(text)}`, 'Message', () => checkMessage(text, {}));
const badCharacters = ['\u0000', '\u0007', '\u001b', '\ud800', '\udc00', '\ufffe', '\uffff'];
for (const bad of badCharacters) {
	for (const before of [0, 1, 9, 99, 999, 1999, 9999]) {
		const text = 'a'.repeat(before) + bad + 'b';
		add(`Message ${JSON.stringify(bad)} at ${before + 1}`, 'Message', () => checkMessage(text, {}));
		for (const key of ['{name}', '{first_name}', '%customer_number%', `{${LONG}}`, '']) {
			const field = templateFieldName(key);
			add(`${field} ${JSON.stringify(bad)} at ${before + 1}`, 'Template Field', () => assertSoapText(text, field));
		}
	}
}
// 160 a part and 70 a part are more than either set's part, so these always need more than `max` parts
for (const max of [1, 2, 3, 9, 10]) {
	for (const extra of [1, 50, 700]) {
		const gsm = 160 * max + extra;
		add(`GSM ${gsm} over ${max}`, 'Message', () => checkMessage('x'.repeat(gsm), { maxSegments: max }));
		const ucs2 = 70 * max + extra;
		add(`emoji text ${ucs2} over ${max}`, 'Message', () => checkMessage('😀' + 'x'.repeat(ucs2 - 2), { maxSegments: max }));
	}
}
for (const priority of [0, 4, -1, 2.5, 'high', 'Normal', LONG, {}, '']) {
	add(`Priority ${String(priority).slice(0, 20)}`, 'Priority', () => readPriority({ priority }));
}
// ids: SOAP (numbers of 1000 or more) and REST (letters and digits)
const badIds = ['', '  ', 'abc', '22', '0', '999', '12 34', '1e5', '-5', '12.5', '１２３４', LONG, `${LONG}1`, 'not an id!', '5bc86b6e85c7209830f9693/'];
for (const field of ['SMS ID', 'MMS ID', 'Bundle ID', 'Batch ID']) {
	for (const value of badIds) add(`SOAP ${field} ${JSON.stringify(value.slice(0, 20))}`, field, () => checkSoapId(value, field));
}
for (const field of ['Batch ID', 'Message ID']) {
	for (const value of ['', '  ', 'not an id!', 'a b', '😀', 'x'.repeat(65), LONG, '5bc86b6e85c7209830f9693/']) {
		add(`REST ${field} ${JSON.stringify(value.slice(0, 20))}`, field, () => checkRestId(value, field));
	}
}
for (const code of ['', 'abc', '1000', '-1', '22x', LONG, '1 2']) add(`Status Code ${JSON.stringify(code.slice(0, 20))}`, 'Status Code', () => checkStatusCode(code));
for (const returnAll of ['yes', 'true', 1, LONG, null]) {
	add(`Return All ${String(returnAll).slice(0, 20)}`, 'Return All', () => readPaging(readerCtx({ returnAll }), 0));
}
for (const limit of ['', 0, -1, 2.5, 'ten', LONG]) {
	add(`Limit ${String(limit).slice(0, 20)}`, 'Limit', () => readPaging(readerCtx({ returnAll: false, limit }), 0));
}
for (const direction of ['sideways', 'In', 'ALL', '', LONG, 3]) {
	add(`Direction ${String(direction).slice(0, 20)}`, 'Direction', () => readDirection(readerCtx({ direction }), 0));
}
for (const bytes of [300 * 1024 + 1, 1024 * 1024, 99_999 * 1024]) add(`MMS of ${bytes} bytes`, 'Input Binary Fields', () => { throw sizeError(bytes); });
for (const name of ['attachment', 'data ', LONG, 'ÅÄÖ 😀']) {
	for (const present of [[], ['data'], Array.from({ length: 40 }, (_, k) => `file${k}`)]) {
		add(`MMS field ${name.slice(0, 20)} (${present.length} present)`, 'Input Binary Fields', () => { throw missingField(name, present); });
	}
}

describe('error titles of bad input in the operations', () => {
	it('every generated bad input is refused', () => {
		expect(cases.filter((c) => c.error === undefined).map((c) => c.what)).toEqual([]);
		expect(cases.length).toBeGreaterThan(400);
	});

	const ctx = { getNode: () => node } as unknown as IExecuteFunctions;
	it.each(cases.filter((c) => c.error).map((c) => [c.what, c] as const))('%s', (_what, { field, error }) => {
		expect((error as Ip1InputError).message.length).toBeLessThanOrEqual(ITEM_TITLE);
		const { message, description } = asInputError(ctx, error, 1234) as NodeOperationError;
		expect(message).toMatch(/ \[item 1234\]$/);
		expect(message.length).toBeLessThanOrEqual(MAX_TITLE);
		expect(message).not.toMatch(/[\r\n]/);
		expect(message).toContain(field);
		expect((description as string).trim().length).toBeGreaterThan(10);
	});
});

function expectGatewayTitle(error: NodeApiError | NodeOperationError): void {
	expect(error.message.length).toBeLessThanOrEqual(MAX_TITLE);
	expect(error.message).not.toMatch(/[\r\n]/);
	expect(error.message).not.toMatch(WIRE_NAMES);
	expect((error.description ?? '').trim().length).toBeGreaterThan(10);
}

describe('error titles of SOAP status codes and odd answers', () => {
	const ctx = { getNode: () => node } as unknown as IExecuteFunctions;
	const codes = [...new Set([...KNOWN_STATUS_CODES, 0, 1, 101, 110, 998, 999])];
	const id = '9'.repeat(10); // SOAP ids count up from 1000
	const actions = [undefined, `could not cancel SMS ${id}`, `could not cancel bundle ${id}`, `has no status for bundle ${id}`, 'refused the balance request'];
	it.each(codes.flatMap((code) => (['sms', 'mms'] as const).flatMap((table) => actions.map((action) => [code, table, action ?? 'a send'] as const))))(
		'code %i (%s) on %s',
		(code, table, action) => {
			const error = gatewayRejection(ctx, code, table, 0, action === 'a send' ? undefined : action);
			expectGatewayTitle(error);
			expect(error.message).toContain(`(code ${code})`);
		},
	);

	it('code 110 says what to do on a send and on a cancel; the output keeps the manual\'s status', () => {
		const send = gatewayRejection(ctx, 110, 'sms', 0);
		expect([send.message, send.description]).toEqual([
			'iP.1 rejected the message: a value was refused (code 110)',
			'iP.1 refused a value in the request: check From (3–11 letters or digits, or a phone number), the phone numbers and the message.',
		]);
		expect(send.context.gateway).toEqual({ code: 110, status: 'Parameter error', description: send.description });
		const cancel = gatewayRejection(ctx, 110, 'sms', 0, 'could not cancel SMS 12345');
		expect([cancel.message, cancel.description]).toEqual([
			'iP.1 could not cancel SMS 12345: nothing to cancel (code 110)',
			'It was sent or cancelled already, or the ID is wrong. Check it with Get Status.',
		]);
		expect((cancel.context.gateway as IDataObject).status).toBe('Parameter error');
	});

	const oddAnswers = ['', 'OK', 'Error', '1234.5', '-1', '12 34', `<html>${LONG}</html>`, '１２', 'null'];
	it.each(oddAnswers)('an answer %j that is neither an ID nor a code', (text) => {
		const shown = text.length > 60 ? `"${text.slice(0, 59)}…"` : `"${text}"`;
		for (const fn of [
			() => expectId(ctx, text, 'sms', 0),
			() => expectId(ctx, text, 'mms', 0),
			() => expectDone(ctx, text, `bundle ${id}`, 0),
			() => expectCode(ctx, text, 0),
		]) {
			let error: NodeApiError | undefined;
			try {
				fn();
			} catch (e) {
				error = e as NodeApiError;
			}
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error?.message).toBe('iP.1 gave an answer that is neither an ID nor a status code');
			expect(error?.description).toMatch(new RegExp(`^It answered ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. .{10,}`));
			expectGatewayTitle(error as NodeApiError);
		}
	});
});

describe('error titles of SOAP requests that fail (no network: a stand-in answers)', () => {
	const creds: Ip1Credentials = { accountId: 'ip1-1', apiKey: 'sekret-key-123', baseUrl: 'https://web.smscom.se', soapNamespace: 'http://tempuri.org/' };
	const ctxAnswering = (answer: () => unknown): IExecuteFunctions =>
		({ getNode: () => node, helpers: { httpRequestWithAuthentication: async () => answer() } }) as unknown as IExecuteFunctions;
	const failure = async (ctx: IExecuteFunctions, url: boolean): Promise<NodeApiError> => {
		try {
			if (url) await urlCall.call(ctx, creds, 'acc=ip1-1', { itemIndex: 0, repeatable: false });
			else await soapCall.call(ctx, creds, 'sms', 'smsBundle', [{ name: 'till', text: '46701234567' }], { itemIndex: 0, repeatable: false });
		} catch (error) {
			return error as NodeApiError;
		}
		throw new Error('expected the call to fail');
	};
	const soapFault =
		'<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
		'<faultcode>soap:Server</faultcode><faultstring>Server was unable to process request (sekret-key-123).</faultstring></soap:Fault></soap:Body></soap:Envelope>';
	const answers: Array<[string, () => unknown]> = [
		['HTTP 500 with a SOAP fault', () => ({ statusCode: 500, statusMessage: 'Internal Server Error', body: soapFault })],
		['HTTP 503', () => ({ statusCode: 503, statusMessage: 'Service Unavailable', body: '' })],
		['HTTP 502 with a long status text', () => ({ statusCode: 502, statusMessage: `Bad Gateway ${LONG}`, body: 'x' })],
		['HTTP 404', () => ({ statusCode: 404, body: '' })],
		['HTTP 301 elsewhere', () => ({ statusCode: 301, statusMessage: 'Moved Permanently', headers: { location: 'https://other.example/x?Passwd=sekret-key-123' }, body: '' })],
		['HTTP 200, empty', () => ({ statusCode: 200, body: '' })],
		['HTTP 200, not XML', () => ({ statusCode: 200, body: `<html>${LONG}` })],
		['a timeout', () => Promise.reject(Object.assign(new Error('timeout of 1000ms exceeded'), { code: 'ECONNABORTED' }))],
		['a cut connection', () => Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))],
	];
	it.each(answers.flatMap(([what, answer]) => [[what, answer, false] as const, [what, answer, true] as const]))(
		'%s (URL call: %s)',
		async (_what, answer, url) => {
			const error = await failure(ctxAnswering(answer), url);
			expect(error).toBeInstanceOf(NodeApiError);
			expectGatewayTitle(error);
			expect(`${error.message} ${error.description}`).not.toContain('sekret-key-123');
			// the call is named in the description
			expect(error.description).toContain(url ? 'sendsms.aspx' : 'smsBundle');
		},
	);

	it('an HTTP failure: status in the title, the SOAP fault and the advice in the description', async () => {
		const error = await failure(ctxAnswering(answers[0][1]), false);
		expect(error.message).toBe('iP.1 answered with HTTP 500 Internal Server Error');
		expect(error.description).toBe(
			'SOAP fault soap:Server: Server was unable to process request (***). The message may have reached iP.1. It was not sent again, so that nobody gets it twice: check Get Status or the iP.1 portal before you run it again. (smsBundle)',
		);
	});
});

describe('error titles of an action the chosen API does not have', () => {
	const nodeV2 = ip1SmsVersion(2);
	const properties = nodeV2.description.properties;
	const resources = properties.filter((p) => p.name === 'resource').flatMap((p) => (p.options ?? []).map((o) => String((o as { value: string }).value)));
	const pairs = [...new Set(resources)].flatMap((resource) =>
		properties
			.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource))
			.flatMap((p) => (p.options ?? []).map((o) => [resource, String((o as { value: string }).value)] as const)),
	);
	it.each(pairs.flatMap(([resource, operation]) => (['rest', 'soap'] as const).map((api) => [resource, operation, api] as const)))(
		'%s → %s with %s',
		(resource, operation, api) => {
			const error = notAvailable(node, properties, resource, operation, api);
			expectGatewayTitle(error);
			expect(error.message).toMatch(/^[A-Z][\w ]* → [A-Z][\w ]* is not available with the (REST API|SOAP web service)$/); // display names, not values
		},
	);

	it('the node run refuses it so, before any request', async () => {
		const parameters: IDataObject = { api: 'soap', resource: 'conversation', operation: 'getSummary' };
		const ctx = {
			getNode: () => node,
			getInputData: () => [{ json: {} }],
			getNodeParameter: (name: string) => parameters[name],
			getCredentials: async () => ({ accountId: 'ip1-1', apiKey: 'key', baseUrl: 'https://web.smscom.se' }),
			helpers: { httpRequestWithAuthentication: async () => Promise.reject(new Error('no request expected')) },
		} as unknown as IExecuteFunctions;
		await expect(nodeV2.execute!.call(ctx)).rejects.toMatchObject({
			message: 'Conversation → Get Summary is not available with the SOAP web service',
			description: 'Choose API → REST API V2, or another action.',
		});
	});

	it('names the action as the editor shows it', () => {
		const error = notAvailable(node, properties, 'sms', 'getScheduledTime', 'rest');
		expect([error.message, error.description]).toEqual([
			'SMS → Get Scheduled Time is not available with the REST API',
			'Choose API → SOAP Web Service (Legacy), or another action.',
		]);
		expect(pairs.length).toBeGreaterThan(20);
	});
});
