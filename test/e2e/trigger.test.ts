/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The iP.1 SMS Trigger in a real n8n: the simulator delivers incoming SMS to the published workflow.
import axios from 'axios';

import type { SimulatorHandle } from '../../simulator';
import { useN8n } from './support/shared-n8n';
import { e2eWorkflow, example, importIp1Credentials, startE2eSimulator } from './support/ip1';

const n8n = useN8n();
let sim: SimulatorHandle;
let autoReplyId: string;
let secretId: string;
const autoReplyUrl = () => n8n().webhookUrl(`${example('incoming-sms-auto-reply.json').nodes[0].webhookId}/ip1-sms`);
const secretUrl = () => n8n().webhookUrl(`${e2eWorkflow('trigger-secret.json').nodes[0].webhookId}/ip1-sms`);

beforeAll(async () => {
	sim = await startE2eSimulator();
	await importIp1Credentials(n8n(), sim);
	autoReplyId = await n8n().importWorkflow(example('incoming-sms-auto-reply.json'));
	secretId = await n8n().importWorkflow(e2eWorkflow('trigger-secret.json'));
	await n8n().activateWorkflow(autoReplyId);
	await n8n().activateWorkflow(secretId);
}, 180_000);
afterAll(async () => await sim?.stop());

const executions = async (workflowId: string) => await n8n().restApi.listExecutions({ workflowId });

describe('the iP.1 SMS Trigger in a real n8n', () => {
	it('an incoming ISO-8859-1 SMS starts one execution, is answered OK at once, and the auto-reply reaches the sender', async () => {
		const incoming = await sim.injectIncoming({ sender: '46705550001', to: '46700000000', text: 'Hej på dig ÅÄÖ!', callbackUrl: autoReplyUrl() });
		expect(incoming.attempts[0]).toMatchObject({ status: 200, body: 'OK' });
		const [execution] = await n8n().restApi.waitForExecutions(autoReplyId, 1, 60_000);
		const stored = await n8n().restApi.getExecution(execution.id);
		const item = stored.data.resultData.runData['iP.1 SMS Trigger'][0].data.main[0][0].json;
		expect(item).toMatchObject({ incsmsid: incoming.incsmsid, sender: '46705550001', to: '46700000000', text: 'Hej på dig ÅÄÖ!', encoding: 'iso-8859-1' });
		// the reply goes back to the sender, with the decoded text quoted
		const deadline = Date.now() + 30_000;
		while (!sim.state().messages.some((m) => m.to === '46705550001') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
		expect(sim.state().messages.find((m) => m.to === '46705550001')?.text).toBe('Tack! Vi har fått ditt meddelande: "Hej på dig ÅÄÖ!"');
	}, 120_000);

	it('a repeated incsmsid is answered OK and starts nothing', async () => {
		const before = (await executions(autoReplyId)).length;
		const query = 'incsmsid=e2e-repeat-1&sender=46705550002&to=46700000000&text=En+g%E5ng';
		const first = await axios.get(`${autoReplyUrl()}?${query}`, { validateStatus: () => true });
		expect([first.status, first.data]).toEqual([200, 'OK']);
		const again = await Promise.all(Array.from({ length: 5 }, () => axios.get(`${autoReplyUrl()}?${query}`, { validateStatus: () => true })));
		expect(again.map((r) => [r.status, r.data])).toEqual(Array(5).fill([200, 'OK']));
		await n8n().restApi.waitForExecutions(autoReplyId, before + 1, 60_000);
		await new Promise((r) => setTimeout(r, 2000));
		expect((await executions(autoReplyId)).length).toBe(before + 1);
	}, 120_000);

	it('a wrong or missing secret gets 401 and starts nothing; the right one is accepted', async () => {
		const base = secretUrl();
		const wrong = await axios.get(`${base}?secret=nope&incsmsid=s1&sender=4670&to=4670&text=x`, { validateStatus: () => true });
		const missing = await axios.get(`${base}?incsmsid=s2&sender=4670&to=4670&text=x`, { validateStatus: () => true });
		expect([wrong.status, missing.status]).toEqual([401, 401]);
		await new Promise((r) => setTimeout(r, 1500));
		expect(await executions(secretId)).toHaveLength(0);
		const right = await axios.get(`${base}?secret=s3cr3t-Word&incsmsid=s3&sender=46705550003&to=4670&text=x`, { validateStatus: () => true });
		expect([right.status, right.data]).toEqual([200, 'OK']);
		await n8n().restApi.waitForExecutions(secretId, 1, 60_000);
	}, 120_000);
});
