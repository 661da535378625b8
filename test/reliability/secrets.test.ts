/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The API key never shows up in a node's output, its errors (message, description, context, cause, stack)
// or n8n's execution record: not on success, not on any fault, not even when the gateway echoes it back.
// (The other reliability files scan their own runs the same way; this file adds the paths where the key
// is closest to the surface: the URL call carries it in the query, and a gateway may echo requests.)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeParameters } from 'n8n-workflow';

import type { FaultKind } from '../../simulator/types';
import { ACCOUNT, startGateway, type Gateway } from '../integration/node/gateway';
import { LeakWatch, secretForms } from './leaks';
import { recordFigures } from './report';

const FAULTS: FaultKind[] = ['delay', 'resetBefore', 'resetAfter', 'http500', 'http503', 'malformedXml', 'emptyBody', 'truncatedBody'];
const watch = new LeakWatch(ACCOUNT.key);
let echoRuns = 0;
let echoLeaks = 0;
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(100, 1)]);

const sms = (extra: INodeParameters = {}, options: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	to: '46701234567',
	from: 'Alarm',
	message: 'Fire',
	...extra,
	options: { timeout: 1000, ...options },
});

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway({ accounts: [{ ...ACCOUNT, balance: 100_000 }] });
});
afterAll(async () => {
	await gw.sim.stop();
	recordFigures('secrets', {
		cases: watch.runs + echoRuns,
		failed: watch.hits.length + echoLeaks,
		leakingRuns: echoLeaks,
		keyScans: watch.runs + echoRuns,
		keyHits: watch.hits.length + echoLeaks,
		forms: secretForms(ACCOUNT.key).length,
		notes: `${watch.runs + echoRuns} node runs of this file searched in ${secretForms(ACCOUNT.key).length} forms of the key (as is, XML-escaped, percent-encoded, base64); runs that leaked it: ${watch.hits.length + echoLeaks}`,
	});
});

