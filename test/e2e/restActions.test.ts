/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Every REST API v2 action of the iP.1 SMS node (version 2), run by the real n8n (the packed package as a
// community package) against the simulator's REST API; the simulator's state shows what n8n really sent.
// Also the REST credential's Test button: passes with the right key, fails with a wrong one.
import fs from 'node:fs';
import path from 'node:path';

import { restRegistry } from '../../nodes/Ip1Sms/v2/actions/rest.registry';
import type { SimulatorHandle } from '../../simulator';
import { N8N_MAJOR } from './support/n8n-rest';
import { useN8n } from './support/shared-n8n';
import { E2E_ACCOUNT, e2eWorkflow, example, output, startE2eSimulator } from './support/ip1';
import { importMcpCredentials, REST_CREDENTIAL } from './support/mcp';

const n8n = useN8n();
let sim: SimulatorHandle;
const REST_KEY = `${E2E_ACCOUNT.key}-rest`; // the simulator's REST key of an account given without restKeys

beforeAll(async () => {
	sim = await startE2eSimulator();
	await importMcpCredentials(n8n(), sim);
}, 120_000);
afterAll(async () => await sim?.stop());
beforeEach(() => sim.reset());

async function run(workflow: any) {
	const id = await n8n().importWorkflow(workflow);
	return await n8n().executeWorkflow(id);
}

const restNode = (name: string, parameters: Record<string, unknown>, x: number) => ({
	name,
	type: 'n8n-nodes-ip1.ip1Sms',
	typeVersion: 2,
	position: [x, 0],
	parameters,
	credentials: { ip1SmsRestApi: REST_CREDENTIAL },
	executeOnce: true, // a chain of actions: each runs once, whatever the previous one put out
});

function chain(name: string, nodes: any[]): any {
	const all = [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, ...nodes];
	const connections: Record<string, unknown> = {};
	for (let k = 0; k + 1 < all.length; k++) connections[all[k].name] = { main: [[{ node: all[k + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

describe('the iP.1 SMS node, REST API v2, in a real n8n', () => {
	it('examples/rest-send-sms.json sends a personalised SMS per item and reads each status', async () => {
		const result = await run(example('rest-send-sms.json'));
		expect(result.status).toBe('success');
		expect(sim.state().rest.messages.map((m: any) => [m.recipient, m.body])).toEqual([
			['46701000001', 'Hej Anna! Din order är skickad.'],
			['46701000002', 'Hej Björn! Din order är skickad.'],
		]);
		const sent = output(result, 'Send SMS');
		expect(sent.map((s) => s.to)).toEqual(['46701000001', '46701000002']);
		expect(sent.every((s) => /^[0-9a-f]{24}$/.test(s.batchId) && /^[0-9a-f]{24}$/.test(s.messageId))).toBe(true);
		expect(output(result, 'Get Status').map((s) => s.state)).toEqual(['delivered', 'delivered']);
	}, 180_000);

	it('examples/rest-batch-combine.json sends every item in one request and reads the batch once', async () => {
		const result = await run(example('rest-batch-combine.json'));
		expect(result.status).toBe('success');
		const { calls, messages } = sim.state().rest;
		expect(calls['POST /v2/batches']).toBe(1);
		expect(messages.map((m: any) => m.body)).toEqual(['Hej Anna! Order A-1001 är skickad.', 'Hej Björn! Order A-1002 är skickad.', 'Hej Cecilia! Order A-1003 är skickad.']);
		expect(output(result, 'Batch Messages')).toHaveLength(3);
	}, 180_000);

	it('every SMS, Batch and Account action (test/e2e/workflows/rest-every-action.json)', async () => {
		const result = await run(e2eWorkflow('rest-every-action.json'));
		expect(result.status).toBe('success');
		expect(output(result, 'SMS Status')[0]).toMatchObject({ state: 'delivered', to: '46701234567' });
		expect(output(result, 'Cancel SMS')[0]).toMatchObject({ cancelled: true });
		expect(output(result, 'Get Batch')[0]).toMatchObject({ message: 'Batch' });
		expect(output(result, 'Batch Messages')).toHaveLength(2);
		expect(output(result, 'Cancel Batch')[0]).toMatchObject({ cancelled: true });
		expect(output(result, 'Get Many Batches').length).toBeGreaterThanOrEqual(4);
		expect(output(result, 'Balance')[0]).toMatchObject({ currency: 'SEK', balance: expect.any(Number) });
		expect(sim.state().rest.messages.filter((m: any) => m.status === 203)).toHaveLength(3);
	}, 180_000);

	it('Sender, Blacklist and Conversation actions', async () => {
		const workflow = chain('iP.1 REST: senders, blacklist, conversation', [
			restNode('Register Sender', { resource: 'sender', operation: 'register', sender: 'Shop24' }, 200),
			restNode('Senders', { resource: 'sender', operation: 'getAll' }, 400),
			restNode('Get Sender', { resource: 'sender', operation: 'get', sender: 'shop24' }, 500),
			restNode('Send', { resource: 'sms', operation: 'send', to: '46701230001', from: 'Shop24', message: 'Hej' }, 600),
			restNode('Block', { resource: 'blacklist', operation: 'add', phoneNumber: '46701230002' }, 800),
			restNode('Blacklist', { resource: 'blacklist', operation: 'getAll', returnAll: true }, 1000),
			restNode('Unblock', { resource: 'blacklist', operation: 'remove', phoneNumber: '46701230002' }, 1200),
			restNode('Conversation', { resource: 'conversation', operation: 'getMessages', phoneNumber: '46701230001', direction: 'all', returnAll: true }, 1400),
			restNode('Summary', { resource: 'conversation', operation: 'getSummary', phoneNumber: '46701230001' }, 1600),
			restNode('Remove Sender', { resource: 'sender', operation: 'remove', sender: 'Shop24' }, 1800),
		]);
		const result = await run(workflow);
		if (result.status !== 'success') console.error(JSON.stringify(result.data.resultData.error));
		expect(result.status).toBe('success');
		expect(output(result, 'Senders').map((s) => s.sender)).toEqual(expect.arrayContaining(['Shop24']));
		expect(output(result, 'Get Sender')).toEqual([{ sender: 'Shop24', createdAt: expect.any(String) }]);
		expect(output(result, 'Blacklist').map((b) => b.phoneNumber)).toEqual(expect.arrayContaining(['46701230002']));
		const conversation = output(result, 'Conversation');
		expect(conversation).toHaveLength(1);
		expect(conversation[0]).toMatchObject({ to: '46701230001' });
		expect(output(result, 'Summary')[0]).toMatchObject({ totalMessages: 1 });
		const rest = sim.state().rest;
		expect(rest.messages.map((m: any) => [m.sender, m.recipient, m.body])).toEqual([['Shop24', '46701230001', 'Hej']]);
	}, 180_000);

	it('Template, Contact and Label actions, and an SMS from a template (issue 23)', async () => {
		const created = "={{ $('Create Contact').first().json.contactId }}";
		const workflow = chain('iP.1 REST: templates, contacts, labels', [
			restNode('Templates', { resource: 'template', operation: 'getAll', returnAll: true }, 200),
			restNode('Orders Templates', { resource: 'template', operation: 'getAll', category: '/orders', returnAll: true }, 300),
			restNode('Send From Template', {
				resource: 'sms', operation: 'send', to: '46701230011', from: 'iP1', messageSource: 'template',
				template: { __rl: true, mode: 'id', value: "={{ $('Orders Templates').first().json.templateId }}" },
				templateFields: { field: [{ key: 'name', value: 'Anna' }, { key: 'order', value: 'A-7' }] },
			}, 400),
			restNode('Create Contact', { resource: 'contact', operation: 'create', phoneNumber: '+46 70 123 00 11', contactFields: { firstName: 'Anna', labels: 'customers' } }, 600),
			restNode('Upsert Contact', { resource: 'contact', operation: 'upsert', phoneNumber: '46701230011', contactFields: { lastName: 'Svensson' } }, 800),
			restNode('Upsert New Contact', { resource: 'contact', operation: 'upsert', phoneNumber: '46701230012', contactFields: { firstName: 'Bo' } }, 900),
			restNode('Update Contact', { resource: 'contact', operation: 'update', contactId: created, contactFields: { email: 'anna@example.com' } }, 1000),
			restNode('Get Contact', { resource: 'contact', operation: 'get', contactId: created }, 1200),
			restNode('Customers', { resource: 'contact', operation: 'getAll', label: 'customers', returnAll: true }, 1400),
			restNode('Label VIP', { resource: 'label', operation: 'addContacts', label: 'vip', contactIds: created }, 1600),
			restNode('Delete Label', { resource: 'label', operation: 'delete', label: 'vip' }, 1800),
			restNode('Delete Contact', { resource: 'contact', operation: 'delete', contactId: created }, 2000),
		]);
		const result = await run(workflow);
		if (result.status !== 'success') console.error(JSON.stringify(result.data.resultData.error));
		expect(result.status).toBe('success');
		expect(output(result, 'Templates').map((t) => t.name)).toEqual(['Order shipped', 'Appointment reminder', 'Thanks']);
		expect(output(result, 'Send From Template')[0]).toMatchObject({ to: '46701230011', message: 'Hej Anna! Din order A-7 är skickad.' });
		const [created0] = output(result, 'Create Contact');
		expect(created0).toMatchObject({ contactId: expect.stringMatching(/^[0-9a-f]{24}$/), phoneNumber: '46701230011', imported: true, labels: ['customers'] });
		expect(output(result, 'Upsert Contact')[0]).toMatchObject({ action: 'updated', contactId: created0.contactId, firstName: 'Anna', lastName: 'Svensson' });
		expect(output(result, 'Upsert New Contact')[0]).toMatchObject({ action: 'created', imported: true, firstName: 'Bo' });
		expect(output(result, 'Get Contact')[0]).toMatchObject({ contactId: created0.contactId, email: 'anna@example.com' });
		expect(output(result, 'Customers').map((c) => c.contactId)).toEqual([created0.contactId]);
		expect(output(result, 'Label VIP')[0]).toEqual({ label: 'vip', contactIds: [created0.contactId], contactCount: 1 });
		expect(output(result, 'Delete Label')[0]).toEqual({ label: 'vip', deleted: true, contactCount: 1 });
		expect(output(result, 'Delete Contact')[0]).toEqual({ contactId: created0.contactId, deleted: true });
		const rest = sim.state().rest;
		expect(rest.messages.map((m: any) => m.body)).toEqual(['Hej Anna! Din order A-7 är skickad.']);
		expect(rest.contacts[E2E_ACCOUNT.id].map((c: any) => c.properties)).toEqual([{ phoneNumber: '+46701230012', firstName: 'Bo' }]);
	}, 180_000);

	it("the Template list of the editor: n8n's list search names the account's templates", async () => {
		const answer = await n8n().restApi.request('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.template',
			nodeTypeAndVersion: { name: 'n8n-nodes-ip1.ip1Sms', version: 2 },
			currentNodeParameters: { api: 'rest', resource: 'sms', operation: 'send', messageSource: 'template' },
			credentials: { ip1SmsRestApi: REST_CREDENTIAL },
			methodName: 'searchTemplates',
			filter: 'order',
		});
		const ids = sim.state().rest.templates[E2E_ACCOUNT.id].map((t: any) => t.id);
		expect((answer.data ?? answer).results).toEqual([{ name: 'Order shipped (/orders)', value: ids[0] }]);
	}, 60_000);
});

it('together the REST workflows above (and sendAndWait.test.ts) run every action of the REST registry', () => {
	const workflowActions = (nodes: Array<{ type: string; parameters: Record<string, unknown> }>) =>
		nodes.filter((n) => n.type === 'n8n-nodes-ip1.ip1Sms').map((n) => `${n.parameters.resource} → ${n.parameters.operation}`);
	const fromFile = workflowActions(e2eWorkflow('rest-every-action.json').nodes);
	// Send and Wait for Response has its own file: it needs a trigger, a reply and a waiting execution
	const source = [__filename, path.join(__dirname, 'sendAndWait.test.ts')].map((file) => fs.readFileSync(file, 'utf8')).join('\n');
	const inline = [...source.matchAll(/resource: '(\w+)', operation: '(\w+)'/g)].map((m) => `${m[1]} → ${m[2]}`);
	const covered = new Set([...fromFile, ...inline]);
	const registered = Object.entries(restRegistry).flatMap(([resource, operations]) => Object.keys(operations).map((operation) => `${resource} → ${operation}`));
	expect(registered.filter((action) => !covered.has(action))).toEqual([]);
});

// n8n 1.x's credential tester shows its own words for a failed test request; n8n 2.x the credential's rule for the status
const n8n1 = N8N_MAJOR < 2;

describe('the iP.1 SMS REST API credential test in a real n8n', () => {
	async function testCredential(data: Record<string, string>): Promise<{ status: string; message: string }> {
		return await n8n().restApi.testCredential({ name: 'iP.1 REST test', type: 'ip1SmsRestApi', data });
	}

	it('passes with the right key and fails with a wrong one', async () => {
		expect((await testCredential({ apiKey: REST_KEY, baseUrl: sim.url })).status).toBe('OK');
		const wrong = await testCredential({ apiKey: 'not-the-key', baseUrl: sim.url });
		expect(wrong.status).toBe('Error');
		expect(JSON.stringify(wrong)).not.toContain('not-the-key');
		// issue 24: the editor shows this under "Couldn't connect with these settings", not "Unauthorized"
		expect(wrong.message).toBe(
			n8n1
				? 'Authorization failed - please check your credentials'
				: 'iP.1 did not accept the API key (HTTP 401): check the API Key; it may be wrong, revoked or from another account. Keys are made in the iP.1 portal under Accounts → API keys.',
		);
	}, 60_000);

	it('a Base URL that is not the REST API says so (issue 24)', async () => {
		const wrongPath = await testCredential({ apiKey: REST_KEY, baseUrl: `${sim.url}/not-here` });
		const message = n8n1 ? 'The resource you are requesting could not be found' : "The Base URL does not answer as iP.1's REST API (HTTP 404): use https://api.ip1sms.com.";
		expect(wrongPath).toMatchObject({ status: 'Error', message });
	}, 60_000);
});
