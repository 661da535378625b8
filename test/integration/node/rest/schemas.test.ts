/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The output schemas of the REST actions (nodes/Ip1Sms/__schema__/v2.0.0/<resource>/<operation>.json)
// are what the actions really put out: each action runs against the simulator and the schema derived
// from its items must equal the file. `UPDATE_SCHEMAS=1` writes the files instead.
import fs from 'node:fs';
import path from 'node:path';
import type { INodeParameters } from 'n8n-workflow';

import { schemaOfItems } from './outputSchema';
import { postBatch, startReceiver, startRestGateway, type RestGateway } from './restGateway';

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

const ACTIONS: Array<[resource: string, operation: string, parameters: INodeParameters]> = [
	['conversation', 'getMessages', { phoneNumber: ANNA, direction: 'all', returnAll: true }],
	['conversation', 'getSummary', { phoneNumber: ANNA }],
	['sender', 'getAll', {}],
	['sender', 'register', { sender: 'Acme' }],
	['sender', 'remove', { sender: 'Acme' }],
	['blacklist', 'getAll', { returnAll: true }],
	['blacklist', 'add', { phoneNumber: '46705550002' }],
	['blacklist', 'remove', { phoneNumber: '46705550002' }],
];

describe('output schemas (v2.0.0) match what the REST actions put out', () => {
	it.each(ACTIONS)('%s → %s', async (resource, operation, parameters) => {
		const result = await gw.run({ resource, operation, ...parameters });
		expect(result.error).toBeUndefined();
		const derived = schemaOfItems(result.items.map((i) => i.json));
		const file = path.join(SCHEMA_DIR, resource, `${operation}.json`);
		if (UPDATE) {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, JSON.stringify(derived, null, 2) + '\n');
		}
		expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(derived);
	});
});
