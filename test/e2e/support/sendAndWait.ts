/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The workflow shape of the Send and Wait for Response tests (test/e2e/sendAndWait.test.ts, and in queue mode
// test/queue/sendAndWait.test.ts): a Webhook starts it, the iP.1 SMS node sends and waits, After takes the answer.
import { startSimulator, type SimulatorHandle } from '../../../simulator';
import type { AutoReplyInput } from '../../../simulator';
import { E2E_ACCOUNT } from './ip1';
import { REST_CREDENTIAL } from './mcp';
import { triggerWorkflow } from './triggerWorkflows';

/** our sender: a phone number of the account (register it: `accounts: [{ ...E2E_ACCOUNT, senders: [OURS] }]`) */
export const OURS = '46700000077';
export const ASK = 'Ask';
export const AFTER = 'After';

/** The simulator of these tests: OURS registered, instant delivery, webhooks not retried within a test. */
export async function startReplySimulator(autoReplies: AutoReplyInput[] = []): Promise<SimulatorHandle> {
	return await startSimulator({
		port: 0, quiet: true, delivery: 'instant',
		accounts: [{ ...E2E_ACCOUNT, senders: [OURS] }],
		rest: { webhookRetryMs: 600_000 },
		autoReplies,
	});
}

/** The workflow that takes the account's incoming SMS: an iP.1 SMS Trigger (REST) with Resume Waiting Executions on. */
export function repliesWorkflow(name: string) {
	const workflow = triggerWorkflow({ name, parameters: { api: 'rest', events: ['incomingSms'], resumeWaiting: true } });
	(workflow.nodes[0] as any).credentials = { ip1SmsRestApi: REST_CREDENTIAL };
	return workflow;
}

/**
 * Webhook (POST `path`, body `{ to, question }`) → iP.1 SMS → After. `parameters`: the node's resource and operation
 * (Send and Wait for Response) and any other parameter; `to` and `message` come from the body, `from` is OURS.
 */
export function askWorkflow(name: string, path: string, parameters: Record<string, unknown>) {
	return {
		name,
		nodes: [
			{ id: `${path}-hook`, name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { path, httpMethod: 'POST', options: {} } },
			{
				id: `${path}-ask`, name: ASK, type: 'n8n-nodes-ip1.ip1Sms', typeVersion: 2, position: [220, 0],
				parameters: { to: '={{ $json.body.to }}', from: OURS, message: '={{ $json.body.question }}', ...parameters },
				credentials: { ip1SmsRestApi: REST_CREDENTIAL },
			},
			{ id: `${path}-after`, name: AFTER, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 0], parameters: {} },
		],
		connections: { Hook: { main: [[{ node: ASK, type: 'main', index: 0 }]] }, [ASK]: { main: [[{ node: AFTER, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** A 3-second limit: what n8n's wait tracker ends at its next look (it looks every minute). */
export const SHORT_LIMIT = { options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0.05, resumeUnit: 'minutes' } } } };

/** The items a node put out over all its runs. */
export function outputOf(execution: any, node = AFTER): any[] {
	const runs = execution.data.resultData.runData[node] ?? [];
	return runs.flatMap((r: any) => (r.data?.main?.[0] ?? []).map((i: any) => i.json));
}