describe('the API key never leaks', () => {
	it('finds the key in every form it takes (the search itself works)', () => {
		const forms = secretForms(ACCOUNT.key);
		expect(forms).toEqual(expect.arrayContaining([ACCOUNT.key, 'k3y-Secret-%F6%DF%26%3Cx%3E', 'k3y-Secret-öß&amp;&lt;x&gt;']));
		const probe = new LeakWatch(ACCOUNT.key);
		probe.scan({ items: [], outputs: [], runData: { resultData: { runData: {} } } as any, nodeName: 'x', error: Object.assign(new Error('x'), { cause: { config: { url: '/sendsms.aspx?pass=k3y-Secret-%F6%DF%26%3Cx%3E' } } }) as any });
		expect(probe.hits).toHaveLength(2); // the percent-encoded form and the distinctive start of the key
	});

	it('on every action that succeeds', async () => {
		const sent = watch.scan(await gw.run(sms()), 'send');
		const id = sent.items[0].json.id as string;
		const bundle = watch.scan(await gw.run({ resource: 'groupSms', operation: 'send', mode: 'list', recipients: '46701234567,46701234568', from: 'Club', message: 'x' }), 'bundle');
		const mms = watch.scan(
			await gw.run({ resource: 'mms', operation: 'send', to: '46701234567', from: '46700000000', message: 'x', binaryProperties: 'data' }, { input: [{ json: {}, binary: { data: { data: png, mimeType: 'image/png' } } }] }),
			'mms',
		);
		const later = watch.scan(await gw.run(sms({ operation: 'schedule', sendAt: Math.floor(Date.now() / 1000) + 86_400 })), 'schedule');
		for (const params of [
			sms({ operation: 'sendFlash' }),
			sms({}, { transport: 'url' }),
			{ resource: 'sms', operation: 'getStatus', smsId: id },
			{ resource: 'sms', operation: 'getScheduledTime', smsId: later.items[0].json.id as string },
			{ resource: 'sms', operation: 'cancel', smsId: later.items[0].json.id as string },
			{ resource: 'groupSms', operation: 'getStatus', bundleId: bundle.items[0].json.bundleId as string },
			{ resource: 'mms', operation: 'getStatus', mmsId: mms.items[0].json.id as string },
			{ resource: 'account', operation: 'getBalance' },
			{ resource: 'statusCode', operation: 'describe', code: '22' },
		] as INodeParameters[]) {
			const result = watch.scan(await gw.run(params), String(params.operation));
			expect(result.error).toBeUndefined();
		}
		expect(watch.hits).toEqual([]);
	});

	it('on every fault of the URL call, whose query carries the key (with and without Continue On Fail)', async () => {
		for (const kind of FAULTS) {
			for (const continueOnFail of [false, true]) {
				gw.sim.reset();
				gw.sim.setFault({ kind, service: 'url', delayMs: 1300 });
				const result = watch.scan(await gw.run(sms({}, { transport: 'url' }), { continueOnFail }), `url ${kind}`);
				expect(result.error ?? result.items[0].json.error).toBeDefined();
			}
		}
		gw.sim.clearFaults();
		expect(watch.hits).toEqual([]);
	}, 60_000);

	it('when the gateway cannot be reached (the request config holds the key)', async () => {
		const closed = await new Promise<number>((resolve) => {
			const s = createServer();
			s.listen(0, '127.0.0.1', () => {
				const { port } = s.address() as AddressInfo;
				s.close(() => resolve(port));
			});
		});
		for (const params of [sms(), sms({}, { transport: 'url' }), { resource: 'account', operation: 'getBalance' }] as INodeParameters[]) {
			const result = watch.scan(await gw.run(params, { credentials: { baseUrl: `http://127.0.0.1:${closed}` } }), 'refused');
			expect(result.error?.message).toMatch(/connection refused/);
		}
		expect(watch.hits).toEqual([]);
	}, 30_000);

	it('when the credentials are wrong, and when the account ID is wrong', async () => {
		const wrong = new LeakWatch('Wr0ng-Key-ÄÖ&<y>');
		for (const credentials of [{ apiKey: 'Wr0ng-Key-ÄÖ&<y>' }, { accountId: 'ip1-99999' }]) {
			for (const params of [sms(), sms({}, { transport: 'url' }), { resource: 'account', operation: 'getBalance' }] as INodeParameters[]) {
				const result = await gw.run(params, { credentials });
				watch.scan(result, 'wrong credentials');
				wrong.scan(result, 'wrong key');
				expect(result.error?.message).toMatch(/wrong account ID or API key/);
			}
		}
		expect(wrong.hits).toEqual([]);
		expect(watch.hits).toEqual([]);
	});

	describe('against a gateway that echoes the request back', () => {
		let echo: Server;
		let baseUrl: string;
		let mode: 'fault' | 'result' | 'html500' = 'fault';
		beforeAll(async () => {
			echo = createServer((req: IncomingMessage, res: ServerResponse) => {
				const chunks: Buffer[] = [];
				req.on('data', (c: Buffer) => chunks.push(c));
				req.on('end', () => {
					const body = Buffer.concat(chunks).toString('utf8');
					const op = /<(\w+) xmlns="/.exec(body)?.[1] ?? 'sms';
					// the password element's content as sent (XML-escaped), or for the URL call the query
					const password = /<(passwd|pass)>([^<]*)<\/\1>/i.exec(body);
					const echoed = password ? password[2] : xmlEscape(req.url ?? '');
					const env = (inner: string) => `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
					if (mode === 'html500' || req.method === 'GET') {
						res.writeHead(500, { 'Content-Type': 'text/html' });
						return res.end(`<html><body>Runtime error in ${xmlEscape(req.url ?? '')}: ${echoed}</body></html>`);
					}
					if (mode === 'fault') {
						res.writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' });
						// as a server that quotes the bad value and the whole request: decoded, the fault string holds the
						// key as is and, inside the quoted request, XML-escaped
						return res.end(env(`<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Invalid password '${echoed}' in request ${xmlEscape(body)}</faultstring></soap:Fault>`));
					}
					res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
					return res.end(env(`<${op}Response xmlns="http://tempuri.org/"><${op}Result>${echoed}</${op}Result></${op}Response>`));
				});
			});
			await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
			baseUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
		});
		afterAll(async () => await new Promise<void>((resolve) => echo.close(() => resolve())));

		const ACTIONS: Array<[string, INodeParameters]> = [
			['send', sms()],
			['send (URL call)', sms({}, { transport: 'url' })],
			['group send', { resource: 'groupSms', operation: 'send', mode: 'list', recipients: '46701234567', from: 'Club', message: 'x' }],
			['status', { resource: 'sms', operation: 'getStatus', smsId: '1234' }],
			['scheduled time', { resource: 'sms', operation: 'getScheduledTime', smsId: '1234' }],
			['balance', { resource: 'account', operation: 'getBalance' }],
			['describe', { resource: 'statusCode', operation: 'describe', code: '22' }],
		];

		it.each(['fault', 'result', 'html500'] as const)('echoed as a %s: the key stays out of every output and error', async (how) => {
			mode = how;
			const echoWatch = new LeakWatch(ACCOUNT.key);
			const where: string[] = [];
			for (const [name, params] of ACTIONS) {
				for (const continueOnFail of [false, true]) {
					const result = await gw.run({ ...params, options: { timeout: 1000, ...(params.options as object) } }, { credentials: { baseUrl }, continueOnFail });
					const before = echoWatch.hits.length;
					echoWatch.scan(result, `${how} ${name}${continueOnFail ? ' (Continue On Fail)' : ''}`);
					echoRuns++;
					if (echoWatch.hits.length > before) {
						echoLeaks++;
						where.push(`${name}${continueOnFail ? ' (Continue On Fail)' : ''}: ${JSON.stringify(result.error?.message ?? result.items[0]?.json)}`);
					}
				}
			}
			expect(where).toEqual([]);
		}, 30_000);
	});

	it('the runs of this file leaked nothing', () => {
		expect(watch.runs).toBeGreaterThanOrEqual(35);
		expect(watch.hits).toEqual([]);
	});
});
