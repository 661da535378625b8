/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The benchmark's view of a real n8n (test/e2e/support/n8n.ts): the bench credential and workflows imported
// and published, a workflow run through its production webhook (so it runs inside the server, in `webhook`
// mode, like any production execution), and its duration read back from n8n's execution record.
import fs from 'node:fs';
import path from 'node:path';

import os from 'node:os';

import { installPackageIntoUserFolder } from '../test/e2e/support/n8n-package';
import { startN8n, type N8nInstance } from '../test/e2e/support/n8n';
import { CREDENTIALS } from './workflows';

export const BENCH_ACCOUNT = { id: 'ip1-bench', key: 'bench-key' };
/** The simulator's REST key of the bench account (`<SOAP key>-rest`). */
export const BENCH_REST_KEY = `${BENCH_ACCOUNT.key}-rest`;
export const CREDENTIAL = { id: CREDENTIALS.soap.id, name: CREDENTIALS.soap.name };

/** User folders this process made (with the floor package in them): removed at exit, also after a failure. */
const folders = new Set<string>();
process.on('exit', () => {
	for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

export interface BenchStartOptions {
	env?: Record<string, string>;
	/** also install the bench-only floor package (bench/floor.ts) */
	floorTgz?: string;
	/** where the MMS credential points (bench/memory.ts's MMS end) */
	mmsUrl?: string;
}

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
	private constructor(
		readonly n8n: N8nInstance,
		private readonly userFolder?: string,
	) {}

	static async start(packageTgz: string, simulatorUrl: string, envOrOptions: Record<string, string> | BenchStartOptions = {}): Promise<BenchN8n> {
		const opts: BenchStartOptions = 'env' in envOrOptions || 'floorTgz' in envOrOptions || 'mmsUrl' in envOrOptions ? (envOrOptions as BenchStartOptions) : { env: envOrOptions as Record<string, string> };
		let userFolder: string | undefined;
		if (opts.floorTgz) {
			userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-bench-'));
			folders.add(userFolder);
			await installPackageIntoUserFolder(userFolder, opts.floorTgz);
		}
		try {
			// 64 MB: the 100,000-recipient run posts its items as one JSON body. A machine under a load of 30
			// times out n8n's 5 s database ping and its runners' 30 s grant token during the start: more room.
			const env = { N8N_LOG_LEVEL: 'warn', N8N_PAYLOAD_SIZE_MAX: '64', DB_PING_TIMEOUT_MS: '60000', N8N_RUNNERS_GRANT_TOKEN_TTL: '300', ...opts.env };
			let n8n: N8nInstance;
			try {
				n8n = await startN8n({ packageTgz, userFolder, readyTimeoutMs: 600_000, env });
			} catch (error) {
				console.error(`[bench] n8n did not start, once more: ${String(error).slice(0, 300)}`);
				n8n = await startN8n({ packageTgz, userFolder, readyTimeoutMs: 600_000, env });
			}
			const soap = (baseUrl: string) => ({ accountId: BENCH_ACCOUNT.id, apiKey: BENCH_ACCOUNT.key, baseUrl, soapNamespace: 'http://tempuri.org/' });
			await n8n.importCredentials([
				{ ...CREDENTIALS.soap, data: soap(simulatorUrl) },
				{ ...CREDENTIALS.rest, data: { apiKey: BENCH_REST_KEY, baseUrl: simulatorUrl } },
				...(opts.mmsUrl ? [{ ...CREDENTIALS.mms, data: soap(opts.mmsUrl) }] : []),
			]);
			return new BenchN8n(n8n, userFolder);
		} catch (error) {
			if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
			throw error;
		}
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
		if (!this.created.has(id)) {
			// through the REST API: a CLI import starts a whole n8n process (half a minute on a loaded machine)
			const { name, nodes, connections, settings } = workflow;
			await this.n8n.restApi.post('/rest/workflows', { id, name, nodes, connections, settings: settings ?? { executionOrder: 'v1' } });
			this.created.add(id);
		} else {
			await this.n8n.restApi.deactivateWorkflow(id);
			await this.n8n.importWorkflow(workflow);
		}
		await this.n8n.activateWorkflow(id);
		return id;
	}

	private readonly created = new Set<string>();

	/** Runs a published `Bench Input` webhook workflow with these items and reads back its execution record. */
	async run(workflowId: string, webhookPath: string, items: unknown[]): Promise<ExecutionFigures> {
		const before = await this.executionCount(workflowId);
		const response = await fetch(this.n8n.webhookUrl(webhookPath), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ items }),
		});
		const text = await response.text();
		if (!response.ok) {
			let why = '';
			try {
				const [last] = await this.n8n.restApi.listExecutions({ workflowId });
				const error = last ? (await this.n8n.restApi.getExecution(last.id)).data?.resultData?.error : undefined;
				why = error ? `; execution ${last.id}: ${error.message ?? ''} ${error.description ?? ''} (node ${error.node?.name ?? '?'})` : '';
			} catch {
				// the answer's text is all there is
			}
			throw new Error(`webhook ${webhookPath} answered ${response.status}: ${text.slice(0, 500)}${why}`);
		}
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
		if (this.userFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}
