/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The floor: a bare Node client making the same SOAP calls as the node (same envelope bytes, from the
// node's own envelope writer), over keep-alive connections, `parallel` requests in flight at once.
import http from 'node:http';

import { buildSoapEnvelope, soapAction, type XmlNode } from '../nodes/Ip1Sms/gateway/soap/soapEnvelope';

export interface RawAccount {
	baseUrl: string;
	accountId: string;
	apiKey: string;
	namespace?: string;
}

export interface RawRunResult {
	ms: number;
	calls: number;
	connections: number;
}

export interface RawCall {
	operation: string;
	params: XmlNode[];
}

/** One `sms` call per recipient, as the node's SMS → Send does it. */
export function smsCalls(account: RawAccount, recipients: Array<{ to: string; message: string }>, from: string): RawCall[] {
	return recipients.map((r) => ({
		operation: 'sms',
		params: [
			{ name: 'konto', text: account.accountId },
			{ name: 'passwd', text: account.apiKey },
			{ name: 'till', text: r.to },
			{ name: 'from', text: from },
			{ name: 'meddelande', text: r.message },
			{ name: 'prio', text: '1' },
		],
	}));
}

/** The `smsBundle` calls of Group SMS → Send in Combine mode with template fields: `perRequest` recipients per call. */
export function templatedBundleCalls(
	account: RawAccount,
	recipients: Array<{ to: string; fields: Array<[string, string]> }>,
	from: string,
	message: string,
	perRequest = 500,
): RawCall[] {
	const calls: RawCall[] = [];
	for (let start = 0; start < recipients.length; start += perRequest) {
		const chunk = recipients.slice(start, start + perRequest);
		calls.push({
			operation: 'smsBundle',
			params: [
				{ name: 'konto', text: account.accountId },
				{ name: 'passwd', text: account.apiKey },
				{ name: 'till', text: '' },
				{ name: 'from', text: from },
				{ name: 'meddelande', text: message },
				{ name: 'prio', text: '1' },
				{
					name: 'recipients',
					children: chunk.map((r) => ({
						name: 'Recipient',
						children: [
							{ name: 'Number', text: r.to },
							{
								name: 'Parameters',
								children: r.fields.map(([key, value]) => ({
									name: 'TemplateField',
									children: [
										{ name: 'Key', text: key },
										{ name: 'Value', text: value },
									],
								})),
							},
						],
					})),
				},
			],
		});
	}
	return calls;
}

/** Makes the calls, `parallel` at a time over keep-alive sockets (or a new connection per call with keepAlive: false); every answer must carry a numeric id. */
export async function runRawCalls(account: RawAccount, calls: RawCall[], parallel: number, opts: { keepAlive?: boolean } = {}): Promise<RawRunResult> {
	const namespace = account.namespace ?? 'http://tempuri.org/';
	const url = new URL('/sendSms/sendSms.asmx', account.baseUrl);
	const agent = new http.Agent({ keepAlive: opts.keepAlive ?? true, maxSockets: parallel });
	let connections = 0;
	const started = performance.now();
	let next = 0;
	const one = (call: RawCall) =>
		new Promise<void>((resolve, reject) => {
			const body = buildSoapEnvelope(call.operation, namespace, call.params);
			const req = http.request(
				url,
				{
					method: 'POST',
					agent,
					headers: {
						'Content-Type': 'text/xml; charset=utf-8',
						SOAPAction: soapAction(call.operation, namespace),
						'Content-Length': Buffer.byteLength(body),
					},
				},
				(res) => {
					let text = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => (text += chunk));
					res.on('end', () => {
						if (res.statusCode === 200 && new RegExp(`<${call.operation}Result>\\d{4,}</`).test(text)) resolve();
						else reject(new Error(`raw ${call.operation}: HTTP ${res.statusCode} ${text.slice(0, 300)}`));
					});
				},
			);
			req.on('socket', (socket) => {
				if (!(socket as { benchSeen?: boolean }).benchSeen) {
					(socket as { benchSeen?: boolean }).benchSeen = true;
					connections++;
				}
			});
			req.on('error', reject);
			req.end(body);
		});
	const worker = async () => {
		while (next < calls.length) await one(calls[next++]);
	};
	try {
		await Promise.all(Array.from({ length: Math.min(parallel, calls.length) }, worker));
		return { ms: performance.now() - started, calls: calls.length, connections };
	} finally {
		agent.destroy();
	}
}
