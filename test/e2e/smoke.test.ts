/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The real n8n loads the packed package as a community package, and the harness can drive it.
import { stableId } from './support/n8n';
import { useN8n } from './support/shared-n8n';

const n8n = useN8n();

describe('real n8n with the packed n8n-nodes-ip1', () => {
	it('lists the iP.1 node types under the package name', async () => {
		const types = await n8n().restApi.nodeTypes();
		const sms = types.find((t) => t.name === 'n8n-nodes-ip1.ip1Sms');
		const trigger = types.find((t) => t.name === 'n8n-nodes-ip1.ip1SmsTrigger');
		expect(sms?.displayName).toBe('iP.1 SMS');
		expect(sms?.credentials?.map((c: { name: string }) => c.name)).toContain('ip1SmsApi');
		expect(trigger?.displayName).toBe('iP.1 SMS Trigger');
		expect((trigger as any)?.group).toContain('trigger');
		expect((trigger as any)?.webhooks?.length).toBeGreaterThan(0);
	});

	it('knows both credential types: REST API v2 and the legacy SOAP API', async () => {
		const credentials = await n8n().restApi.credentialTypes();
		const soap = credentials.find((c) => c.name === 'ip1SmsApi');
		expect(soap?.displayName).toBe('iP.1 SMS Legacy SOAP API');
		expect(soap?.properties.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['accountId', 'apiKey']));
		const rest = credentials.find((c) => c.name === 'ip1SmsRestApi');
		expect(rest?.displayName).toBe('iP.1 SMS REST API');
		expect(rest?.properties.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['apiKey', 'baseUrl']));
	});

	it('runs an imported workflow from the CLI while the server runs, and the server stores that execution', async () => {
		const instance = n8n();
		const marker = `smoke-${Date.now()}`;
		const id = await instance.importWorkflow({
			id: stableId('e2e smoke: manual trigger and set'),
			name: 'e2e smoke: manual trigger and set',
			nodes: [
				{ id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'n2',
					name: 'Set',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: [220, 0],
					parameters: { assignments: { assignments: [{ id: 'a', name: 'marker', value: marker, type: 'string' }] } },
				},
			],
			connections: { Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
		});

		const run = await instance.executeWorkflow(id);
		expect(run.status).toBe('success');
		expect(run.data.resultData.runData.Set[0].data.main[0][0].json).toEqual({ marker });

		const executions = await instance.restApi.listExecutions({ workflowId: id });
		const stored = await instance.restApi.getExecution(executions[0].id);
		expect(stored.mode).toBe('cli');
		expect(stored.data.resultData.runData.Set[0].data.main[0][0].json).toEqual({ marker });
	}, 120_000);
});
