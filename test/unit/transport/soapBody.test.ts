/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The SOAP request body with files: one Buffer with the files' base64 written in place (buildSoapBody), byte
// for byte the UTF-8 of the envelope text with the base64 as element text, for any file size around the
// pieces it is written in, and what the SOAP gateway hands n8n's request helper for an MMS.
import { randomBytes } from 'node:crypto';

import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Parser } from 'xml2js';

import { createSoapGateway } from '../../../nodes/Ip1Sms/gateway/soap/soapGateway';
import { buildSoapBody, buildSoapEnvelope, type XmlNode } from '../../../nodes/Ip1Sms/gateway/soap/soapEnvelope';

const NS = 'http://tempuri.org/';
const PIECE = 3 * 8192;

/** The same parameters with each file's base64 as ordinary element text: the envelope as it was built before. */
function asText(params: XmlNode[]): XmlNode[] {
	return params.map(({ base64, children, ...node }) => ({
		...node,
		...(base64 ? { text: Buffer.from(base64).toString('base64') } : {}),
		...(children ? { children: asText(children) } : {}),
	}));
}

const mms = (files: Array<{ name: string; data: Uint8Array }>, text = 'Hej Åsa & Bo <3 😀'): XmlNode[] => [
	{ name: 'acc', text: 'ip1-1000' },
	{ name: 'pass', text: 'k3y-Secret-öß&<x>' },
	{ name: 'msg', text },
	{
		name: 'files',
		children: files.map((f) => ({ name: 'InlineFile', children: [{ name: 'FileName', text: f.name }, { name: 'ContentType', text: 'image/jpeg' }, { name: 'Data', base64: f.data }] })),
	},
];

function xml2js(xml: string): any {
	let out: any;
	new Parser({ explicitArray: false }).parseString(xml, (error: Error | null, result: any) => {
		if (error) throw error;
		out = result;
	});
	return out;
}

describe('buildSoapBody', () => {
	it.each([0, 1, 2, 3, PIECE - 1, PIECE, PIECE + 1, 2 * PIECE + 2, 290 * 1024, 300 * 1024])('is the UTF-8 of the text envelope for a file of %i bytes', (size) => {
		const params = mms([{ name: 'a.jpg', data: randomBytes(size) }]);
		const body = buildSoapBody('sendMMS', NS, params);
		expect(Buffer.isBuffer(body)).toBe(true);
		expect((body as Buffer).equals(Buffer.from(buildSoapEnvelope('sendMMS', NS, asText(params)), 'utf8'))).toBe(true);
	});

	it('writes several files, and files that are views into a larger buffer, in their place', () => {
		const pool = randomBytes(3 * PIECE);
		const files = [
			{ name: 'a.jpg', data: pool.subarray(7, 7 + PIECE + 5) },
			{ name: 'b.txt', data: new Uint8Array(pool.buffer, pool.byteOffset + 100, 4) },
			{ name: 'c.png', data: pool.subarray(PIECE * 2 + 1) },
		];
		const params = mms(files, 'två filer\nrad två');
		const body = buildSoapBody('sendMMS', NS, params) as Buffer;
		const text = buildSoapEnvelope('sendMMS', NS, asText(params));
		expect(body.equals(Buffer.from(text, 'utf8'))).toBe(true);
		const inline = xml2js(body.toString('utf8'))['soap:Envelope']['soap:Body'].sendMMS.files.InlineFile;
		expect(inline.map((f: any) => Buffer.from(f.Data, 'base64'))).toEqual(files.map((f) => Buffer.from(f.data)));
		expect(inline.map((f: any) => f.FileName)).toEqual(['a.jpg', 'b.txt', 'c.png']);
	});

	it('is the text itself when there is no file', () => {
		const params: XmlNode[] = [{ name: 'konto', text: 'ip1-1000' }, { name: 'meddelande', text: 'Åsa & Bo' }];
		expect(buildSoapBody('sms', NS, params)).toBe(buildSoapEnvelope('sms', NS, params));
	});

	it('still refuses what XML cannot carry in the text around the files', () => {
		expect(() => buildSoapBody('sendMMS', NS, mms([{ name: 'a.jpg', data: randomBytes(10) }], 'a\u0002'))).toThrow(/^msg contains a control character/);
	});
});

describe('the SOAP gateway’s MMS request', () => {
	const node: INode = { id: 'n', name: 'iP.1 SMS', type: 'n8n-nodes-ip1.ip1Sms', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { ip1SmsApi: { id: 'c', name: 'iP.1' } } };
	const credentials = { accountId: 'ip1-1000', apiKey: 'k3y-Secret-öß&<x>', baseUrl: 'https://web.example.test', soapNamespace: NS };

	it('hands n8n’s request helper one Buffer: the envelope of the MMS, byte for byte', async () => {
		const requests: IHttpRequestOptions[] = [];
		const ctx = {
			getNode: () => node,
			getCredentials: async () => credentials,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
					requests.push(options);
					return { statusCode: 200, statusMessage: 'OK', headers: {}, body: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><sendMMSResponse xmlns="http://tempuri.org/"><sendMMSResult>4711</sendMMSResult></sendMMSResponse></soap:Body></soap:Envelope>' };
				},
			},
		} as unknown as IExecuteFunctions;
		const gateway = await createSoapGateway(ctx);
		const image = randomBytes(290 * 1024);
		const id = await gateway.sendMms({ to: '46701234567', sender: '46700000000', text: 'Bild', files: [{ fileName: 'a.jpg', mimeType: '', data: image }] }, { itemIndex: 0, timeout: 5000 });
		expect(id).toBe('4711');
		expect(requests).toHaveLength(1);
		const body = requests[0].body as Buffer;
		expect(Buffer.isBuffer(body)).toBe(true);
		const expected = buildSoapEnvelope('sendMMS', NS, [
			{ name: 'acc', text: credentials.accountId },
			{ name: 'pass', text: credentials.apiKey },
			{ name: 'msg', text: 'Bild' },
			{ name: 'to', text: '46701234567' },
			{ name: 'from', text: '46700000000' },
			{ name: 'files', children: [{ name: 'InlineFile', children: [{ name: 'FileName', text: 'a.jpg' }, { name: 'ContentType', text: 'application/octet-stream' }, { name: 'Data', text: image.toString('base64') }] }] },
		]);
		expect(body.equals(Buffer.from(expected, 'utf8'))).toBe(true);
		expect(requests[0].headers).toEqual({ 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://tempuri.org/sendMMS"' });
	});
});
