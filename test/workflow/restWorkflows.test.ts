/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Version 2 workflows (REST API v2) run in-process by n8n-core against the simulator.
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
