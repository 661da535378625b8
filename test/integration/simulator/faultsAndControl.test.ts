/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import axios from 'axios';
import { parseStringPromise } from 'xml2js';
import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import { buildEnvelope, postRaw, readAnswer, SMS_PATH, smsParams, soapCall, soapHeaders } from './soapClient';

let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const postSms = () => postRaw(sim.url, SMS_PATH, buildEnvelope('sms', smsParams()), soapHeaders('sms'));
const urlSms = () =>
	axios.get(`${sim.url}/sendsms.aspx?acc=ip1-12345&pass=test-api-key&to=46701234567&from=ip1&prio=1&msg=x`, {
		responseType: 'text',
		transformResponse: (d: unknown) => d,
		validateStatus: () => true,
	});
const accepted = () => sim.state().accepted;

describe('faults', () => {
	it('delay: answers normally, only later (a request sent meanwhile is answered first; the fault is used up)', async () => {
		sim.setFault({ kind: 'delay', delayMs: 3000, count: 1 });
		const order: string[] = [];
		const delayed = postSms().then((r) => (order.push('delayed'), r));
		while (sim.state().requestCount === 0) await new Promise((r) => setTimeout(r, 10)); // it waits in the simulator now
		const plain = await postSms();
		order.push('plain');
		expect((await readAnswer('sms', plain)).result).toBe('1000');
		expect((await readAnswer('sms', await delayed)).result).toBe('1001');
		expect(order).toEqual(['plain', 'delayed']);
		expect(sim.state().requests.map((r) => r.faulted)).toEqual(['delay', undefined]);
		expect(sim.state().faults).toEqual([]);
	});

	it('resetBefore: the connection is reset and nothing is sent', async () => {
		sim.setFault({ kind: 'resetBefore', count: 1 });
		await expect(postSms()).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE|ECONNABORTED/) });
		expect(accepted()).toBe(0);
		expect(sim.state().requests.at(-1)).toMatchObject({ operation: 'sms', faulted: 'resetBefore' });
		expect((await readAnswer('sms', await postSms())).result).toBe('1000');
	});

	it('resetAfter: the message exists but the client gets no answer', async () => {
		sim.setFault({ kind: 'resetAfter', count: 1 });
		await expect(postSms()).rejects.toBeDefined();
		expect(accepted()).toBe(1);
		expect(sim.state().messages[0].id).toBe('1000');
	});

	it('http500: a soap:Server fault, nothing sent', async () => {
		sim.setFault({ kind: 'http500', count: 1 });
		const a = await readAnswer('sms', await postSms());
		expect(a.status).toBe(500);
		expect(a.fault?.code).toBe('soap:Server');
		expect(accepted()).toBe(0);
	});

	it('http503: an HTML page, nothing sent', async () => {
		sim.setFault({ kind: 'http503', count: 1 });
		const res = await postSms();
		expect(res.status).toBe(503);
		expect(res.headers['content-type']).toMatch(/^text\/html/);
		expect(res.data).toContain('Service Unavailable');
		expect(accepted()).toBe(0);
	});

	it('malformedXml: HTTP 200 with a body that is not well-formed; the message was sent', async () => {
		sim.setFault({ kind: 'malformedXml', count: 1 });
		const res = await postSms();
		expect(res.status).toBe(200);
		await expect(parseStringPromise(res.data)).rejects.toThrow();
		expect(accepted()).toBe(1);
	});

	it('emptyBody: HTTP 200 with no body; the message was sent', async () => {
		sim.setFault({ kind: 'emptyBody', count: 1 });
		const res = await postSms();
		expect(res.status).toBe(200);
		expect(res.data).toBe('');
		expect(res.headers['content-length']).toBe('0');
		expect(accepted()).toBe(1);
	});

	it('truncatedBody: announces the whole answer, sends half of it, cuts the connection; the message was sent', async () => {
		sim.setFault({ kind: 'truncatedBody', count: 1 });
		const raw = await rawPost('/sendSms/sendSms.asmx');
		expect(raw.head).toMatch(/^HTTP\/1\.1 200/);
		const announced = Number(/content-length: (\d+)/i.exec(raw.head)![1]);
		expect(raw.body.length).toBe(Math.floor(announced / 2));
		expect(raw.body.startsWith('<?xml')).toBe(true);
		await expect(parseStringPromise(raw.body)).rejects.toThrow();
		expect(accepted()).toBe(1);
	});

	it('count: only the next N matching requests; without count until cleared', async () => {
		sim.setFault({ kind: 'http503', count: 2 });
		expect((await postSms()).status).toBe(503);
		expect((await postSms()).status).toBe(503);
		expect((await postSms()).status).toBe(200);
		sim.setFault({ kind: 'http503' });
		for (let i = 0; i < 3; i++) expect((await postSms()).status).toBe(503);
		sim.clearFaults();
		expect((await postSms()).status).toBe(200);
	});

	it('operation and service filters', async () => {
		sim.setFault({ kind: 'http503', operation: 'status' });
		expect((await postSms()).status).toBe(200);
		expect((await soapCall(sim.url, 'status', { id: '1000' })).status).toBe(503);
		sim.clearFaults();
		sim.setFault({ kind: 'http503', service: 'mms' });
		expect((await soapCall(sim.url, 'status', { id: '1000' })).status).toBe(200);
		expect((await soapCall(sim.url, 'status', { mmsId: '1' }, { path: '/mms/mms.asmx' })).status).toBe(503);
		sim.clearFaults();
		sim.setFault({ kind: 'http503', service: 'url' });
		expect((await postSms()).status).toBe(200);
		expect((await urlSms()).status).toBe(503);
	});

	it('applies to the URL call too', async () => {
		sim.setFault({ kind: 'http500', operation: 'sendsms.aspx', count: 1 });
		const res = await urlSms();
		expect(res.status).toBe(500);
		expect(res.headers['content-type']).toMatch(/^text\/html/);
		sim.setFault({ kind: 'truncatedBody', service: 'url', count: 1 });
		await expect(urlSms()).rejects.toBeDefined(); // "10" of "1000" arrives, then the connection is cut
		sim.setFault({ kind: 'resetBefore', service: 'url', count: 1 });
		await expect(urlSms()).rejects.toBeDefined();
		expect(accepted()).toBe(1);
	});

	it('a client that retries after resetAfter sends twice: the state proves it', async () => {
		sim.setFault({ kind: 'resetAfter', count: 1 });
		await postSms().catch(() => undefined);
		await postSms();
		expect(accepted()).toBe(2);
		expect(sim.state().calls.sms).toBe(2);
	});

	it('POST /_sim/faults sets one or several, GET lists them, DELETE clears them', async () => {
		const set = await axios.post(`${sim.url}/_sim/faults`, [{ kind: 'http503', count: 1 }, { kind: 'delay', delayMs: 10, operation: 'sms' }]);
		expect(set.data).toEqual([{ kind: 'http503', count: 1 }, { kind: 'delay', delayMs: 10, operation: 'sms' }]);
		expect((await axios.get(`${sim.url}/_sim/faults`)).data).toHaveLength(2);
		expect((await postSms()).status).toBe(503);
		expect(sim.state().faults).toEqual([{ kind: 'delay', delayMs: 10, operation: 'sms' }]);
		await axios.delete(`${sim.url}/_sim/faults`);
		expect(sim.state().faults).toEqual([]);
		const bad = await axios.post(`${sim.url}/_sim/faults`, { kind: 'explode' }, { validateStatus: () => true });
		expect(bad.status).toBe(400);
		expect(bad.data.error).toMatch(/unknown fault kind/);
		expect(() => sim.setFault({ kind: 'http500', count: 0 })).toThrow(/count/);
	});
});

