/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Helpers for the e2e tests of the iP.1 nodes: a simulator reachable by the real n8n, credentials
// pointing at it, and the example workflows of examples/.
import fs from 'node:fs';
import path from 'node:path';

import { startSimulator, type SimulatorHandle } from '../../../simulator';
import { repoRoot } from './n8n-package';
import type { N8nInstance, WorkflowRun } from './n8n';

export const E2E_ACCOUNT = { id: 'ip1-e2e', key: 'e2e-Key-Zq9!x', balance: 100_000 };
export const CREDENTIAL = { id: 'ip1SimulatorCred', name: 'iP.1 SMS (simulator)' };
export const WRONG_CREDENTIAL = { id: 'ip1WrongKeyCred', name: 'iP.1 SMS (wrong key)' };

export async function startE2eSimulator(): Promise<SimulatorHandle> {
	return await startSimulator({ port: 0, quiet: true, accounts: [E2E_ACCOUNT], callbackRetryMs: 60_000 });
}

export async function importIp1Credentials(n8n: N8nInstance, sim: SimulatorHandle): Promise<void> {
	const data = { accountId: E2E_ACCOUNT.id, apiKey: E2E_ACCOUNT.key, baseUrl: sim.url, soapNamespace: 'http://tempuri.org/' };
	await n8n.importCredentials([
		{ ...CREDENTIAL, type: 'ip1SmsApi', data },
		{ ...WRONG_CREDENTIAL, type: 'ip1SmsApi', data: { ...data, apiKey: 'not-the-key' } },
	]);
}

export function example(file: string): any {
	return JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', file), 'utf8'));
}

export function e2eWorkflow(file: string): any {
	return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'workflows', file), 'utf8'));
}

/** Items a node put out in a run: `run.data.resultData.runData[node][0].data.main[output]`. */
export function output(run: WorkflowRun, node: string, index = 0): any[] {
	const task = run.data.resultData.runData[node]?.[0];
	return (task?.data?.main?.[index] ?? []).map((item: { json: unknown }) => item.json);
}

export function nodeError(run: WorkflowRun, node: string): any {
	return run.data.resultData.runData[node]?.[0]?.error;
}
