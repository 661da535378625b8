/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Every action of the iP.1 SMS node, run by the real n8n (the packed package as a community package)
// against the gateway simulator; the simulator's state shows what n8n really sent.
import type { SimulatorHandle } from '../../simulator';
import { useN8n } from './support/shared-n8n';
import { E2E_ACCOUNT, e2eWorkflow, example, importIp1Credentials, nodeError, output, startE2eSimulator } from './support/ip1';

const n8n = useN8n();
let sim: SimulatorHandle;

beforeAll(async () => {
	sim = await startE2eSimulator();
	await importIp1Credentials(n8n(), sim);
}, 120_000);
afterAll(async () => await sim?.stop());
beforeEach(() => sim.reset());

async function run(workflow: any) {
	const id = await n8n().importWorkflow(workflow);
	return await n8n().executeWorkflow(id);
}

describe('the iP.1 SMS node in a real n8n', () => {
	it('examples/send-sms.json sends one SMS', async () => {
		const result = await run(example('send-sms.json'));
		expect(result.status).toBe('success');
		const [sent] = output(result, 'Send SMS');
		expect(sent).toMatchObject({ to: '46701234567', from: 'n8nDemo', encoding: 'GSM 03.38', segments: 1 });
		expect(sim.state().messages).toEqual([expect.objectContaining({ id: sent.id, to: '46701234567', text: 'Hej från n8n! Det här SMS:et gick genom iP.1-noden.' })]);
	}, 120_000);

	it('examples/schedule-and-cancel.json schedules, reads the Swedish time, cancels', async () => {
		const result = await run(example('schedule-and-cancel.json'));
		expect(result.status).toBe('success');
		const [scheduled] = output(result, 'Schedule SMS');
		const [time] = output(result, 'Get Scheduled Time');
		expect(time).toMatchObject({ id: scheduled.id, scheduled: true, sendAtUnix: scheduled.sendAtUnix });
		expect(time.sendAt).toMatch(/\+0[12]:00$/);
		expect(output(result, 'Cancel SMS')).toEqual([{ id: scheduled.id, cancelled: true }]);
		expect(sim.state().messages[0]).toMatchObject({ id: scheduled.id, status: 12, sendAt: scheduled.sendAtUnix });
	}, 120_000);

	it('examples/group-send-from-items.json sends one templated bundle and reads every message status', async () => {
		const result = await run(example('group-send-from-items.json'));
		expect(result.status).toBe('success');
		const sent = output(result, 'Group Send');
		expect(sent.map((s) => s.message)).toEqual([
			'Hej Anna! Order A-1001 är skickad.',
			'Hej Björn! Order A-1002 är skickad.',
			'Hej Cecilia! Order A-1003 är skickad.',
			'Hej David! Order A-1004 är skickad.',
		]);
		expect(sim.state().calls.smsBundle).toBe(1);
		const statuses = output(result, 'Bundle Status');
		expect(statuses.map((s) => s.final)).toEqual(['delivered', 'delivered', 'delivered', 'failed']);
		expect(sim.state().messages.map((m) => m.text)).toEqual(sent.map((s) => s.message));
	}, 120_000);

	it('examples/mms-with-image.json sends the image from binary data', async () => {
		const result = await run(example('mms-with-image.json'));
		expect(result.status).toBe('success');
		expect(sim.state().mms[0]).toMatchObject({ to: '46701234567', from: '46700000000', files: [{ name: 'ticket.png', contentType: 'image/png' }] });
		expect(output(result, 'MMS Status')[0]).toMatchObject({ code: 22, final: 'delivered' });
	}, 120_000);

	it('examples/balance-alert.json reads the balance and alerts only when it is low', async () => {
		const high = await run(example('balance-alert.json'));
		expect(high.status).toBe('success');
		expect(output(high, 'Get Balance')[0]).toMatchObject({ balance: E2E_ACCOUNT.balance, raw: `${E2E_ACCOUNT.balance}.00` });
		expect(high.data.resultData.runData['Alert Admin']).toBeUndefined();
		expect(sim.state().accepted).toBe(0);

		const lowThreshold = example('balance-alert.json');
		lowThreshold.nodes.find((n: any) => n.name === 'Balance Low?').parameters.conditions.conditions[0].rightValue = E2E_ACCOUNT.balance + 1;
		const result = await run(lowThreshold);
		expect(result.status).toBe('success');
		expect(output(result, 'Alert Admin')[0]).toMatchObject({ to: '46709999999', priority: 3 });
		expect(sim.state().messages[0].text).toBe(`iP.1 balance is low: ${E2E_ACCOUNT.balance}.00. Top up at the iP.1 portal.`);
	}, 120_000);

	it('the remaining actions: flash over the URL call, status, describe, group schedule and cancel, balance', async () => {
		const result = await run(e2eWorkflow('every-action.json'));
		expect(result.status).toBe('success');
		const [flash] = output(result, 'Flash');
		expect(flash).toMatchObject({ type: 'flash', transport: 'url' });
		expect(output(result, 'Status')[0]).toMatchObject({ id: flash.id, code: 22, final: 'delivered' });
		expect(output(result, 'Describe')[0]).toMatchObject({ code: 22, description: 'Delivered to the phone' });
		const [group] = output(result, 'Schedule Group');
		expect(group.recipients).toEqual(['46701110002', '46701110003']);
		expect(output(result, 'Cancel Group')).toEqual([{ bundleId: group.bundleId, cancelled: true }]);
		const state = sim.state();
		expect(state.messages.find((m) => m.id === flash.id)).toMatchObject({ flash: true, via: 'url', text: 'Flash över URL-anropet' });
		expect(state.messages.filter((m) => m.bundleId === group.bundleId).map((m) => m.status)).toEqual([12, 12]);
		expect(output(result, 'Balance')[0].balance).toBe(E2E_ACCOUNT.balance - 1);
	}, 120_000);

	it('a wrong key fails the execution with the readable message', async () => {
		const result = await run(e2eWorkflow('wrong-key.json'));
		expect(result.status).toBe('error');
		expect(nodeError(result, 'Send').message).toBe('iP.1 rejected the message: wrong account ID or API key (code 101)');
		expect(result.data.resultData.runData.After).toBeUndefined();
		expect(sim.state().accepted).toBe(0);
	}, 120_000);

	it('with Continue On Fail the workflow goes on, the item carries the error and the code', async () => {
		const result = await run(e2eWorkflow('wrong-key-continue.json'));
		expect(result.status).toBe('success');
		expect(output(result, 'After')[0]).toMatchObject({ error: 'iP.1 rejected the message: wrong account ID or API key (code 101)', code: 101 });
	}, 120_000);

	it('a number without country code fails before anything is sent', async () => {
		const result = await run(e2eWorkflow('bad-number.json'));
		expect(result.status).toBe('error');
		expect(nodeError(result, 'Send').message).toMatch(/^To "070-123 45 67" has no country code.*\[item 0\]$/);
		expect(sim.state().requestCount).toBe(0);
	}, 120_000);

	// As an AI agent tool: test/e2e/mcp.test.ts runs the tools through n8n's MCP Server Trigger with an MCP client.
});
