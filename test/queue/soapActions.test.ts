/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The main SOAP actions of the iP.1 SMS node, run by n8n's queue: a webhook process enqueues each
// workflow, a worker runs it (named from the workers' logs), and the results are those the single-instance
// e2e test (test/e2e/actions.test.ts) expects.
import type { SimulatorHandle } from '../../simulator';
import { E2E_ACCOUNT, e2eWorkflow, example, importIp1Credentials, output, startE2eSimulator } from '../e2e/support/ip1';
import { runThroughQueue, type QueueRun } from './support/queueRun';
import { useStack } from './support/stack';

const stack = useStack();
let sim: SimulatorHandle;
const ranOn = new Set<string>();

beforeAll(async () => {
	sim = await startE2eSimulator();
	await importIp1Credentials(stack().main, sim);
}, 120_000);
afterAll(async () => await sim?.stop());
beforeEach(() => sim.reset());

async function run(workflow: any): Promise<QueueRun> {
	const execution = await runThroughQueue(stack(), workflow, 'soap');
	expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
	expect(stack().workers.map((w) => w.name)).toContain(execution.worker);
	expect(stack().webhooks.map((w) => w.name)).toContain(execution.webhookProcess);
	ranOn.add(execution.worker!);
	return execution;
}

describe('SOAP actions through the queue', () => {
	it('send-sms: one SMS', async () => {
		const result = await run(example('send-sms.json'));
		const [sent] = output(result as any, 'Send SMS');
		expect(sent).toMatchObject({ to: '46701234567', from: 'n8nDemo', encoding: 'GSM 03.38', segments: 1 });
		expect(sim.state().messages).toEqual([expect.objectContaining({ id: sent.id, to: '46701234567' })]);
	}, 180_000);

	it('schedule-and-cancel: schedule, read the time, cancel', async () => {
		const result = await run(example('schedule-and-cancel.json'));
		const [scheduled] = output(result as any, 'Schedule SMS');
		expect(output(result as any, 'Get Scheduled Time')[0]).toMatchObject({ id: scheduled.id, scheduled: true, sendAtUnix: scheduled.sendAtUnix });
		expect(output(result as any, 'Cancel SMS')).toEqual([{ id: scheduled.id, cancelled: true }]);
		expect(sim.state().messages[0]).toMatchObject({ id: scheduled.id, status: 12 });
	}, 180_000);

	it('group-send-from-items: one templated bundle, every status read', async () => {
		const result = await run(example('group-send-from-items.json'));
		const sent = output(result as any, 'Group Send');
		expect(sent).toHaveLength(4);
		expect(sim.state().calls.smsBundle).toBe(1);
		expect(output(result as any, 'Bundle Status').map((s) => s.final)).toEqual(['delivered', 'delivered', 'delivered', 'failed']);
		expect(sim.state().messages.map((m) => m.text)).toEqual(sent.map((s) => s.message));
	}, 180_000);

	it('mms-with-image: the image from binary data (binary data through the queue)', async () => {
		const result = await run(example('mms-with-image.json'));
		expect(sim.state().mms[0]).toMatchObject({ to: '46701234567', files: [{ name: 'ticket.png', contentType: 'image/png' }] });
		expect(output(result as any, 'MMS Status')[0]).toMatchObject({ code: 22, final: 'delivered' });
	}, 180_000);

	it('balance-alert: the balance read', async () => {
		const result = await run(example('balance-alert.json'));
		expect(output(result as any, 'Get Balance')[0]).toMatchObject({ balance: E2E_ACCOUNT.balance });
		expect(sim.state().accepted).toBe(0);
	}, 180_000);

	it('every remaining action: flash over the URL call, status, describe, group schedule and cancel, balance', async () => {
		const result = await run(e2eWorkflow('every-action.json'));
		const [flash] = output(result as any, 'Flash');
		expect(output(result as any, 'Status')[0]).toMatchObject({ id: flash.id, final: 'delivered' });
		expect(output(result as any, 'Describe')[0]).toMatchObject({ code: 22 });
		const [group] = output(result as any, 'Schedule Group');
		expect(output(result as any, 'Cancel Group')).toEqual([{ bundleId: group.bundleId, cancelled: true }]);
		expect(output(result as any, 'Balance')[0].balance).toBe(E2E_ACCOUNT.balance - 1);
	}, 180_000);

	afterAll(() => console.log(`[queue] SOAP actions ran on ${[...ranOn].sort().join(', ')}`));
});
