/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Running a workflow through n8n's queue: its manual trigger becomes a production Webhook node (other
// triggers are dropped), the workflow is published on main, called through haproxy, so a webhook process
// puts it on the queue and a worker runs it; the execution record is then read back from main, and the
// worker that ran it is named from the workers' logs.
import crypto from 'node:crypto';
import fs from 'node:fs';

import type { N8nProcess, QueueStack } from '../../../scripts/queue/stack';
import type { ExecutionWithData } from '../../e2e/support/n8n-rest';

const TRIGGERS = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger'];

/** The workflow with a Webhook trigger (named as the manual trigger it replaces) under a new id and name. */
export function viaWebhook(workflow: any, tag: string): { workflow: any; path: string } {
	const hookPath = crypto.randomUUID();
	const manual = workflow.nodes.find((n: any) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!manual) throw new Error(`${workflow.name} has no manual trigger`);
	const dropped = new Set(workflow.nodes.filter((n: any) => TRIGGERS.includes(n.type) && n !== manual).map((n: any) => n.name));
	const nodes = workflow.nodes
		.filter((n: any) => !dropped.has(n.name))
		.map((n: any) =>
			n === manual
				? { ...n, type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: hookPath, parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'onReceived', options: {} } }
				: n,
		);
	const connections = Object.fromEntries(Object.entries(workflow.connections).filter(([from]) => !dropped.has(from)));
	const name = `queue ${tag}: ${workflow.name}`;
	return { workflow: { ...workflow, id: undefined, name, nodes, connections, active: false }, path: hookPath };
}

export interface QueueRun extends ExecutionWithData {
	/** the worker whose log says it ran this execution */
	worker: string | undefined;
	/** the process haproxy sent the webhook call to */
	webhookProcess: string | null;
}

/** Which worker's log says it started the execution (n8n logs `Worker started execution <id>`). */
export function workerThatRan(workers: N8nProcess[], executionId: string): string | undefined {
	const pattern = new RegExp(`Worker started execution ${executionId}\\b`);
	return workers.find((w) => pattern.test(fs.readFileSync(w.logFile, 'utf8')))?.name;
}

/** Imports, publishes, calls the workflow through haproxy and returns its finished execution. */
export async function runThroughQueue(stack: QueueStack, workflow: any, tag: string): Promise<QueueRun> {
	const { workflow: hooked, path: hookPath } = viaWebhook(workflow, tag);
	const id = await stack.createWorkflow(hooked, true);
	const response = await fetch(stack.webhookUrl(hookPath), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	if (response.status !== 200) throw new Error(`the webhook of ${hooked.name} answered ${response.status}: ${await response.text()}`);
	const [summary] = await stack.main.restApi.waitForExecutions(id, 1, 90_000);
	await stack.main.restApi.deactivateWorkflow(id);
	const execution = await stack.main.restApi.getExecution(summary.id);
	return { ...execution, worker: await eventually(() => workerThatRan(stack.workers, summary.id)), webhookProcess: response.headers.get('x-served-by') };
}

/** A log line may reach the file a moment after the execution record. */
async function eventually<T>(read: () => T | undefined, timeoutMs = 5_000): Promise<T | undefined> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = read();
		if (value !== undefined || Date.now() > deadline) return value;
		await new Promise((r) => setTimeout(r, 200));
	}
}
