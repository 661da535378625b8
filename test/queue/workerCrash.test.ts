/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// A worker killed in the middle of a 1,000-item send: does another worker run the execution again and
// send the SMS that already went out a second time? n8n 2.40 never re-runs a stalled job: its
// ScalingService creates Bull's queue with `maxStalledCount: 0` whatever the environment says (the old
// QUEUE_WORKER_MAX_STALLED_COUNT is removed and ignored), and a job whose execution is marked crashed is
// skipped. This test sets that variable to 1 anyway and short lock times, so a re-run would happen here
// within seconds if n8n allowed it, and counts what the simulator received twice.
import type { SimulatorHandle } from '../../simulator';
import { example, importIp1Credentials, startE2eSimulator } from '../e2e/support/ip1';
import { recordQueueFigure } from './support/figures';
import { viaWebhook, workerThatRan } from './support/queueRun';
import { saveState, useStack } from './support/stack';

const stack = useStack();
let sim: SimulatorHandle;
const ITEMS = 1000;

/** Bull's stall detection made fast (a lock lapses 5 s after its worker died), and the removed knob set to allow one re-run. */
const FAST_STALL = { QUEUE_WORKER_MAX_STALLED_COUNT: '1', QUEUE_WORKER_LOCK_DURATION: '5000', QUEUE_WORKER_LOCK_RENEW_TIME: '2000', QUEUE_WORKER_STALLED_INTERVAL: '5000' };

function thousandSends(): any {
	const send = example('send-sms.json');
	const sms = send.nodes.find((n: any) => n.name === 'Send SMS');
	sms.parameters = { ...sms.parameters, to: '={{ $json.to }}', message: '={{ $json.message }}' };
	const items = {
		id: 'b0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e',
		name: 'Recipients',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [110, 0],
		parameters: { jsCode: `return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { to: '4673' + String(1000000 + i), message: 'Kod ' + (100000 + i) } }));` },
	};
	const trigger = send.nodes[0].name;
	return {
		...send,
		name: 'worker crash: 1,000 sends',
		nodes: [send.nodes[0], items, sms],
		connections: { [trigger]: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] }, Recipients: { main: [[{ node: 'Send SMS', type: 'main', index: 0 }]] } },
	};
}

beforeAll(async () => {
	sim = await startE2eSimulator();
	await importIp1Credentials(stack().main, sim);
	for (const worker of [...stack().workers]) await stack().restart(worker, FAST_STALL);
	saveState(stack());
}, 300_000);
afterAll(async () => await sim?.stop());

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

describe('a worker killed in the middle of a 1,000-item send', () => {
	it('no SMS reaches the simulator twice: the stalled job is not run again', async () => {
		// each send takes 40 ms at the gateway, so the 1,000 sends (10 at a time) last several seconds
		sim.setFault({ kind: 'delay', delayMs: 40, service: 'sms' });
		const { workflow, path: hookPath } = viaWebhook(thousandSends(), 'crash');
		const id = await stack().createWorkflow(workflow, true);
		const answer = await fetch(stack().webhookUrl(hookPath), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(answer.status).toBe(200);

		await until(() => sim.state().accepted >= 300, 120_000, '300 SMS at the simulator');
		const [executionId] = stack().sql(`select id from execution_entity where "workflowId" = '${id}'`)[0];
		const victimName = workerThatRan(stack().workers, executionId);
		const victim = stack().workers.find((w) => w.name === victimName)!;
		expect(victim).toBeDefined();
		await stack().kill(victim);
		const atKill = sim.state().accepted;

		// a lock lapses after 5 s and the surviving worker checks for stalled jobs every 5 s: give it 4 times that
		await new Promise((r) => setTimeout(r, 40_000));
		const messages = sim.state().messages;
		const perRecipient = new Map<string, number>();
		for (const m of messages) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
		const twice = [...perRecipient.values()].filter((n) => n > 1).length;
		const survivor = stack().workers.find((w) => w !== victim)!;
		const rerun = workerThatRan([survivor], executionId) !== undefined;
		const [status] = stack().sql(`select status from execution_entity where id = ${Number(executionId)}`)[0];
		recordQueueFigure('queueWorkerKilled', {
			items: ITEMS,
			killedAfter: atKill,
			receivedBySimulator: messages.length,
			distinctRecipients: perRecipient.size,
			receivedTwice: twice,
			runAgainByOtherWorker: rerun,
			executionStatusAfter: status,
			notes: `${victim.name} killed with SIGKILL after ${atKill} of ${ITEMS} SMS; QUEUE_WORKER_MAX_STALLED_COUNT=1 and 5 s locks set`,
		}, {
			cases: ITEMS,
			doubled: twice,
			failed: twice + (rerun ? 1 : 0),
			notes: `${victim.name} killed after ${atKill} of ${ITEMS} SMS: the simulator got ${messages.length}, ${twice} twice; run again by the other worker: ${rerun ? 'yes' : 'no'}`,
		});
		expect({ twice, rerun }).toEqual({ twice: 0, rerun: false });
		expect(messages.length).toBeLessThan(ITEMS);
		sim.clearFaults();
		await stack().restart(victim);
		saveState(stack());
	}, 300_000);
});
