/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The iP.1 SMS Trigger version 2 in a real n8n: the simulator's REST webhooks (an incoming SMS, the delivery
// reports of a batch sent with the trigger's URL as Delivery Report URL) and its SOAP callback each start one
// execution with the right fields; n8n answers only once the execution is recorded; repeats start nothing.
import axios from 'axios';

import { startSimulator, type SimulatorHandle } from '../../simulator';
import { E2E_ACCOUNT, output } from './support/ip1';
import { importMcpCredentials, REST_CREDENTIAL } from './support/mcp';
import { useN8n } from './support/shared-n8n';
import { TRIGGER, triggerPath, triggerWorkflow } from './support/triggerWorkflows';

const n8n = useN8n();
let sim: SimulatorHandle;
const SECRET = 'v2-S3cret';
const restWf = triggerWorkflow({ name: 'e2e v2: REST trigger', parameters: { api: 'rest', events: ['incomingSms', 'deliveryReport'], options: { secret: SECRET } } });
const soapWf = triggerWorkflow({ name: 'e2e v2: SOAP trigger', parameters: { api: 'soap' } });
const ids: Record<string, string> = {};
const restUrl = () => `${n8n().webhookUrl(triggerPath(restWf))}?secret=${SECRET}`;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true, accounts: [E2E_ACCOUNT], delivery: 'instant', callbackRetryMs: 60_000, rest: { webhookRetryMs: 60_000 } });
	ids.rest = await n8n().importWorkflow(restWf);
	ids.soap = await n8n().importWorkflow(soapWf);
	await n8n().activateWorkflow(ids.rest);
	await n8n().activateWorkflow(ids.soap);
	await importMcpCredentials(n8n(), sim);
}, 180_000);
afterAll(async () => await sim?.stop());

async function triggerItems(workflowId: string, count: number): Promise<any[]> {
	const done = await n8n().restApi.waitForExecutions(workflowId, count, 60_000);
	const items = [];
	for (const summary of done) {
		const execution = await n8n().restApi.getExecution(summary.id);
		items.push(execution.data.resultData.runData[TRIGGER][0].data.main[0][0].json);
	}
	return items;
}

