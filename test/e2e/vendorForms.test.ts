/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Issue 23 in a real n8n (the packed package): the forms iP.1's own pages show, switched in the
// simulator: enums as its examples write them and the batch's own status; a send it takes for later
// (202) whose messages it does not list yet (the node's pauses are n8n's own sleep); a reference
// longer than the 40 characters of its sample.
import type { SimulatorHandle } from '../../simulator';
import { useN8n } from './support/shared-n8n';
import { nodeError, output, startE2eSimulator } from './support/ip1';
import { importMcpCredentials, REST_CREDENTIAL } from './support/mcp';

const n8n = useN8n();
let sim: SimulatorHandle;
const DEFAULTS = { postAnswer: 'created', enumCase: 'lower', batchStatus: false, messagesListedAfterMs: 0, maxReferenceLength: 256 } as const;

beforeAll(async () => {
	sim = await startE2eSimulator();
	await importMcpCredentials(n8n(), sim);
}, 120_000);
afterAll(async () => await sim?.stop());
beforeEach(() => {
	sim.reset();
	sim.setRest(DEFAULTS);
});

function chain(name: string, nodes: Array<[string, Record<string, unknown>]>): any {
	const all = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...nodes.map(([node, parameters], i) => ({
			name: node,
			type: 'n8n-nodes-ip1.ip1Sms',
			typeVersion: 2,
			position: [220 * (i + 1), 0],
			parameters,
			credentials: { ip1SmsRestApi: REST_CREDENTIAL },
			executeOnce: true,
		})),
	];
	const connections: Record<string, unknown> = {};
	for (let k = 0; k + 1 < all.length; k++) connections[all[k].name] = { main: [[{ node: all[k + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

async function run(workflow: any) {
	return await n8n().executeWorkflow(await n8n().importWorkflow(workflow));
}

const send = (extra: Record<string, unknown> = {}) => ({ api: 'rest', resource: 'sms', operation: 'send', to: '46701234567', from: 'iP1', message: 'Hej', ...extra });
const readBatch = { api: 'rest', resource: 'batch', operation: 'get', batchId: "={{ $('Send').item.json.batchId }}" };
const readMessages = { api: 'rest', resource: 'batch', operation: 'getMessages', batchId: "={{ $('Send').item.json.batchId }}", returnAll: true };

describe('issue 23 in a real n8n', () => {
	it.each(['lower', 'vendor', 'integer'] as const)('enums written "%s", the batch with its own status: the same outputs', async (enumCase) => {
		sim.setRest({ enumCase, batchStatus: true });
		const result = await run(chain(`e2e: enums ${enumCase}`, [['Send', send()], ['Get Batch', readBatch], ['Batch Messages', readMessages]]));
		expect(result.status).toBe('success');
		expect(output(result, 'Send')[0]).toMatchObject({ characterSet: 'GSM', type: 'sms', state: 'delivered', messageId: sim.state().rest.messages[0].id });
		expect(output(result, 'Get Batch')[0]).toMatchObject({ characterSet: 'GSM', type: 'sms', price: { currency: 'SEK' }, state: 'delivered', statusCode: 201, status: 'DeliveredToHandset' });
		expect(output(result, 'Batch Messages')[0]).toMatchObject({ currency: 'SEK', state: 'delivered' });
	}, 180_000);

	it('a send taken for later (202) whose messages are not listed: three reads, one POST, the item marked pending', async () => {
		sim.setRest({ postAnswer: 'accepted', messagesListedAfterMs: 3_600_000 });
		const result = await run(chain('e2e: 202, not listed', [['Send', send()]]));
		expect(result.status).toBe('success');
		const [out] = output(result, 'Send');
		expect(out).toMatchObject({ batchId: sim.state().rest.batches[0].id, state: 'delivered', messageIdsPending: true });
		expect(out).not.toHaveProperty('messageId');
		expect(out.notice).toMatch(/^iP\.1 accepted the send \(HTTP 202\), but it had not listed every message after 3 reads/);
		expect(sim.state().rest.calls).toMatchObject({ 'POST /v2/batches': 1, 'GET /v2/batches/{id}/messages': 3 });
	}, 180_000);

	it('a 41-character reference iP.1 refuses (its limit 40): the error names Reference and the possible limit', async () => {
		sim.setRest({ maxReferenceLength: 40 });
		const result = await run(chain('e2e: long reference', [['Send', send({ options: { reference: 'r'.repeat(41) } })]]));
		expect(result.status).toBe('error');
		const error = nodeError(result, 'Send');
		expect(error.message).toBe('iP.1 refused to send the message (HTTP 400)');
		expect(error.description).toMatch(/iP\.1 refused the field Reference \(41 characters\): its limit may be 40 characters/);
		expect(sim.state().rest.accepted).toBe(0);
	}, 180_000);
});
