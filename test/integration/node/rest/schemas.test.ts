/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The output schemas of the REST actions (nodes/Ip1Sms/__schema__/v2.0.0/<resource>/<operation>.json)
// are what the actions really put out: each action runs against the simulator and the schema derived
// from its items must equal the file. `UPDATE_SCHEMAS=1` writes the files instead.
import fs from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { restRegistry } from '../../../../nodes/Ip1Sms/v2/actions/rest.registry';
import { answerItem } from '../../../../nodes/Ip1Sms/v2/rest/waitOutput';
import type { RestSettings } from '../../../../simulator/rest/types';
import { schemaOfItems } from './outputSchema';
import { items, postBatch, startReceiver, startRestGateway, type RestGateway } from './restGateway';

jest.setTimeout(60_000);

const SCHEMA_DIR = path.resolve(__dirname, '../../../../nodes/Ip1Sms/__schema__/v2.0.0');
const UPDATE = process.env.UPDATE_SCHEMAS === '1';
const ANNA = '46701234567';

let gw: RestGateway;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
	gw = await startRestGateway();
	receiver = await startReceiver();
	// what the reads find: outgoing batches (one templated, with a reference), an incoming SMS, a blacklisted number
	await postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA, '46709876543'], body: 'Hej!', reference: 'order-1234' });
	await postBatch(gw.sim, { sender: 'iP1', recipients: { [ANNA]: { name: 'Anna' } }, body: 'Hej {name} 😀' });
	await gw.sim.injectRestIncoming({ sender: ANNA, recipient: 'iP1', body: 'Tack', url: receiver.url });
	await gw.run({ resource: 'blacklist', operation: 'add', phoneNumber: '46705550001' });
});
afterAll(async () => {
	await gw.sim.stop();
	await receiver.close();
});

/** `rest`: simulator settings for this run only (e.g. another form of the send answer). */
type Run = { parameters: INodeParameters; input?: IDataObject[]; rest?: Partial<RestSettings> };
const tomorrow = () => new Date(Date.now() + 86400_000).toISOString();
/** A scheduled batch of two recipients, made just before the run that reads or cancels it. */
async function scheduledBatch(): Promise<{ batchId: string; messageId: string }> {
	const doc = await postBatch(gw.sim, { sender: 'iP1', recipients: [ANNA, '46709876543'], body: 'Senare', deliveryWindows: [{ opens: tomorrow() }] });
	const batchId = String(doc.id);
	return { batchId, messageId: gw.sim.state().rest.messages.find((m) => m.batchId === batchId)!.id };
}
const fullContact = { firstName: 'Bo', lastName: 'Ek', email: 'bo@example.com', labels: 'customers', customFields: { field: [{ name: 'customerNumber', value: 'C-1' }] } };
let contactNumber = 46705550100;
/** A new contact with every field, made just before the run that reads or changes it. */
async function newContact(): Promise<string> {
	const result = await gw.run({ resource: 'contact', operation: 'create', phoneNumber: String(contactNumber++), contactFields: fullContact });
	return String(result.items[0].json.contactId);
}
const sendParams = { from: 'iP1', message: 'Hej {name}', options: { reference: 'order-1', tags: 'orders' } };
/** Read Message IDs off: with the whole batch document as the send answer, and with a bare id. */
const idsOff = (run: Run): Run[] => {
	const parameters = { ...run.parameters, options: { ...sendParams.options, readMessageIds: false } };
	return [{ ...run, parameters }, { ...run, parameters, rest: { postAnswer: 'id' } }];
};
/** iP.1 takes the send for later (202) and lists its messages only after the reads: the ids are pending. */
const pending = (run: Run): Run => ({ ...run, rest: { postAnswer: 'accepted', messagesListedAfterMs: 3_600_000 } });
/** A send's runs: at the defaults, with Read Message IDs off, and with the message ids pending. */
const sendRuns = (...runs: Run[]): Run[] => [...runs, ...runs.flatMap(idsOff), ...runs.map(pending)];
/** A batch read's runs: without and with the batch's own status (the vendor's document carries one). */
const batchReads = (parameters: () => Promise<INodeParameters>) => async (): Promise<Run[]> => [
	{ parameters: await parameters() },
	{ parameters: await parameters(), rest: { batchStatus: true } },
];

