/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The WSDL must let a generic SOAP client make every call: this test is such a client. It reads only
// the WSDL (operations, parameter names and order, complex types, SOAPActions, address) and calls each
// operation through both bindings.
import axios from 'axios';
import { Builder, parseStringPromise } from 'xml2js';
import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import { MMS_PATH, readAnswer, SMS_PATH } from './soapClient';

let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true, accounts: [{ id: 'ip1-wsdl', key: 'wsdl-key', balance: 1000 }] });
});
afterAll(() => sim.stop());

const SMS_OPERATIONS = ['balans', 'beskrivning', 'cancelBundle', 'cancelSms', 'flashSms', 'sms', 'smsAt', 'smsBundle', 'smsBundleAt', 'status', 'statusBundle', 'tidpunkt'];
const MMS_OPERATIONS = ['sendMMS', 'status'];

interface SchemaElement {
	name: string;
	type: string;
	maxOccurs: string;
}
interface Wsdl {
	targetNamespace: string;
	portTypeOps: string[];
	bindings: { name: string; soap: 'soap' | 'soap12'; actions: Record<string, string> }[];
	elements: Map<string, SchemaElement[]>;
	types: Map<string, SchemaElement[]>;
	addresses: string[];
}

const fragment = new Builder({ headless: true, renderOpts: { pretty: false } });
const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const seq = (complexType: any): SchemaElement[] => arr(complexType?.['s:sequence']?.['s:element']).map((e: any) => e.$);

async function loadWsdl(path: string, query = 'WSDL'): Promise<{ raw: string; wsdl: Wsdl }> {
	const res = await axios.get(`${sim.url}${path}?${query}`, { responseType: 'text' });
	expect(res.status).toBe(200);
	expect(res.headers['content-type']).toMatch(/^text\/xml/);
	const doc = (await parseStringPromise(res.data, { explicitArray: false }))['wsdl:definitions'];
	const schema = doc['wsdl:types']['s:schema'];
	return {
		raw: res.data,
		wsdl: {
			targetNamespace: doc.$.targetNamespace,
			portTypeOps: arr(doc['wsdl:portType']['wsdl:operation']).map((o: any) => o.$.name),
			bindings: arr(doc['wsdl:binding']).map((b: any) => {
				const soap = b['soap12:binding'] ? 'soap12' : 'soap';
				const actions: Record<string, string> = {};
				for (const o of arr(b['wsdl:operation']) as any[]) {
					actions[o.$.name] = o[`${soap}:operation`].$.soapAction;
					expect(o[`${soap}:operation`].$.style).toBe('document');
					expect(o['wsdl:input'][`${soap}:body`].$.use).toBe('literal');
				}
				return { name: b.$.name, soap, actions };
			}),
			elements: new Map(arr(schema['s:element']).map((e: any) => [e.$.name, seq(e['s:complexType'])])),
			types: new Map(arr(schema['s:complexType']).map((t: any) => [t.$.name, seq(t)])),
			addresses: arr(doc['wsdl:service']['wsdl:port']).map((p: any) => (p['soap:address'] ?? p['soap12:address']).$.location),
		},
	};
}

/** A sample value for a parameter, chosen from its name and schema type only. */
function sampleFor(name: string, type: string, wsdl: Wsdl, mms: boolean): unknown {
	if (type.startsWith('tns:')) {
		const fields = wsdl.types.get(type.slice(4));
		if (!fields) throw new Error(`type ${type} is not declared`);
		const out: Record<string, unknown> = {};
		for (const f of fields) out[f.name] = sampleFor(f.name, f.type, wsdl, mms);
		return out;
	}
	if (type === 's:base64Binary') return Buffer.from('GIF89a').toString('base64');
	const n = name.toLowerCase();
	if (['konto', 'acc'].includes(n)) return 'ip1-wsdl';
	if (['passwd', 'pass'].includes(n)) return 'wsdl-key';
	if (['till', 'to', 'number'].includes(n)) return '46701234567';
	if (n === 'from') return mms ? '46709999999' : 'WsdlTest';
	if (n === 'prio') return '2';
	if (n === 'sendat') return String(Math.floor(Date.now() / 1000) + 3600);
	if (['id', 'smsid', 'bundleid', 'mmsid'].includes(n)) return '1000';
	if (n === 'key') return '{k}';
	if (n === 'value') return 'WSDL';
	if (n === 'filename') return 'pixel.gif';
	if (n === 'contenttype') return 'image/gif';
	return 'Hello {k} from a WSDL-driven client';
}

