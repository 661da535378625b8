/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Version 2 workflows (REST API v2) run in-process by n8n-core against the simulator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Ip1SmsRestApi } from '../../credentials/Ip1SmsRestApi.credentials';
import { Ip1Sms } from '../../nodes/Ip1Sms/Ip1Sms.node';
import { startSimulator, type SimulatorHandle } from '../../simulator';
import { loadWorkflowJson, runWorkflow } from '../support/n8nCore';

jest.setTimeout(60_000);

let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true, accounts: [{ id: 'ip1-777', key: 'wf-key', balance: 500 }] });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

it('rest-send-status: one SMS per customer (GSM or UCS-2 as the text needs), then each message with its status history', async () => {
	const result = await runWorkflow(loadWorkflowJson(join(__dirname, 'workflows', 'rest-send-status.workflow.json')), {
		nodeTypes: { 'n8n-nodes-ip1.ip1Sms': new Ip1Sms() },
		credentialTypes: [new Ip1SmsRestApi()],
		credentials: { ip1SmsRestApi: { apiKey: 'wf-key-rest', baseUrl: sim.url } },
	});
	expect(result.error).toBeUndefined();
	const sent = result.runData.resultData.runData['Send SMS'][0].data!.main[0]!.map((i) => i.json);
	expect(sent.map((s) => s.to)).toEqual(['46701111111', '46702222222', '46703333333']);
	expect(sent.map((s) => s.characterSet)).toEqual(['GSM', 'GSM', 'UCS-2']);
	const { messages, batches } = sim.state().rest;
	expect(messages.map((m) => m.body)).toEqual([
		'Hej Åsa! Din order är skickad.',
		'Hej Olle! Din order är skickad.',
		'Hej Mikael 😀! Din order är skickad.',
	]);
	expect(batches.map((b) => b.datacoding)).toEqual(['gsm', 'gsm', 'ucs']);
	const read = result.lastNodeItems;
	expect(read.map((i) => i.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
	expect(read.map((i) => [i.json.messageId, i.json.batchId, i.json.to])).toEqual(sent.map((s) => [s.messageId, s.batchId, s.to]));
	for (const item of read) {
		expect(item.json.state).toBe('delivered');
		expect((item.json.history as unknown[]).length).toBeGreaterThan(1);
	}
});

/** An example of examples/ with n8n's Manual Trigger and Code node swapped for the harness's own. */
function example(file: string) {
	const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', file.includes('/') ? '' : 'examples', file), 'utf8'));
	for (const node of workflow.nodes) {
		if (node.type === 'n8n-nodes-base.manualTrigger') node.type = 'harness.manualTrigger';
		if (node.type === 'n8n-nodes-base.code') {
			const rows = JSON.parse(node.parameters.jsCode.replace(/^return /, '').replace(/;$/, '')) as Array<{ json: unknown }>;
			node.type = 'harness.setItems';
			node.typeVersion = 1;
			node.parameters = { items: JSON.stringify(rows.map((r) => r.json)) };
		}
	}
	return workflow;
}

async function runExample(file: string) {
	const result = await runWorkflow(example(file), {
		nodeTypes: { 'n8n-nodes-ip1.ip1Sms': new Ip1Sms() },
		credentialTypes: [new Ip1SmsRestApi()],
		credentials: { ip1SmsRestApi: { apiKey: 'wf-key-rest', baseUrl: sim.url } },
	});
	expect(result.error).toBeUndefined();
	return result;
}

it('examples/rest-send-sms.json: each customer gets a personalised SMS, then its status is read', async () => {
	const result = await runExample('rest-send-sms.json');
	expect(sim.state().rest.messages.map((m) => [m.recipient, m.body])).toEqual([
		['46701000001', 'Hej Anna! Din order är skickad.'],
		['46701000002', 'Hej Björn! Din order är skickad.'],
	]);
	expect(result.lastNodeItems.map((i) => i.json.state)).toEqual(['delivered', 'delivered']);
});

it('examples/rest-batch-combine.json: one request for all items, the batch read once (no Execute Once needed)', async () => {
	const result = await runExample('rest-batch-combine.json');
	const { calls, messages } = sim.state().rest;
	expect(calls['POST /v2/batches']).toBe(1);
	expect(messages.map((m) => m.body)).toEqual(['Hej Anna! Order A-1001 är skickad.', 'Hej Björn! Order A-1002 är skickad.', 'Hej Cecilia! Order A-1003 är skickad.']);
	expect(result.lastNodeItems).toHaveLength(3);
	expect(result.lastNodeItems.every((i) => JSON.stringify(i.json.inputItems) === '[0,1,2]')).toBe(true);
});

it('test/e2e/workflows/rest-every-action.json runs every REST action of SMS, Batch and Account', async () => {
	const result = await runExample('test/e2e/workflows/rest-every-action.json');
	const out = (node: string) => result.runData.resultData.runData[node][0].data!.main[0]!.map((i) => i.json);
	expect(out('SMS Status')[0]).toMatchObject({ state: 'delivered', to: '46701234567' });
	expect(out('Cancel SMS')[0]).toMatchObject({ cancelled: true });
	expect(out('Get Batch')[0]).toMatchObject({ message: 'Batch' });
	expect(out('Batch Messages')).toHaveLength(2);
	expect(out('Cancel Batch')[0]).toMatchObject({ cancelled: true });
	expect(out('Get Many Batches').length).toBeGreaterThanOrEqual(4);
	expect(out('Balance')[0]).toMatchObject({ currency: 'SEK' });
	expect(sim.state().rest.messages.filter((m) => m.status === 203)).toHaveLength(3);
});