describe('the iP.1 SMS Trigger v2 in a real n8n', () => {
	it('a REST incoming SMS starts one execution with its fields, answered 200 once recorded; its repeat starts nothing', async () => {
		const record = await sim.injectRestIncoming({ sender: '46705550011', recipient: '46700000000', body: 'Hej på dig ÅÄÖ 😀', url: restUrl() });
		expect(record.attempts[0]).toMatchObject({ status: 200, body: 'OK' });
		const [item] = await triggerItems(ids.rest, 1);
		expect(item).toMatchObject({ event: 'incomingSms', messageId: record.messageId, sender: '46705550011', to: '46700000000', text: 'Hej på dig ÅÄÖ 😀' });
		expect(item.batchId).toEqual(expect.any(String));
		expect(item.segments).toBeGreaterThanOrEqual(1);
		// the gateway repeats the same document: acknowledged, no second execution
		const repeats = await Promise.all(Array.from({ length: 5 }, () => axios.post(restUrl(), record.payload, { validateStatus: () => true })));
		expect(repeats.map((r) => [r.status, r.data])).toEqual(Array(5).fill([200, 'OK']));
		await new Promise((r) => setTimeout(r, 2000));
		expect(await n8n().restApi.countExecutions(ids.rest)).toBe(1);
	}, 120_000);

	it('a batch sent with the trigger as Delivery Report URL: one execution per report, with state and reference', async () => {
		// the send is made by the action node (version 2, REST) with the trigger's URL as its Delivery Report URL
		const send = {
			name: 'e2e v2: send with a Delivery Report URL',
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					name: 'Send SMS', type: 'n8n-nodes-ip1.ip1Sms', typeVersion: 2, position: [220, 0],
					parameters: { resource: 'sms', operation: 'send', to: '46705550012', from: 'iP1', message: 'Din kod är 1234', options: { deliveryReportUrl: restUrl(), reference: 'e2e-order-7' } },
					credentials: { ip1SmsRestApi: REST_CREDENTIAL },
				},
			],
			connections: { Start: { main: [[{ node: 'Send SMS', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		};
		const run = await n8n().executeWorkflow(await n8n().importWorkflow(send));
		expect(run.status).toBe('success');
		const [sent] = output(run as any, 'Send SMS');
		expect(sim.state().rest.batches.find((b: any) => b.id === sent.batchId)).toMatchObject({ deliveryReportUrl: restUrl(), reference: 'e2e-order-7' });
		const deadline = Date.now() + 60_000;
		const reports = () => sim.state().rest.webhooks.filter((w: any) => w.kind === 'deliveryReport');
		while ((reports().length === 0 || !reports().every((w: any) => w.finished)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
		const delivered = reports();
		expect(delivered.length).toBeGreaterThan(1);
		expect(delivered.every((w: any) => w.delivered && w.attempts.length === 1)).toBe(true);
		const items = (await triggerItems(ids.rest, 1 + delivered.length)).filter((i) => i.event === 'deliveryReport');
		expect(items.map((i) => i.statusCode).sort()).toEqual(delivered.map((w: any) => w.code).sort());
		const final = items.find((i) => i.statusCode === 201);
		expect(final).toMatchObject({ messageId: sent.messageId, batchId: sent.batchId, to: '46705550012', status: 'DeliveredToHandset', state: 'delivered', reference: 'e2e-order-7' });
		expect(items.filter((i) => i.state === 'pending').length).toBe(items.length - 1);
	}, 120_000);

	it('a wrong or missing secret gets 401; a form body 415; broken JSON 422 (n8n) or 400 (the node); none starts anything', async () => {
		const before = await n8n().restApi.countExecutions(ids.rest);
		const base = n8n().webhookUrl(triggerPath(restWf));
		const doc = { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', direction: 'mo', sender: '4670', recipient: '4670', body: 'x' };
		const answers = await Promise.all([
			axios.post(`${base}?secret=nope`, doc, { validateStatus: () => true }),
			axios.post(base, doc, { validateStatus: () => true }),
			axios.post(restUrl(), 'id=1&sender=2', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, validateStatus: () => true }),
			// n8n's own body parser refuses broken JSON sent as application/json before the node runs
			axios.post(restUrl(), '{"id": ', { headers: { 'content-type': 'application/json' }, validateStatus: () => true, transformRequest: (d) => d }),
			axios.post(restUrl(), '{"id": ', { headers: { 'content-type': 'text/plain' }, validateStatus: () => true, transformRequest: (d) => d }),
		]);
		expect(answers.map((a) => a.status)).toEqual([401, 401, 415, 422, 400]);
		await new Promise((r) => setTimeout(r, 1500));
		expect(await n8n().restApi.countExecutions(ids.rest)).toBe(before);
	}, 60_000);

	it('the SOAP callback of version 2: exactly OK on the wire once recorded, the common output, repeats start nothing', async () => {
		const incoming = await sim.injectIncoming({ sender: '46705550013', to: '46700000000', text: 'Hej på dig', callbackUrl: n8n().webhookUrl(triggerPath(soapWf)) });
		expect(incoming.attempts[0]).toMatchObject({ status: 200, body: 'OK' });
		const again = await axios.get(incoming.attempts[0].url, { validateStatus: () => true, responseType: 'text' });
		expect([again.status, again.data]).toEqual([200, 'OK']);
		const [item] = await triggerItems(ids.soap, 1);
		expect(item).toMatchObject({ event: 'incomingSms', messageId: incoming.incsmsid, sender: '46705550013', text: 'Hej på dig', encoding: 'iso-8859-1' });
		await new Promise((r) => setTimeout(r, 1500));
		expect(await n8n().restApi.countExecutions(ids.soap)).toBe(1);
	}, 120_000);

	it('publishing runs the lifecycle once, though the node has two webhooks (GET and POST)', () => {
		const announced = n8n().logs().split('\n').filter((line) => line.includes(`listens at ${n8n().webhookUrl(triggerPath(soapWf))}`));
		expect(announced).toHaveLength(1);
	});
});
