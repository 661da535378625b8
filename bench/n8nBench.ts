/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The benchmark's view of a real n8n (test/e2e/support/n8n.ts): the bench credential and workflows imported
// and published, a workflow run through its production webhook (so it runs inside the server, in `webhook`
// mode, like any production execution), and its duration read back from n8n's execution record.
import fs from 'node:fs';
import path from 'node:path';

import { startN8n, type N8nInstance } from '../test/e2e/support/n8n';

export const BENCH_ACCOUNT = { id: 'ip1-bench', key: 'bench-key' };
export const CREDENTIAL = { id: 'ip1BenchCred', name: 'iP.1 SMS (bench simulator)' };

const workflowsDir = path.join(__dirname, 'workflows');

export function loadWorkflow(file: string): any {
	return JSON.parse(fs.readFileSync(path.join(workflowsDir, file), 'utf8'));
}

export function nodeNamed(workflow: any, name: string): any {
	const node = workflow.nodes.find((n: any) => n.name === name);
	if (!node) throw new Error(`workflow ${workflow.name} has no node ${name}`);
	return node;
}

export interface ExecutionFigures {
	executionId: string;
	/** stoppedAt − startedAt of n8n's execution record */
	ms: number;
	status: string;
	/** executionTime n8n recorded for each node */
	nodeMs: Record<string, number>;
	/** items each node put out */
	nodeItems: Record<string, number>;
	/** items of each node's output that carry an `error` field */
	nodeErrors: Record<string, number>;
}

export class BenchN8n {
	private constructor(readonly n8n: N8nInstance) {}

	static async start(packageTgz: string, simulatorUrl: string, env: Record<string, string> = {}): Promise<BenchN8n> {
		const n8n = await startN8n({ packageTgz, env: { N8N_LOG_LEVEL: 'warn', N8N_PAYLOAD_SIZE_MAX: '64', ...env } });
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'ip1SmsApi', data: { accountId: BENCH_ACCOUNT.id, apiKey: BENCH_ACCOUNT.key, baseUrl: simulatorUrl, soapNamespace: 'http://tempuri.org/' } },
		]);
		return new BenchN8n(n8n);
	}

	get pid(): number {
		return this.n8n.info.pid;
	}

	private newestVersions?: Map<string, number>;

	/** The newest version n8n offers of each node type: what a user gets who adds the node now. */
	async newestVersion(type: string): Promise<number | undefined> {
		if (!this.newestVersions) {
			this.newestVersions = new Map();
			for (const t of await this.n8n.restApi.nodeTypes()) {
				const versions = Array.isArray(t.version) ? t.version : [t.version];
				this.newestVersions.set(t.name, Math.max(...versions, this.newestVersions.get(t.name) ?? 0));
			}
		}
		return this.newestVersions.get(type);
	}

	/**
	 * Imports (or replaces) a workflow and publishes it; its webhooks are live when this returns.
	 * The package's nodes are set to their newest version, as the editor would add them.
	 */
	async publish(workflow: any): Promise<string> {
		const id = workflow.id;
		for (const node of workflow.nodes) {
			if (String(node.type).startsWith('n8n-nodes-ip1.')) node.typeVersion = (await this.newestVersion(node.type)) ?? node.typeVersion;
		}
		try {
			await this.n8n.restApi.deactivateWorkflow(id);
		} catch {
			// not imported or not active yet
		}
		await this.n8n.importWorkflow(workflow);
		await this.n8n.activateWorkflow(id);
		return id;
	}

	/** Runs a published `Bench Input` webhook workflow with these items and reads back its execution record. */
	async run(workflowId: string, webhookPath: string, items: unknown[]): Promise<ExecutionFigures> {
		const before = await this.executionCount(workflowId);
		const response = await fetch(this.n8n.webhookUrl(webhookPath), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ items }),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`webhook ${webhookPath} answered ${response.status}: ${text.slice(0, 500)}`);
		const deadline = Date.now() + 120_000;
		for (;;) {
			const done = (await this.n8n.restApi.listExecutions({ workflowId })).filter((e) => e.stoppedAt);
			if (done.length > before) return await this.figures(done[0].id);
			if (Date.now() > deadline) throw new Error(`no new execution of ${workflowId} recorded`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	async figures(executionId: string): Promise<ExecutionFigures> {
		const execution = await this.n8n.restApi.getExecution(executionId);
		const runData = execution.data?.resultData?.runData ?? {};
		const nodeMs: Record<string, number> = {};
		const nodeItems: Record<string, number> = {};
		const nodeErrors: Record<string, number> = {};
		for (const [name, runs] of Object.entries<any[]>(runData)) {
			nodeMs[name] = runs.reduce((sum, r) => sum + (r.executionTime ?? 0), 0);
			const items: any[] = runs.flatMap((r) => r.data?.main?.[0] ?? []);
			nodeItems[name] = items.length;
			nodeErrors[name] = items.filter((i) => i?.json?.error !== undefined).length;
		}
		const error = execution.data?.resultData?.error;
		if (execution.status !== 'success') throw new Error(`execution ${executionId} ended ${execution.status}: ${error?.message ?? ''} ${error?.description ?? ''}`);
		return {
			executionId,
			ms: new Date(execution.stoppedAt!).getTime() - new Date(execution.startedAt!).getTime(),
			status: execution.status,
			nodeMs,
			nodeItems,
			nodeErrors,
		};
	}

	/** How many executions of the workflow n8n has recorded (REST `count`, not limited to one page). */
	async executionCount(workflowId: string, status?: string): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify(status ? { workflowId, status: [status] } : { workflowId }));
		const page = await this.n8n.restApi.get<{ count: number; estimated?: boolean }>(`/rest/executions?filter=${filter}&limit=1`);
		return page.count;
	}

	async stop(): Promise<void> {
		await this.n8n.stop();
	}
}
