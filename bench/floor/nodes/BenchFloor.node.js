/* eslint-disable */ // bench only, never shipped (bench/floor.ts packs it for the benchmark's n8n)
// The floor of a send node in n8n: the same HTTP requests as the iP.1 SMS node (SMS → Send, one
// recipient per item; REST also reads the batch's messages back, as the node does), through
// httpRequestWithAuthentication with the same request options and the credential read once, the same
// number in flight, and nothing else: no parameter reading (values straight from the item's JSON), no
// checks, no parsing beyond the batch id, one bare output item per input item.
'use strict';

const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function envelope(creds, to, message) {
	const ns = creds.soapNamespace || 'http://tempuri.org/';
	return (
		'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
		'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		`<sms xmlns="${ns}"><konto>${escapeXml(creds.accountId)}</konto><passwd>${escapeXml(creds.apiKey)}</passwd>` +
		`<till>${escapeXml(to)}</till><from>Bench</from><meddelande>${escapeXml(message)}</meddelande><prio>1</prio></sms>` +
		'</soap:Body></soap:Envelope>'
	);
}

const COMMON = { returnFullResponse: true, ignoreHttpStatusErrors: true, json: false, encoding: 'text', disableFollowRedirect: true, timeout: 30000 };

class BenchFloor {
	constructor() {
		this.description = {
			displayName: 'Bench Floor Send',
			name: 'benchFloor',
			group: ['output'],
			version: 1,
			description: 'Bench only: the same requests as the iP.1 SMS node, nothing else',
			defaults: { name: 'Bench Floor Send' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [
				{ name: 'ip1SmsRestApi', required: true, displayOptions: { show: { api: ['rest'] } } },
				{ name: 'ip1SmsApi', required: true, displayOptions: { show: { api: ['soap'] } } },
			],
			properties: [
				{ displayName: 'API', name: 'api', type: 'options', options: [{ name: 'REST', value: 'rest' }, { name: 'SOAP', value: 'soap' }], default: 'rest' },
				{ displayName: 'Parallel Requests', name: 'parallel', type: 'number', default: 10 },
				{ displayName: 'Read Message IDs Back', name: 'readBack', type: 'boolean', default: true, description: 'Whether REST sends read the message ids from the batch, as the iP.1 node does' },
			],
		};
	}

	async execute() {
		const items = this.getInputData();
		const api = this.getNodeParameter('api', 0);
		const parallel = this.getNodeParameter('parallel', 0);
		const readBack = this.getNodeParameter('readBack', 0, true);
		const type = api === 'rest' ? 'ip1SmsRestApi' : 'ip1SmsApi';
		const creds = await this.getCredentials(type);
		const base = String(creds.baseUrl).replace(/\/+$/, '');
		const call = (options) => this.helpers.httpRequestWithAuthentication.call(this, type, { ...COMMON, ...options }, { credentialsDecrypted: { id: '', name: '', type, data: creds } });
		const out = new Array(items.length);
		const one = async (i) => {
			const { to, message } = items[i].json;
			if (api === 'rest') {
				const sent = await call({
					method: 'POST',
					url: `${base}/v2/batches`,
					headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
					body: JSON.stringify({ sender: 'iP1', recipients: [to], body: message, type: 'sms', datacoding: 'gsm', priority: 1 }),
				});
				if (sent.statusCode >= 300) throw new Error(`floor: HTTP ${sent.statusCode} ${sent.body}`);
				const batchId = JSON.parse(sent.body).id;
				if (!readBack) {
					out[i] = { json: { batchId }, pairedItem: { item: i } };
					return;
				}
				const read = await call({ method: 'GET', url: `${base}/v2/batches/${batchId}/messages`, qs: { start: 0, limit: 1000 }, headers: { Accept: 'application/json' } });
				if (read.statusCode >= 300) throw new Error(`floor: HTTP ${read.statusCode} ${read.body}`);
				out[i] = { json: { batchId, messageId: JSON.parse(read.body)[0].id }, pairedItem: { item: i } };
			} else {
				const sent = await call({
					method: 'POST',
					url: `${base}/sendSms/sendSms.asmx`,
					headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${creds.soapNamespace || 'http://tempuri.org/'}sms"` },
					body: envelope(creds, to, message),
				});
				const id = /<smsResult>([^<]*)</.exec(sent.body);
				if (sent.statusCode !== 200 || !id) throw new Error(`floor: HTTP ${sent.statusCode} ${sent.body}`);
				out[i] = { json: { messageId: id[1] }, pairedItem: { item: i } };
			}
		};
		let next = 0;
		await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, async () => {
			while (next < items.length) await one(next++);
		}));
		return [out];
	}
}

module.exports = { BenchFloor };