describe('state endpoints', () => {
	it('GET /_sim/state has accounts, messages, bundles, mms, incoming, requests, calls, accepted', async () => {
		await postSms();
		const { data } = await axios.get(`${sim.url}/_sim/state`);
		expect(data).toMatchObject({
			url: sim.url,
			accounts: [{ id: 'ip1-12345', balance: 999 }],
			messages: [expect.objectContaining({ id: '1000', status: 22, encoding: 'GSM 03.38', segments: 1 })],
			bundles: [],
			mms: [],
			incoming: [],
			calls: { sms: 1 },
			accepted: 1,
			requestCount: 1,
		});
		expect(data.requests).toEqual([expect.objectContaining({ service: 'sms', operation: 'sms', soapVersion: '1.1' })]);
		expect(data).toEqual(JSON.parse(JSON.stringify(sim.state())));
	});

	it.each(['accounts', 'messages', 'bundles', 'mms', 'incoming', 'calls'])('GET /_sim/%s answers that part', async (part) => {
		await postSms();
		const { data } = await axios.get(`${sim.url}/_sim/${part}`);
		expect(data).toEqual(JSON.parse(JSON.stringify((sim.state() as any)[part])));
	});

	it('POST /_sim/reset empties everything and restores the balances; ids start again at 1000', async () => {
		await postSms();
		sim.setFault({ kind: 'delay', delayMs: 1, operation: 'balans' });
		await axios.post(`${sim.url}/_sim/reset`);
		const s = sim.state();
		expect(s).toMatchObject({ messages: [], bundles: [], mms: [], incoming: [], faults: [], calls: {}, accepted: 0, requestCount: 0 });
		expect(s.accounts).toEqual([{ id: 'ip1-12345', balance: 1000 }]);
		expect((await readAnswer('sms', await postSms())).result).toBe('1000');
	});

	it('answers 404 for an unknown endpoint', async () => {
		const res = await axios.get(`${sim.url}/_sim/nothing`, { validateStatus: () => true });
		expect(res.status).toBe(404);
	});
});

/** A POST of an `sms` envelope over a bare socket: shows exactly what arrives before the connection ends. */
async function rawPost(path: string): Promise<{ head: string; body: string }> {
	const { connect } = await import('node:net');
	const body = '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><sms xmlns="http://tempuri.org/"><konto>ip1-12345</konto><passwd>test-api-key</passwd><till>46701234567</till><from>Test</from><meddelande>hi</meddelande><prio>2</prio></sms></soap:Body></soap:Envelope>';
	const url = new URL(sim.url);
	return await new Promise((resolve, reject) => {
		const socket = connect(Number(url.port), url.hostname, () => {
			socket.write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: "http://tempuri.org/sms"\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
		});
		const chunks: Buffer[] = [];
		socket.on('data', (c) => chunks.push(c));
		socket.on('error', () => undefined);
		socket.on('close', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const split = text.indexOf('\r\n\r\n');
			if (split < 0) return reject(new Error(`no HTTP answer: ${text}`));
			resolve({ head: text.slice(0, split), body: text.slice(split + 4) });
		});
	});
}
