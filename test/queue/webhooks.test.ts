/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The iP.1 SMS Trigger (version 2, REST webhooks) on n8n's webhook processes behind haproxy: load,
// repeats across processes, and a webhook process killed in the middle of the load.
import { closeGateway, deliver, deliveryReport, incomingSms, pooled, postJson, split, type Delivery } from './support/gateway';
import { perMessage, recordedExecutions, settledCount } from './support/executions';
import { recordQueueFigure } from './support/figures';
import { saveState, useStack } from './support/stack';

const stack = useStack();
const HOOK = '7b1e4c2a-9f3d-4e8b-a6c5-d2f1e0b9c8a7';
let workflowId: string;
const ID = /q13-(?:mo|dr|rp|sim|kill|tick)-\d{5}/;

function triggerWorkflow() {
	return {
		name: 'queue: iP.1 trigger (REST webhooks)',
		nodes: [
			{
				id: HOOK,
				name: 'iP.1 SMS Trigger',
				type: 'n8n-nodes-ip1.ip1SmsTrigger',
				typeVersion: 2,
				position: [0, 0],
				parameters: { api: 'rest', events: ['incomingSms', 'deliveryReport'], options: {} },
				webhookId: HOOK,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const viaHaproxy = () => stack().webhookUrl(`${HOOK}/ip1-sms`);
const direct = (name: string) => `http://127.0.0.1:${stack().webhooks.find((w) => w.name === name)!.port}/webhook/${HOOK}/ip1-sms`;
const key = (kind: string, i: number) => `q13-${kind}-${String(i).padStart(5, '0')}`;

function counted(keys: string[]) {
	return perMessage(recordedExecutions(stack(), workflowId, ID), keys);
}

beforeAll(async () => {
	workflowId = await stack().createWorkflow(triggerWorkflow(), true);
}, 120_000);
afterAll(() => closeGateway());

const firstLoad: Delivery[] = [];

describe('REST webhooks through haproxy to two webhook processes', () => {
	it('1,000 incoming SMS and 1,000 delivery reports, 50 at a time: 200 OK once recorded, one execution each, both processes used', async () => {
		// as iP.1 does, a call not answered 200 is sent again (here after 1 s, not 10 minutes). On a quiet
		// machine every first answer is 200; an overloaded n8n answers 503 ("Database is not ready!" after a
		// slow database ping) or drops the connection, which the gateway retries: counted, never a 200
		// without an execution, never a second execution.
		const started = Date.now();
		const deliveries = await pooled(2000, 50, (i) =>
			i % 2 === 0 ? deliverAsGateway(key('mo', i / 2), incomingSms(key('mo', i / 2), i / 2)) : deliverAsGateway(key('dr', (i - 1) / 2), deliveryReport(key('dr', (i - 1) / 2), (i - 1) / 2)),
		);
		const seconds = (Date.now() - started) / 1000;
		firstLoad.push(...deliveries);
		const firstNotOk = deliveries.filter((d) => d.attempts[0].status !== 200);
		const answers = deliveries.flatMap((d) => d.attempts);
		const wrong = answers.filter((a) => (a.status === 200 && a.body !== 'OK') || (typeof a.status === 'number' && a.status !== 200 && a.status < 500));
		const executions = await settledCount(stack(), workflowId, 2000);
		const { lost, doubled } = counted(deliveries.map((d) => d.key));
		const byProcess = split(deliveries);
		const notOkKinds = firstNotOk.reduce<Record<string, number>>((acc, d) => ({ ...acc, [String(d.attempts[0].status)]: (acc[String(d.attempts[0].status)] ?? 0) + 1 }), {});
		recordQueueFigure('queueWebhookLoad', { webhooks: 2000, seconds: Number(seconds.toFixed(1)), firstNotOk: firstNotOk.length, firstNotOkKinds: notOkKinds, unacknowledged: deliveries.filter((d) => !d.acknowledged).length, executions, lost: lost.length, doubled: Object.keys(doubled).length, split: byProcess, notes: '1,000 incoming SMS + 1,000 delivery reports at 50 concurrent through haproxy, a call not answered 200 sent again after 1 s' }, {
			cases: 2000,
			lost: lost.length,
			doubled: Object.keys(doubled).length,
			failed: wrong.length + lost.length + Object.keys(doubled).length,
			notes: `2,000 webhooks, 50 at a time: ${2000 - firstNotOk.length} first answers 200 OK (${firstNotOk.length} not: ${JSON.stringify(notOkKinds)}, sent again), ${executions} executions; answered by ${Object.entries(byProcess).map(([p, n]) => `${p} ${n}`).join(', ')}; ${seconds.toFixed(0)} s`,
		});
		expect(wrong).toEqual([]);
		expect(deliveries.filter((d) => !d.acknowledged).map((d) => d.key)).toEqual([]);
		expect({ executions, lost, doubled }).toEqual({ executions: 2000, lost: [], doubled: {} });
		expect(Object.keys(byProcess).sort()).toEqual(stack().webhooks.map((w) => w.name).sort());
	}, 900_000);

	it('a repeat minutes later: through haproxy it meets the process that took it (nothing starts); on the other process it starts a second execution with the same dedupeKey', async () => {
		// iP.1 repeats a webhook it got no 200 for (every 10 minutes). The trigger's memory is the process's own
		// (docs/queue-mode.md): haproxy's hash of the message id sends the repeat to the process that took the
		// message, which starts nothing. A repeat reaching the other process (the first one down, or a balancer
		// that does not route by message) starts a second execution; its item carries the same `dedupeKey`, on
		// which the documented Remove Duplicates recipe stops it (proven by the crash test).
		const sample = firstLoad.slice(-100);
		const tookOf = (d: Delivery) => d.attempts.find((a) => a.status === 200)?.servedBy;
		const bodyOf = (d: Delivery) => {
			const [kind, n] = [d.key.split('-')[1], Number(d.key.split('-')[2])];
			return kind === 'mo' ? incomingSms(d.key, n) : deliveryReport(d.key, n);
		};
		const started = async (send: () => Promise<Array<{ status: number | string; body: string; servedBy?: string }>>) => {
			const before = await settledCount(stack(), workflowId, 0, 1000);
			const answers = await send();
			expect(answers.filter((a) => a.status !== 200 || a.body !== 'OK')).toEqual([]);
			return { answers, started: (await settledCount(stack(), workflowId, before, 3000)) - before };
		};
		const viaBalancer = sample.slice(0, 50);
		const balanced = await started(() => Promise.all(viaBalancer.map((d) => postJson(viaHaproxy(), bodyOf(d)))));
		const elsewhere = balanced.answers.filter((a, i) => a.servedBy !== tookOf(viaBalancer[i])).length;
		const onOther = sample.slice(50);
		const other = await started(() => Promise.all(onOther.map((d) => postJson(direct(stack().webhooks.find((w) => w.name !== tookOf(d))!.name), bodyOf(d)))));
		// the recipe's key in what n8n stored: both executions of each message carry the same dedupeKey
		const dedupeKeyOf = (d: Delivery) => (d.key.split('-')[1] === 'mo' ? `mo:${d.key}` : `dr:${d.key}:201`);
		const keyed = perMessage(recordedExecutions(stack(), workflowId, /(?:mo|dr):q13-(?:mo|dr)-\d{5}(?::201)?/), onOther.map(dedupeKeyOf)).counts;
		const twiceWithKey = onOther.filter((d) => keyed.get(dedupeKeyOf(d)) === 2).length;
		recordQueueFigure('queueRepeatOtherProcess', {
			viaHaproxyRepeats: viaBalancer.length,
			viaHaproxyOnOtherProcess: elsewhere,
			viaHaproxyStarted: balanced.started,
			otherProcessRepeats: onOther.length,
			otherProcessStarted: other.started,
			otherProcessTwiceWithSameDedupeKey: twiceWithKey,
			notes: 'repeats of 100 of the last messages of the load: 50 through haproxy, 50 sent to the webhook process that did not answer the first delivery',
		}, {
			cases: viaBalancer.length + onOther.length,
			doubled: other.started,
			failed: balanced.started + elsewhere + (onOther.length - twiceWithKey),
			notes: `${viaBalancer.length} repeats through haproxy: ${viaBalancer.length - elsewhere} reached the process that took the message, ${balanced.started} started; ${onOther.length} sent to the other process: ${other.started} started a second execution (no memory shared between processes, by design), ${twiceWithKey} of them with the first one's dedupeKey (the Remove Duplicates recipe stops them)`,
		});
		expect({ elsewhere, started: balanced.started }).toEqual({ elsewhere: 0, started: 0 });
		expect({ started: other.started, twiceWithKey }).toEqual({ started: onOther.length, twiceWithKey: onOther.length });
	}, 180_000);

	it('simultaneous repeats on both processes: measured', async () => {
		const keys = Array.from({ length: 200 }, (_, i) => key('sim', i));
		const answers = await pooled(keys.length, 25, async (i) => {
			const body = incomingSms(keys[i], i);
			return await Promise.all(stack().webhooks.map((w) => postJson(direct(w.name), body)));
		});
		expect(answers.flat().filter((a) => a.status !== 200)).toEqual([]);
		await settledCount(stack(), workflowId, 0, 1000);
		const { lost, doubled } = counted(keys);
		console.log(`[queue] ${keys.length} messages each sent to both processes at once: lost ${lost.length}, run twice ${Object.keys(doubled).length}`);
		const simultaneous = { cases: keys.length, lost: lost.length, doubled: Object.keys(doubled).length, failed: lost.length };
		recordQueueFigure('queueSimultaneousRepeats', { ...simultaneous, notes: 'each incoming SMS posted to both webhook processes at the same moment' }, { ...simultaneous, notes: `${keys.length} messages each posted to both processes at once: lost ${lost.length}, run twice ${Object.keys(doubled).length} (not prevented: docs/queue-mode.md)` });
		expect(lost).toEqual([]);
	}, 180_000);

	it('two copies of a message at the same moment through haproxy reach one process: one execution each', async () => {
		// haproxy hashes the message id (scripts/queue/services.ts), so both copies go to the process that
		// holds the exact memory of that id
		const keys = Array.from({ length: 200 }, (_, i) => key('rp', i));
		const answers = await pooled(keys.length, 25, async (i) => {
			const body = i % 2 === 0 ? incomingSms(keys[i], i) : deliveryReport(keys[i], i);
			return await Promise.all([postJson(viaHaproxy(), body), postJson(viaHaproxy(), body)]);
		});
		const notOk = answers.flat().filter((a) => a.status !== 200 || a.body !== 'OK');
		const splitPairs = answers.filter(([a, b]) => a.servedBy !== b.servedBy).length;
		await settledCount(stack(), workflowId, 0, 1000);
		const { lost, doubled } = counted(keys);
		const figures = { cases: keys.length, lost: lost.length, doubled: Object.keys(doubled).length, failed: lost.length + Object.keys(doubled).length + notOk.length + splitPairs };
		recordQueueFigure('queueSimultaneousViaHaproxy', { ...figures, pairsOnTwoProcesses: splitPairs, notes: '100 incoming SMS + 100 delivery reports, each posted twice at the same moment through haproxy' }, { ...figures, notes: `${keys.length} messages each posted twice at once through haproxy (hash of the message id): ${keys.length - splitPairs} pairs answered by one process, run twice ${Object.keys(doubled).length}, lost ${lost.length}` });
		expect({ notOk, splitPairs, lost, doubled }).toEqual({ notOk: [], splitPairs: 0, lost: [], doubled: {} });
	}, 180_000);

	it('a webhook process killed in the middle of 1,000 incoming SMS: haproxy routes around it, the gateway retries, nothing lost', async () => {
		const keys = Array.from({ length: 1000 }, (_, i) => key('kill', i));
		const victim = stack().webhooks[1];
		let answered = 0;
		let killed: Promise<void> | undefined;
		const deliveries = await pooled(keys.length, 50, async (i) => {
			const d = await deliver(viaHaproxy(), keys[i], incomingSms(keys[i], i), 1_000, 120);
			if (++answered === 300) killed = stack().kill(victim);
			return d;
		});
		await killed;
		expect(deliveries.filter((d) => !d.acknowledged).map((d) => d.key)).toEqual([]);
		await settledCount(stack(), workflowId, 0, 1000);
		const { lost, doubled } = counted(keys);
		const retried = deliveries.filter((d) => d.attempts.length > 1);
		const failures = deliveries.flatMap((d) => d.attempts.filter((a) => a.status !== 200).map((a) => a.status));
		const failureKinds = failures.reduce<Record<string, number>>((acc, s) => ({ ...acc, [String(s)]: (acc[String(s)] ?? 0) + 1 }), {});
		console.log(`[queue] kill ${victim.name} after 300 of 1,000: answers ${JSON.stringify(split(deliveries, 'all'))}; retried ${retried.length} (${JSON.stringify(failureKinds)}); lost ${lost.length}; run twice ${Object.keys(doubled).length}`);
		const killedFigures = { cases: keys.length, lost: lost.length, doubled: Object.keys(doubled).length, failed: lost.length, notes: `${victim.name} killed after 300 answers; ${retried.length} retried by the gateway (${JSON.stringify(failureKinds)}); run twice ${Object.keys(doubled).length}` };
		recordQueueFigure('queueWebhookKilled', killedFigures, killedFigures);
		expect(lost).toEqual([]);
		await stack().restart(victim);
		saveState(stack());
	}, 900_000);
});

/** As iP.1 delivers a webhook: again until 200 (here after 1 s, at most 30 tries). */
async function deliverAsGateway(k: string, body: unknown): Promise<Delivery> {
	return await deliver(viaHaproxy(), k, body, 1_000, 30);
}
