/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Version 2's SOAP outputs use the names and forms of its REST outputs (issue 24, point 8): every key
// an action of the SOAP registry puts out is a key of the REST output schemas, with the same JSON type,
// or one only SOAP has (listed below with the reason); priority, character set and state in REST's words.
// n8n's editor shows one schema per resource and operation (nodes/Ip1Sms/__schema__/v2.0.0), whichever
// API the node speaks.
import fs from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { soapRegistry } from '../../../../nodes/Ip1Sms/v2/actions/soap.registry';
import { schemaOf, type Schema } from '../rest/outputSchema';
import { ACCOUNT, startGateway, type Gateway } from '../gateway';

jest.setTimeout(60_000);

const SCHEMA_DIR = path.resolve(__dirname, '../../../../nodes/Ip1Sms/__schema__/v2.0.0');

/** Keys only SOAP outputs have: what the SOAP web service tells, or asks for, and REST does not. */
const SOAP_ONLY: Record<string, string> = {
	transport: 'SOAP or the URL call',
	raw: "the balance as iP.1's SOAP answer wrote it",
	scheduled: 'Get Scheduled Time: whether the SMS is still waiting',
	gatewayTime: "Get Scheduled Time: the time as iP.1's answer wrote it",
	gatewayDescription: "Status Code → Describe: iP.1's own text for the code",
	inputItems: 'a batch read once for several input items',
	files: 'MMS: the files sent',
	totalBytes: 'MMS: the size of its files',
	subject: 'MMS: the subject',
};

/** Every property any REST output schema names, with its types. */
function restProperties(): Map<string, Set<string>> {
	const names = new Map<string, Set<string>>();
	const walk = (schema: Schema) => {
		for (const [key, value] of Object.entries(schema.properties ?? {})) {
			const types = names.get(key) ?? new Set<string>();
			for (const t of [value.type].flat()) if (t) types.add(t);
			names.set(key, types);
			walk(value);
			if (value.items) walk(value.items);
		}
		if (schema.items) walk(schema.items);
	};
	for (const resource of fs.readdirSync(SCHEMA_DIR)) {
		for (const file of fs.readdirSync(path.join(SCHEMA_DIR, resource))) {
			walk(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, resource, file), 'utf8')));
		}
	}
	return names;
}

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway({ accounts: [{ ...ACCOUNT, balance: 1_000_000 }] });
});
afterAll(async () => await gw.sim.stop());

const v2 = async (parameters: Record<string, unknown>, options: Parameters<Gateway['run']>[1] = {}) => {
	const result = await gw.run({ api: 'soap', ...parameters } as any, { typeVersion: 2, ...options });
	if (result.error) throw result.error;
	return result.items.map((i) => i.json);
};

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 7)]);

/** Each action of the SOAP registry, run once: resource → operation → its output items. */
async function runEveryAction(): Promise<Record<string, Record<string, IDataObject[]>>> {
	const later = Math.floor(Date.now() / 1000) + 86400;
	const sms = { to: '46701234567', from: 'Shop', message: 'Hej 😀', options: { priority: 3 } };
	const out: Record<string, Record<string, IDataObject[]>> = { sms: {}, batch: {}, mms: {}, account: {}, statusCode: {}, groupSms: {} };
	out.sms.send = await v2({ resource: 'sms', operation: 'send', ...sms });
	out.sms.sendFlash = await v2({ resource: 'sms', operation: 'sendFlash', ...sms, options: { priority: 1 } });
	out.sms.schedule = await v2({ resource: 'sms', operation: 'schedule', ...sms, message: 'Hej', sendAt: later });
	const scheduledId = String(out.sms.schedule[0].messageId);
	out.sms.getStatus = await v2({ resource: 'sms', operation: 'getStatus', smsId: String(out.sms.send[0].messageId) });
	out.sms.getScheduledTime = await v2({ resource: 'sms', operation: 'getScheduledTime', smsId: scheduledId });
	out.sms.cancel = await v2({ resource: 'sms', operation: 'cancel', smsId: scheduledId });
	const batch = { mode: 'list', recipients: '46701234567,46701234568', from: 'Shop', message: 'x' };
	out.batch.send = await v2({ resource: 'batch', operation: 'send', ...batch });
	out.batch.schedule = await v2({ resource: 'batch', operation: 'schedule', ...batch, sendAt: later });
	out.batch.getMessages = await v2({ resource: 'batch', operation: 'getMessages', batchId: String(out.batch.send[0].batchId), returnAll: true });
	out.batch.cancel = await v2({ resource: 'batch', operation: 'cancel', batchId: String(out.batch.schedule[0].batchId) });
	const group = { to: '={{ $json.phone }}', from: 'Shop', message: 'Hej {name}', mode: 'combine', templateFields: { field: [{ key: '{name}', value: '={{ $json.name }}' }] } };
	const input = [{ json: { phone: '46701234567', name: 'A' } }, { json: { phone: '46701234568', name: 'B' } }];
	out.groupSms.send = await v2({ resource: 'groupSms', operation: 'send', ...group }, { input });
	out.groupSms.schedule = await v2({ resource: 'groupSms', operation: 'schedule', ...group, sendAt: later }, { input });
	out.groupSms.getStatus = await v2({ resource: 'groupSms', operation: 'getStatus', bundleId: String(out.groupSms.send[0].batchId) });
	out.groupSms.cancel = await v2({ resource: 'groupSms', operation: 'cancel', bundleId: String(out.groupSms.schedule[0].batchId) });
	const mmsInput = [{ json: {}, binary: { data: { data: png, mimeType: 'image/png', fileName: 'ticket.png' } } }];
	out.mms.send = await v2({ resource: 'mms', operation: 'send', to: '46701234567', from: '46700000000', message: 'Din biljett', binaryProperties: 'data' }, { input: mmsInput });
	out.mms.getStatus = await v2({ resource: 'mms', operation: 'getStatus', mmsId: String(out.mms.send[0].messageId) });
	out.account.getBalance = await v2({ resource: 'account', operation: 'getBalance' });
	out.statusCode.describe = await v2({ resource: 'statusCode', operation: 'describe', code: '22' });
	return out;
}

