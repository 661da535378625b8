/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Workflow JSON files with the iP.1 SMS node, run in-process by n8n-core against the simulator.
import { join } from 'node:path';

import { Ip1SmsApi } from '../../credentials/Ip1SmsApi.credentials';
import { Ip1Sms } from '../../nodes/Ip1Sms/Ip1Sms.node';
import { startSimulator, type SimulatorHandle } from '../../simulator';
import { loadWorkflowJson, runWorkflow } from '../support/n8nCore';

let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true, accounts: [{ id: 'ip1-777', key: 'wf-key', balance: 500 }] });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

async function run(file: string) {
	const result = await runWorkflow(loadWorkflowJson(join(__dirname, 'workflows', file)), {
		nodeTypes: { 'n8n-nodes-ip1.ip1Sms': new Ip1Sms() },
		credentialTypes: [new Ip1SmsApi()],
		credentials: { ip1SmsApi: { accountId: 'ip1-777', apiKey: 'wf-key', baseUrl: sim.url, soapNamespace: 'http://tempuri.org/' } },
	});
	expect(result.error).toBeUndefined();
	return result;
}

const outputOf = (result: Awaited<ReturnType<typeof run>>, node: string) =>
	result.runData.resultData.runData[node][0].data!.main[0]!.map((i) => i.json);

it('send-sms: one SMS per customer with the personalised text, then each status', async () => {
	const result = await run('send-sms.workflow.json');
	const sent = outputOf(result, 'Send SMS');
	expect(sent.map((s) => s.to)).toEqual(['46701111111', '46702222222', '46703333333']);
	expect(sim.state().messages.map((m) => m.text)).toEqual([
		'Hej Åsa! Din order är skickad.',
		'Hej Olle! Din order är skickad.',
		'Hej Mikael! Din order är skickad.',
	]);
	expect(result.lastNodeItems.map((i) => [i.json.id, i.json.final])).toEqual(sent.map((s) => [s.id, 'delivered']));
});

it('group-combine: five items, three bundle requests of at most two, each paired with its own text', async () => {
	const result = await run('group-combine.workflow.json');
	expect(sim.state().calls.smsBundle).toBe(3);
	const out = result.lastNodeItems;
	expect(out).toHaveLength(5);
	expect(out.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	expect(out[1].json.message).toBe('Hej Björn! Din tid är 18:30.');
	const stored = new Map(sim.state().messages.map((m) => [m.to, m.text]));
	expect(stored.get('46700000004')).toBe('Hej Eva! Din tid är 20:00.');
	expect(new Set(out.map((i) => i.json.bundleId)).size).toBe(3);
});

it('mms: the image from binary data reaches the gateway, then its status is read', async () => {
	const result = await run('mms.workflow.json');
	expect(sim.state().mms[0].files).toEqual([{ name: 'ticket.png', contentType: 'image/png', size: 70 }]);
	expect(result.lastNodeItems[0].json).toMatchObject({ code: 22, final: 'delivered' });
});

it('schedule-cancel: a Luxon DateTime from $now, the Swedish scheduled time, then cancelled', async () => {
	const before = Date.now() / 1000;
	const result = await run('schedule-cancel.workflow.json');
	const scheduled = outputOf(result, 'Schedule')[0];
	expect(scheduled.sendAtUnix as number).toBeGreaterThan(before + 86000);
	const time = outputOf(result, 'Scheduled Time')[0];
	expect(time.sendAtUnix).toBe(scheduled.sendAtUnix);
	expect(time.sendAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
	expect(result.lastNodeItems[0].json).toEqual({ id: scheduled.id, cancelled: true });
	expect(sim.state().messages[0].status).toBe(12);
});
