import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import { buildEnvelope, MMS_PATH, postRaw, readAnswer, SMS_PATH, SOAP11, SOAP12, smsParams, soapCall, soapHeaders } from './soapClient';

let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

describe('SOAP 1.1 and 1.2', () => {
	it('answers SOAP 1.1 as text/xml in a 1.1 envelope', async () => {
		const a = await soapCall(sim.url, 'sms', smsParams());
		expect(a.status).toBe(200);
		expect(a.contentType).toMatch(/^text\/xml; charset=utf-8/);
		expect(a.body).toContain(`xmlns:soap="${SOAP11}"`);
		expect(a.result).toBe('1000');
		expect(sim.state().requests.at(-1)).toMatchObject({ service: 'sms', operation: 'sms', soapVersion: '1.1' });
	});

	it('answers SOAP 1.2 as application/soap+xml in a 1.2 envelope, with and without an action', async () => {
		const a = await soapCall(sim.url, 'sms', smsParams(), { version: '1.2' });
		expect(a.status).toBe(200);
		expect(a.contentType).toMatch(/^application\/soap\+xml; charset=utf-8/);
		expect(a.body).toContain(`xmlns:soap="${SOAP12}"`);
		expect(Number(a.result)).toBeGreaterThanOrEqual(1000);
		const b = await soapCall(sim.url, 'balans', { Konto: 'ip1-12345', Passwd: 'test-api-key' }, { version: '1.2', action: null });
		expect(b.result).toBe('999.00');
		expect(sim.state().requests.at(-1)).toMatchObject({ soapVersion: '1.2' });
	});

	it('reads a body with a byte-order mark, and an ISO-8859-1 body', async () => {
		const bom = await postRaw(sim.url, SMS_PATH, '\uFEFF' + buildEnvelope('sms', smsParams({ meddelande: 'bom' })), soapHeaders('sms'));
		expect((await readAnswer('sms', bom)).result).toBe('1000');
		const latin1 = Buffer.from(buildEnvelope('sms', smsParams({ meddelande: 'Räksmörgås' })).replace('utf-8', 'iso-8859-1'), 'latin1');
		const res = await postRaw(sim.url, SMS_PATH, latin1 as unknown as string, { ...soapHeaders('sms'), 'Content-Type': 'text/xml; charset=iso-8859-1' });
		expect(res.status).toBe(200);
		expect(sim.state().messages.map((m) => m.text)).toEqual(['bom', 'Räksmörgås']);
	});

	it('accepts a request without SOAPAction (routing by the body element)', async () => {
		const a = await soapCall(sim.url, 'sms', smsParams(), { action: null });
		expect(a.result).toBe('1000');
	});
});

describe('namespaces', () => {
	it.each(['http://tempuri.org/', 'http://web.smscom.se/', 'urn:ip1:test'])('answers in the request namespace %s', async (ns) => {
		const a = await soapCall(sim.url, 'sms', smsParams(), { ns });
		expect(a.status).toBe(200);
		expect(a.responseNs).toBe(ns);
		expect(a.body).toContain(`<smsResponse xmlns="${ns}">`);
	});

	it('reads prefixed operation and parameter elements', async () => {
		const a = await soapCall(sim.url, 'sms', smsParams({ meddelande: 'prefixed' }), { ns: 'urn:x', prefix: 'ip1' });
		expect(a.responseNs).toBe('urn:x');
		expect(sim.state().messages[0].text).toBe('prefixed');
	});

	it('answers without a namespace when the request had none', async () => {
		const a = await soapCall(sim.url, 'sms', smsParams(), { ns: '', action: 'sms' });
		expect(a.status).toBe(200);
		expect(a.body).toContain('<smsResponse><smsResult>');
	});
});

describe('paths', () => {
	it.each(['/sendSms/sendSms.asmx', '/SENDSMS/SENDSMS.ASMX', '/sendsms/sendsms.asmx'])('serves the SMS service at %s', async (path) => {
		const a = await soapCall(sim.url, 'balans', { Konto: 'ip1-12345', Passwd: 'test-api-key' }, { path });
		expect(a.result).toBe('1000.00');
	});

	it.each(['/mms/mms.asmx', '/MMS/MMS.asmx'])('serves the MMS service at %s', async (path) => {
		const a = await soapCall(sim.url, 'status', { mmsId: '1' }, { path });
		expect(a.status).toBe(200);
		expect(a.result).toBe('50');
	});

	it('does not know MMS operations on the SMS service, nor the other way round', async () => {
		const a = await soapCall(sim.url, 'sendMMS', { acc: 'ip1-12345' }, { path: SMS_PATH });
		expect(a.status).toBe(500);
		const b = await soapCall(sim.url, 'sms', smsParams(), { path: MMS_PATH });
		expect(b.status).toBe(500);
		expect(b.fault?.message).toContain('did not recognize');
		expect(sim.state().accepted).toBe(0);
	});

	it('answers an unknown path with 404', async () => {
		const res = await postRaw(sim.url, '/nope.asmx', 'x', { 'Content-Type': 'text/xml' });
		expect(res.status).toBe(404);
	});
});