let outputs: Record<string, Record<string, IDataObject[]>>;
beforeAll(async () => {
	outputs = await runEveryAction();
});

it('runs every action of the SOAP registry', () => {
	const registered = Object.entries(soapRegistry).flatMap(([resource, operations]) => Object.keys(operations).map((op) => `${resource}.${op}`));
	const ran = Object.entries(outputs).flatMap(([resource, operations]) => Object.keys(operations).map((op) => `${resource}.${op}`));
	expect(ran.sort()).toEqual(registered.sort());
});

it('every key is a REST output key of the same type, or one only SOAP has', () => {
	const rest = restProperties();
	const wrong: string[] = [];
	for (const [resource, operations] of Object.entries(outputs)) {
		for (const [operation, items] of Object.entries(operations)) {
			expect(items.length).toBeGreaterThan(0);
			for (const json of items) {
				for (const [key, value] of Object.entries(json)) {
					if (key in SOAP_ONLY) continue;
					const type = schemaOf(value).type as string;
					const types = rest.get(key);
					if (!types) wrong.push(`${resource}.${operation}: \`${key}\` is no REST output's name`);
					else if (!types.has(type)) wrong.push(`${resource}.${operation}: \`${key}\` is ${type}, REST's is ${[...types].join('/')}`);
				}
			}
		}
	}
	expect(wrong).toEqual([]);
});

it("priority, character set and state in REST's words", () => {
	const all = Object.values(outputs).flatMap((operations) => Object.values(operations).flat());
	const values = (key: string) => [...new Set(all.filter((j) => key in j).map((j) => j[key]))].sort();
	expect(values('priority')).toEqual(['high', 'low', 'normal']);
	expect(values('characterSet')).toEqual(['GSM', 'UCS-2']);
	expect(values('state').every((s) => ['pending', 'delivered', 'failed', 'cancelled', 'expired', 'rejected'].includes(s as string))).toBe(true);
	for (const old of ['id', 'code', 'description', 'encoding', 'final', 'bundleId', 'action']) {
		expect(all.filter((j) => old in j)).toEqual([]);
	}
});

it("`characters` counts the text as REST's sends do (a reader's characters), `segments` the SMS parts", async () => {
	const text = 'Pris: 5 € {rabatt}\nHej 😀';
	const [soap] = await v2({ resource: 'sms', operation: 'send', to: '46701234567', from: 'Shop', message: text });
	expect(soap).toMatchObject({ characters: [...text].length, characterSet: 'UCS-2', segments: 1 });
	const gsm = 'Pris: 5 € {rabatt}';
	const [batch] = await v2({ resource: 'batch', operation: 'send', mode: 'list', recipients: '46701234567', from: 'Shop', message: gsm });
	expect(batch).toMatchObject({ characters: 18, characterSet: 'GSM', segments: 1 });
	const v1 = await gw.run({ resource: 'sms', operation: 'send', to: '46701234567', from: 'Shop', message: gsm });
	expect(v1.items[0].json).toMatchObject({ characters: 21, encoding: 'GSM 03.38' });
});

it('version 1 keeps its own names', async () => {
	const sent = await gw.run({ resource: 'sms', operation: 'send', to: '46701234567', from: 'Shop', message: 'Hej' });
	expect(sent.items[0].json).toMatchObject({ id: expect.any(String), priority: 2, encoding: 'GSM 03.38' });
	const status = await gw.run({ resource: 'sms', operation: 'getStatus', smsId: String(sent.items[0].json.id) });
	expect(Object.keys(status.items[0].json)).toEqual(['id', 'code', 'status', 'description', 'final']);
});

it('a gateway code under Continue On Fail: `statusCode` beside the error, as REST error items', async () => {
	const sms = { api: 'soap', resource: 'sms', operation: 'send', to: '46701234567', from: 'Shop', message: 'Hej' } as any;
	const result = await gw.run(sms, { typeVersion: 2, continueOnFail: true, credentials: { apiKey: 'wrong' } });
	const json = result.items[0].json;
	expect(json.error).toEqual(expect.stringContaining('code 101'));
	expect(json).toMatchObject({ statusCode: 101, status: expect.any(String), description: expect.any(String) });
	expect(json).not.toHaveProperty('code');
});
