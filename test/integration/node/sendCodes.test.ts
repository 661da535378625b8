/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Every status code of appendix A (SMS) and B (MMS) as the answer to a send, from a stub gateway that
// answers whatever code the test asks for: refusals are rejections with the manual's text, any other
// code below 1000 is never taken for an id nor for a refusal (the message may exist).
import { createServer, type Server } from 'node:http';

import { items, startGateway, type Gateway } from './gateway';

const APPENDIX_A: Array<[number, string | null]> = [
	[0, null], [1, 'wrong account ID or API key'], [2, 'Invalid message content'], [3, 'Invalid phone number format'],
	[4, 'Insufficient funds'], [10, null], [11, null], [12, null], [21, null], [22, null], [30, 'Insufficient funds'],
	[41, 'Invalid message content'], [42, null], [43, null], [50, null], [51, null], [52, null],
	[100, 'Insufficient funds'], [101, 'wrong account ID or API key'], [110, 'a value was refused'],
];
const APPENDIX_B: Array<[number, string | null]> = [
	[0, null], [1, 'wrong account ID or API key'], [2, 'Invalid message content'], [3, 'Invalid phone number format'],
	[4, 'Insufficient funds'], [11, null], [21, null], [22, null], [30, 'Insufficient funds'], [41, 'Invalid message content'],
	[42, null], [44, null], [45, null], [50, null],
];

let gw: Gateway;
let stub: Server;
let stubUrl: string;
let answer = '0';

beforeAll(async () => {
	gw = await startGateway();
	stub = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c)).on('end', () => {
			const op = /<(\w+) xmlns=/.exec(body)?.[1];
			if (!op) {
				res.writeHead(200, { 'Content-Type': 'text/html' }).end(answer); // the URL call
				return;
			}
			res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
			res.end(`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${op}Response xmlns="http://tempuri.org/"><${op}Result>${answer}</${op}Result></${op}Response></soap:Body></soap:Envelope>`);
		});
	});
	await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
	stubUrl = `http://127.0.0.1:${(stub.address() as { port: number }).port}`;
});
afterAll(async () => {
	await gw.sim.stop();
	stub.close();
});

const sms = { resource: 'sms', operation: 'send', to: '46701234567', from: 'Shop', message: 'x' };
const mms = { resource: 'mms', operation: 'send', to: '46701234567', from: '46700000000', message: 'x', binaryProperties: 'data' };
const file = [{ json: {}, binary: { data: { data: Buffer.from('png'), mimeType: 'image/png', fileName: 'a.png' } } }];

describe.each([
	['SMS → Send (SOAP)', sms, items({}), APPENDIX_A],
	['SMS → Send (URL call)', { ...sms, options: { transport: 'url' } }, items({}), APPENDIX_A],
	['MMS → Send', mms, file, APPENDIX_B],
] as const)('%s answered with a status code', (_name, params, input, table) => {
	it.each(table)('code %i', async (code, refusal) => {
		answer = String(code);
		const result = await gw.run(params as any, { input: input as any, credentials: { baseUrl: stubUrl }, continueOnFail: true });
		const json = result.items[0].json;
		expect(json.id).toBeUndefined();
		if (refusal) {
			expect(json.error).toBe(`iP.1 rejected the message: ${refusal} (code ${code})`);
			expect(json.code).toBe(code);
			if (code === 110) {
				expect(json.description).toBe(
					'iP.1 refused a value in the request: check From (3–11 letters or digits, or a phone number), the phone numbers and the message.',
				);
				expect(json.status).toBe('Parameter error'); // the output keeps the manual's status name
			}
		} else {
			expect(json.error).toBe('iP.1 gave an answer that is neither an ID nor a status code');
			expect(json.description).toBe(
				`It answered "${code}". The message may have reached iP.1. It was not sent again, so that nobody gets it twice: check Get Status or the iP.1 portal before you run it again.`,
			);
		}
	});

	it('an id of 1000 or more is the success, as a string', async () => {
		answer = '9007199254740993'; // above 2^53: never read as a float
		const result = await gw.run(params as any, { input: input as any, credentials: { baseUrl: stubUrl } });
		expect(result.items[0].json.id).toBe('9007199254740993');
	});
});
