/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// A plain SOAP client for the simulator tests: axios + xml2js, independent of the node's transport.
import axios, { type AxiosResponse } from 'axios';
import { Builder, parseStringPromise, processors } from 'xml2js';

export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
export const TEMPURI = 'http://tempuri.org/';
export const SMS_PATH = '/sendSms/sendSms.asmx';
export const MMS_PATH = '/mms/mms.asmx';

export const ACCOUNT = { id: 'ip1-12345', key: 'test-api-key' };

/** A parameter value: text, or nested elements (xml2js builder objects) for recipients and files. */
export type SoapValue = string | number | Record<string, unknown> | Record<string, unknown>[];

export interface SoapCallOptions {
	path?: string;
	ns?: string;
	/** prefix the operation element instead of using a default namespace */
	prefix?: string;
	version?: '1.1' | '1.2';
	/** SOAPAction (1.1) or the action parameter (1.2); default `<ns><operation>`, null for none */
	action?: string | null;
}

export interface SoapAnswer {
	status: number;
	contentType: string;
	body: string;
	/** text of `<operation>Result` when the answer has one */
	result?: string;
	/** the parsed `<operation>Result` element (statusBundle) */
	resultNode?: unknown;
	/** the namespace the `<operation>Response` element was written in */
	responseNs?: string;
	fault?: { code: string; message: string };
	/** set when the body is not XML (an HTML error page, a broken answer) */
	parseError?: string;
}

export function buildEnvelope(operation: string, params: Record<string, SoapValue>, options: SoapCallOptions = {}): string {
	const ns = options.ns ?? TEMPURI;
	const version = options.version ?? '1.1';
	const opName = options.prefix ? `${options.prefix}:${operation}` : operation;
	const opAttrs = options.prefix ? { [`xmlns:${options.prefix}`]: ns } : ns === '' ? {} : { xmlns: ns };
	const children: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(params)) children[options.prefix ? `${options.prefix}:${k}` : k] = typeof v === 'number' ? String(v) : v;
	return new Builder({ renderOpts: { pretty: false }, xmldec: { version: '1.0', encoding: 'utf-8' } }).buildObject({
		'soap:Envelope': {
			$: { 'xmlns:soap': version === '1.1' ? SOAP11 : SOAP12 },
			'soap:Body': { [opName]: { $: opAttrs, ...children } },
		},
	});
}

export function soapHeaders(operation: string, options: SoapCallOptions = {}): Record<string, string> {
	const ns = options.ns ?? TEMPURI;
	const action = options.action === undefined ? `${ns}${operation}` : options.action;
	if ((options.version ?? '1.1') === '1.1') {
		const h: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8' };
		if (action !== null) h.SOAPAction = `"${action}"`;
		return h;
	}
	return { 'Content-Type': `application/soap+xml; charset=utf-8${action !== null ? `; action="${action}"` : ''}` };
}

/** POSTs a raw body; never throws on HTTP status. */
export async function postRaw(baseUrl: string, path: string, body: string, headers: Record<string, string>): Promise<AxiosResponse<string>> {
	return axios.post(baseUrl + path, body, {
		headers,
		responseType: 'text',
		transformResponse: (d: unknown) => d,
		validateStatus: () => true,
	});
}

export async function readAnswer(operation: string, res: AxiosResponse<string>): Promise<SoapAnswer> {
	const answer: SoapAnswer = { status: res.status, contentType: String(res.headers['content-type'] ?? ''), body: res.data };
	let doc;
	try {
		doc = await parseStringPromise(res.data, { xmlns: true, explicitArray: false, tagNameProcessors: [processors.stripPrefix] });
	} catch (error) {
		answer.parseError = (error as Error).message;
		return answer;
	}
	const body = doc?.Envelope?.Body;
	if (!body) return answer;
	if (body.Fault) {
		const f = body.Fault;
		answer.fault = f.faultcode
			? { code: text(f.faultcode), message: text(f.faultstring) }
			: { code: text(f.Code.Value), message: text(f.Reason.Text) };
		return answer;
	}
	const response = body[`${operation}Response`];
	if (response) {
		answer.responseNs = response.$ns?.uri;
		const result = response[`${operation}Result`];
		answer.resultNode = result;
		answer.result = result === undefined ? undefined : text(result);
	}
	return answer;
}

export function text(node: unknown): string {
	if (typeof node === 'string') return node;
	if (node && typeof node === 'object' && typeof (node as { _?: unknown })._ === 'string') return (node as { _: string })._;
	return '';
}

/** Calls one operation and reads its answer. */
export async function soapCall(
	baseUrl: string,
	operation: string,
	params: Record<string, SoapValue>,
	options: SoapCallOptions = {},
): Promise<SoapAnswer> {
	const res = await postRaw(baseUrl, options.path ?? SMS_PATH, buildEnvelope(operation, params, options), soapHeaders(operation, options));
	return readAnswer(operation, res);
}

/** The usual sms parameters for the default account; override any of them. */
export function smsParams(overrides: Record<string, SoapValue> = {}): Record<string, SoapValue> {
	return {
		konto: ACCOUNT.id,
		passwd: ACCOUNT.key,
		till: '46701234567',
		from: 'iP1Test',
		meddelande: 'Hello from the tests',
		prio: '2',
		...overrides,
	};
}

/** Sends with `sms` (or another sending operation) and returns the result text. */
export async function send(baseUrl: string, overrides: Record<string, SoapValue> = {}, operation = 'sms'): Promise<string> {
	const a = await soapCall(baseUrl, operation, smsParams(overrides));
	if (a.status !== 200 || a.result === undefined) throw new Error(`${operation} failed: ${a.status} ${a.body}`);
	return a.result;
}

export async function result(baseUrl: string, operation: string, params: Record<string, SoapValue>, options: SoapCallOptions = {}): Promise<string> {
	const a = await soapCall(baseUrl, operation, params, options);
	if (a.status !== 200 || a.result === undefined) throw new Error(`${operation} failed: ${a.status} ${a.body}`);
	return a.result;
}

/** statusBundle rows as [id, status] pairs. */
export async function bundleStatus(baseUrl: string, bundleID: string): Promise<[string, string][]> {
	const a = await soapCall(baseUrl, 'statusBundle', { bundleID });
	const node = a.resultNode as { SmsStatus?: unknown } | string | undefined;
	if (!node || typeof node === 'string' || !node.SmsStatus) return [];
	const rows = Array.isArray(node.SmsStatus) ? node.SmsStatus : [node.SmsStatus];
	return rows.map((r: { SmsId: unknown; Status: unknown }) => [text(r.SmsId), text(r.Status)]);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

/** Polls until `check` returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, stepMs = 20): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await sleep(stepMs);
	}
}