/** Each action with the runs whose items make up its schema (several where its output has several forms). */
const ACTIONS: Array<[resource: string, operation: string, runs: () => Promise<Run[]>]> = [
	['conversation', 'getMessages', async () => [{ parameters: { phoneNumber: ANNA, direction: 'all', returnAll: true } }]],
	['conversation', 'getSummary', async () => [{ parameters: { phoneNumber: ANNA } }]],
	['sender', 'getAll', async () => [{ parameters: {} }]],
	['sender', 'register', async () => [{ parameters: { sender: 'Acme' } }]],
	['sender', 'get', async () => [{ parameters: { sender: 'Acme' } }]],
	['sender', 'remove', async () => [{ parameters: { sender: 'Acme' } }]],
	['blacklist', 'getAll', async () => [{ parameters: { returnAll: true } }]],
	['blacklist', 'add', async () => [{ parameters: { phoneNumber: '46705550002' } }]],
	['blacklist', 'remove', async () => [{ parameters: { phoneNumber: '46705550002' } }]],
	['sms', 'send', async () => sendRuns({ parameters: { to: ANNA, ...sendParams } })],
	['sms', 'schedule', async () => sendRuns({ parameters: { to: ANNA, ...sendParams, sendAt: tomorrow() } })],
	['sms', 'getStatus', async () => [{ parameters: await scheduledBatch() }]],
	['sms', 'cancel', async () => [{ parameters: { batchId: (await scheduledBatch()).batchId } }]],
	...(['send', 'schedule'] as const).map((operation): [string, string, () => Promise<Run[]>] => [
		'batch',
		operation,
		async () => {
			const when = operation === 'schedule' ? { sendAt: tomorrow() } : {};
			const values = { templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }] } };
			return sendRuns(
				{ parameters: { mode: 'list', recipients: `${ANNA}, 46709876543`, ...sendParams, ...values, ...when }, input: [{ name: 'Anna' }] },
				{ parameters: { mode: 'combine', to: '={{ $json.phone }}', ...sendParams, ...values, ...when }, input: [{ phone: ANNA, name: 'Anna' }, { phone: '46709876543', name: 'Bo' }] },
			);
		},
	]),
	['batch', 'get', batchReads(async () => ({ batchId: (await scheduledBatch()).batchId }))],
	['batch', 'getAll', batchReads(async () => ({ returnAll: true }))],
	['batch', 'getMessages', async () => [{ parameters: { batchId: (await scheduledBatch()).batchId, returnAll: true } }]],
	['batch', 'cancel', async () => [{ parameters: { batchId: (await scheduledBatch()).batchId } }]],
	['account', 'getBalance', async () => [{ parameters: {} }]],
	['template', 'getAll', async () => [{ parameters: { returnAll: true } }, { parameters: { returnAll: true }, rest: { templateIdForm: 'object' } }]],
	['contact', 'create', async () => [{ parameters: { phoneNumber: '46705550010', contactFields: fullContact } }, { parameters: { phoneNumber: '46705550011', options: { synchronous: false } } }]],
	['contact', 'upsert', async () => [
		{ parameters: { phoneNumber: '46705550012', contactFields: fullContact } },
		{ parameters: { phoneNumber: '46705550012', contactFields: { lastName: 'Berg' } } },
		{ parameters: { phoneNumber: '46705550013', options: { synchronous: false } } },
	]],
	['contact', 'update', async () => [{ parameters: { contactId: await newContact(), contactFields: { email: 'bo@example.com' } } }]],
	['contact', 'get', async () => [{ parameters: { contactId: await newContact() } }]],
	['contact', 'getAll', async () => [{ parameters: { returnAll: true } }]],
	['contact', 'delete', async () => [{ parameters: { contactId: await newContact() } }]],
	['label', 'addContacts', async () => {
		const contactIds = [await newContact(), await newContact()].join(',');
		return [{ parameters: { label: 'customers', contactIds } }, { parameters: { label: 'customers', contactIds }, rest: { labelAnswer: 'noContent' } }];
	}],
	['label', 'delete', async () => {
		const contactIds = await newContact();
		await gw.run({ resource: 'label', operation: 'addContacts', label: 'a', contactIds });
		await gw.run({ resource: 'label', operation: 'addContacts', label: 'b', contactIds });
		return [{ parameters: { label: 'a' } }, { parameters: { label: 'b' }, rest: { labelAnswer: 'noContent' } }];
	}],
];

/**
 * Send and Wait for Response outputs when a reply resumes the execution (n8n's real run: test/e2e/sendAndWait.test.ts):
 * its answers, built by the code that builds them for the reply webhook.
 */
const reply = { messageId: '5bcf4324ee47dee41a9dbb99', sender: ANNA, to: '46700000001', text: 'Yes!', receivedAt: '2026-12-07T10:00:00.000Z' };
const wait = { kind: 'ask' as const, sentMessageId: '5bcf4324ee47dee41a9dbb13', openWaits: 1 };
const ANSWERS: Record<string, () => IDataObject[]> = {
	'sms → sendAndWait': () => [
		answerItem(reply, wait, { approved: true }, 'approve').json,
		answerItem({ ...reply, text: 'maybe' }, { ...wait, kind: 'reask' }, { approved: false }, 'none').json,
	],
};

it('sms → sendAndWait: the schema of its answer', () => {
	const file = path.join(SCHEMA_DIR, 'sms', 'sendAndWait.json');
	const derived = schemaOfItems(ANSWERS['sms → sendAndWait']());
	if (UPDATE) fs.writeFileSync(file, JSON.stringify(derived, null, 2) + '\n');
	expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(derived);
});

it('covers every action of the REST registry, each with its schema file', () => {
	const listed = [...ACTIONS.map(([resource, operation]) => `${resource} → ${operation}`), ...Object.keys(ANSWERS)].sort();
	const registered = Object.entries(restRegistry).flatMap(([resource, operations]) => Object.keys(operations).map((operation) => `${resource} → ${operation}`));
	expect(listed).toEqual(registered.sort());
	if (!UPDATE) for (const [resource, operation] of ACTIONS) expect(fs.existsSync(path.join(SCHEMA_DIR, resource, `${operation}.json`))).toBe(true);
});

describe('output schemas (v2.0.0) match what the REST actions put out', () => {
	it.each(ACTIONS)('%s → %s', async (resource, operation, runs) => {
		const outputs: IDataObject[] = [];
		for (const run of await runs()) {
			const settings = gw.sim.state().rest.settings;
			if (run.rest) gw.sim.setRest(run.rest);
			const result = await gw.run({ resource, operation, ...run.parameters }, run.input && { input: items(...run.input) });
			gw.sim.setRest(settings);
			expect(result.error).toBeUndefined();
			outputs.push(...result.items.map((i) => i.json));
		}
		const derived = schemaOfItems(outputs);
		const file = path.join(SCHEMA_DIR, resource, `${operation}.json`);
		if (UPDATE) {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, JSON.stringify(derived, null, 2) + '\n');
		}
		expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(derived);
	});
});
