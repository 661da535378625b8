/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Every REST action of the iP.1 SMS node (version 2) in one workflow, run by n8n's queue: a webhook process
// enqueues it, a worker runs it; each action's output is checked against what the simulator stored.
import fs from 'node:fs';
import path from 'node:path';

import { restRegistry } from '../../nodes/Ip1Sms/v2/actions/rest.registry';
import type { SimulatorHandle } from '../../simulator';
import { E2E_ACCOUNT, output, startE2eSimulator } from '../e2e/support/ip1';
import { runThroughQueue } from './support/queueRun';
import { useStack } from './support/stack';

const workflow = require('./workflows/every-rest-action.json');
const stack = useStack();
let sim: SimulatorHandle;

beforeAll(async () => {
	sim = await startE2eSimulator();
	await stack().main.importCredentials([
		{ id: 'ip1SimulatorRestCred', name: 'iP.1 SMS REST (simulator)', type: 'ip1SmsRestApi', data: { apiKey: `${E2E_ACCOUNT.key}-rest`, baseUrl: sim.url } },
	]);
}, 300_000);
afterAll(async () => await sim?.stop());

it('the workflow (and sendAndWait.test.ts, which needs a reply) holds every action of the REST registry', () => {
	const inWorkflow = new Set(workflow.nodes.filter((n: any) => n.type === 'n8n-nodes-ip1.ip1Sms').map((n: any) => `${n.parameters.resource} → ${n.parameters.operation}`));
	if (/operation: 'sendAndWait'/.test(fs.readFileSync(path.join(__dirname, 'sendAndWait.test.ts'), 'utf8'))) inWorkflow.add('sms → sendAndWait');
	const registered = Object.entries(restRegistry).flatMap(([resource, operations]) => Object.keys(operations).map((operation) => `${resource} → ${operation}`));
	expect(registered.filter((action) => !inWorkflow.has(action))).toEqual([]);
});

it('every REST action runs on a worker with the results the simulator holds', async () => {
	const run = await runThroughQueue(stack(), workflow, 'rest');
	expect(run).toMatchObject({ mode: 'webhook', status: 'success' });
	expect(stack().workers.map((w) => w.name)).toContain(run.worker);
	expect(stack().webhooks.map((w) => w.name)).toContain(run.webhookProcess);
	const out = (node: string) => output(run as any, node);
	const actions = workflow.nodes.filter((n: any) => n.type === 'n8n-nodes-ip1.ip1Sms').map((n: any) => n.name);
	expect(actions.filter((name: string) => out(name).length === 0 || out(name).some((item) => item.error !== undefined))).toEqual([]);

	const rest = sim.state().rest;
	const [sent] = out('SMS Send');
	expect(rest.messages.find((m) => m.id === sent.messageId)).toMatchObject({ recipient: '46701234567', body: 'Hej från kön', batchId: sent.batchId });
	expect(out('SMS Get Status')[0]).toMatchObject({ messageId: sent.messageId, batchId: sent.batchId });
	expect(out('Batch Get Messages').map((m) => m.to).sort()).toEqual(['46701110001', '46701110002']);
	expect(out('Batch Get')[0]).toMatchObject({ batchId: out('Batch Schedule')[0].batchId });
	expect(out('Batch Get Many').map((b) => b.batchId)).toEqual(expect.arrayContaining([sent.batchId, out('Batch Send')[0].batchId]));
	expect([out('SMS Cancel')[0], out('Batch Cancel')[0]]).toEqual([
		expect.objectContaining({ batchId: out('SMS Schedule')[0].batchId, cancelled: true }),
		expect.objectContaining({ batchId: out('Batch Schedule')[0].batchId, cancelled: true }),
	]);
	expect(rest.calls['DELETE /v2/batches/{id}']).toBe(2);
	expect(out('Conversation Summary')[0]).toMatchObject({ phoneNumber: '46701234567' });
	expect(out('Sender Get Many').map((s) => s.sender)).toContain('Koetest');
	expect(out('Sender Get')).toEqual([expect.objectContaining({ sender: 'Koetest' })]);
	expect(out('Sender Remove')[0]).toMatchObject({ sender: 'Koetest', removed: true });
	expect(out('Blacklist Get Many').map((b) => b.phoneNumber)).toContain('46709990001');
	expect(out('Blacklist Remove')[0]).toMatchObject({ phoneNumber: '46709990001', removed: true });
	expect(out('Balance')[0]).toMatchObject({ currency: 'SEK', accountId: E2E_ACCOUNT.id });
	// 46701234568 gets the scheduled SMS and the template's, filled per item
	expect(rest.messages.filter((m) => m.recipient === '46701234568').map((m) => m.body).sort()).toEqual(['Hej Kö! Din order Q-1 är skickad.', 'Schemalagt från kön']);
	const contactId = out('Contact Create')[0].contactId;
	expect(out('Contact Upsert')[0]).toMatchObject({ action: 'updated', contactId, lastName: 'Test' });
	expect(out('Contact Get')[0]).toMatchObject({ contactId, email: 'queue@example.com', labels: ['queue'] });
	expect(out('Label Add Contacts')[0]).toMatchObject({ label: 'vip', contactCount: 1 });
	expect(out('Contact Delete')[0]).toEqual({ contactId, deleted: true });
	expect(rest.contacts[E2E_ACCOUNT.id]).toEqual([]);
	console.log(`[queue] ${actions.length} REST actions ran on ${run.worker}, enqueued by ${run.webhookProcess}`);
}, 300_000);