describe.each([
	['SMS', SMS_PATH, SMS_OPERATIONS],
	['MMS', MMS_PATH, MMS_OPERATIONS],
])('%s service WSDL', (_name, path, operations) => {
	it('is a WSDL 1.1 document/literal description listing every operation in both bindings', async () => {
		const { raw, wsdl } = await loadWsdl(path);
		expect(raw.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
		expect(wsdl.targetNamespace).toBe('http://tempuri.org/');
		expect([...wsdl.portTypeOps].sort()).toEqual([...operations].sort());
		expect(wsdl.bindings.map((b) => b.soap).sort()).toEqual(['soap', 'soap12']);
		for (const b of wsdl.bindings) {
			expect(Object.keys(b.actions).sort()).toEqual([...operations].sort());
			for (const op of operations) expect(b.actions[op]).toBe(`http://tempuri.org/${op}`);
		}
		for (const op of operations) {
			expect(wsdl.elements.has(op)).toBe(true);
			expect(wsdl.elements.get(`${op}Response`)!.map((e) => e.name)).toEqual([`${op}Result`]);
		}
		expect(wsdl.addresses).toEqual([`${sim.url}${path}`, `${sim.url}${path}`]);
	});

	it('is served for ?wsdl in any case', async () => {
		const { wsdl } = await loadWsdl(path, 'wsdl');
		expect(wsdl.portTypeOps).toHaveLength(operations.length);
	});

	it.each(['soap', 'soap12'] as const)('lets a client built from it make every call (%s binding)', async (binding) => {
		const { wsdl } = await loadWsdl(path);
		const b = wsdl.bindings.find((x) => x.soap === binding)!;
		const version = binding === 'soap' ? '1.1' : '1.2';
		const ns = version === '1.1' ? 'http://schemas.xmlsoap.org/soap/envelope/' : 'http://www.w3.org/2003/05/soap-envelope';
		const mms = path === MMS_PATH;
		for (const op of wsdl.portTypeOps) {
			const params = wsdl.elements.get(op)!;
			const inner = params
				.map((p) => ({ [p.name]: sampleFor(p.name, p.type, wsdl, mms) }))
				.map((o) => fragment.buildObject(o))
				.join('');
			const envelope = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${ns}"><soap:Body><${op} xmlns="${wsdl.targetNamespace}">${inner}</${op}></soap:Body></soap:Envelope>`;
			const headers: Record<string, string> =
				version === '1.1'
					? { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${b.actions[op]}"` }
					: { 'Content-Type': `application/soap+xml; charset=utf-8; action="${b.actions[op]}"` };
			const res = await axios.post(wsdl.addresses[0], envelope, { headers, responseType: 'text', transformResponse: (d: unknown) => d, validateStatus: () => true });
			const answer = await readAnswer(op, res);
			expect({ op, status: answer.status, fault: answer.fault }).toEqual({ op, status: 200, fault: undefined });
			expect(answer.responseNs).toBe(wsdl.targetNamespace);
			expect(answer.body).toContain(`${op}Result`);
		}
		// the sending calls really sent something
		const state = sim.state();
		if (mms) expect(state.mms.length).toBeGreaterThan(0);
		else expect(state.messages.some((m) => m.text === 'Hello WSDL from a WSDL-driven client')).toBe(true);
	});
});