describe('client faults (HTTP 500, soap:Fault)', () => {
	const fault = async (body: string, headers = soapHeaders('sms')) => readAnswer('sms', await postRaw(sim.url, SMS_PATH, body, headers));

	it('a SOAPAction naming another operation than the body', async () => {
		const a = await soapCall(sim.url, 'sms', smsParams(), { action: 'http://tempuri.org/status' });
		expect(a.status).toBe(500);
		expect(a.contentType).toMatch(/^text\/xml/);
		expect(a.fault).toEqual({ code: 'soap:Client', message: expect.stringContaining('names the operation status') });
		expect(sim.state().accepted).toBe(0);
	});

	it('a SOAPAction naming an unknown operation', async () => {
		const a = await soapCall(sim.url, 'sms', smsParams(), { action: 'http://tempuri.org/smsX' });
		expect(a.status).toBe(500);
		expect(a.fault).toEqual({ code: 'soap:Client', message: 'Server did not recognize the value of HTTP Header SOAPAction: http://tempuri.org/smsX.' });
	});

	it('a SOAP 1.2 action naming another operation is a Sender fault', async () => {
		const a = await soapCall(sim.url, 'sms', smsParams(), { version: '1.2', action: 'http://tempuri.org/balans' });
		expect(a.status).toBe(500);
		expect(a.contentType).toMatch(/^application\/soap\+xml/);
		expect(a.fault?.code).toBe('soap:Sender');
	});

	it('an unknown operation', async () => {
		const a = await soapCall(sim.url, 'sendSms', smsParams());
		expect(a.status).toBe(500);
		expect(a.fault).toEqual({ code: 'soap:Client', message: 'Server did not recognize the value of HTTP Header SOAPAction: http://tempuri.org/sendSms.' });
	});

	it('operation names are case-sensitive, as in ASMX', async () => {
		expect((await soapCall(sim.url, 'SMS', smsParams())).status).toBe(500);
	});

	it('malformed XML', async () => {
		const a = await fault('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><sms></soap:Body>');
		expect(a.status).toBe(500);
		expect(a.fault?.code).toBe('soap:Client');
		expect(a.fault?.message).toMatch(/^Server was unable to read request\. ---> There is an error in XML document/);
		expect((await fault('not xml at all')).status).toBe(500);
		expect((await fault('')).status).toBe(500);
	});

	it('a missing body element, an empty Body, a root that is no Envelope', async () => {
		const noBody = await fault(`<soap:Envelope xmlns:soap="${SOAP11}"><soap:Header/></soap:Envelope>`);
		expect(noBody.status).toBe(500);
		expect(noBody.fault?.message).toContain('no Body');
		const emptyBody = await fault(`<soap:Envelope xmlns:soap="${SOAP11}"><soap:Body></soap:Body></soap:Envelope>`, soapHeaders('x', { action: null }));
		expect(emptyBody.status).toBe(500);
		expect(emptyBody.fault?.code).toBe('soap:Client');
		const notEnvelope = await fault('<sms xmlns="http://tempuri.org/"><konto>a</konto></sms>');
		expect(notEnvelope.status).toBe(500);
		expect(notEnvelope.fault?.code).toBe('soap:Client');
	});

	it('a SOAP 1.2 envelope sent as text/xml is a VersionMismatch', async () => {
		const a = await fault(buildEnvelope('sms', smsParams(), { version: '1.2' }));
		expect(a.status).toBe(500);
		expect(a.fault?.code).toBe('soap:VersionMismatch');
	});

	it('a 1.2 malformed request gets a 1.2 fault', async () => {
		const res = await postRaw(sim.url, SMS_PATH, '<broken', soapHeaders('sms', { version: '1.2' }));
		const a = await readAnswer('sms', res);
		expect(a.status).toBe(500);
		expect(a.fault?.code).toBe('soap:Sender');
		expect(res.data).toContain(`xmlns:soap="${SOAP12}"`);
	});

	it('an unknown content type', async () => {
		const res = await postRaw(sim.url, SMS_PATH, buildEnvelope('sms', smsParams()), { 'Content-Type': 'application/json' });
		expect(res.status).toBe(500);
		expect(res.data).toContain('Request format is invalid');
		expect(sim.state().accepted).toBe(0);
	});

	it('counts every request by operation', async () => {
		await soapCall(sim.url, 'sms', smsParams());
		await soapCall(sim.url, 'sms', smsParams());
		await soapCall(sim.url, 'status', { id: '1000' });
		await soapCall(sim.url, 'status', { mmsId: '1' }, { path: MMS_PATH });
		const { calls, requestCount } = sim.state();
		expect(calls).toMatchObject({ sms: 2, status: 1, 'mms.status': 1 });
		expect(requestCount).toBe(4);
	});
});

describe('service pages', () => {
	it('GET on the service shows its operations and sample requests, as ASMX does', async () => {
		const list = await fetch(`${sim.url}${SMS_PATH}`);
		expect(list.headers.get('content-type')).toMatch(/text\/html/);
		const html = await list.text();
		for (const op of ['balans', 'smsBundleAt', 'tidpunkt']) expect(html).toContain(`?op=${op}`);
		const sample = await (await fetch(`${sim.url}${SMS_PATH}?op=smsBundle`)).text();
		expect(sample).toContain('SOAPAction: "http://tempuri.org/smsBundle"');
		expect(sample).toContain('&lt;TemplateField&gt;');
	});
});
