/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// A client for n8n's internal REST API (the one its editor uses), logged in as a user through its cookie.
import { createRequire } from 'node:module';
import path from 'node:path';

import { N8N_VERSION, n8nInstallDir } from '../../../scripts/n8n/install';

// n8n stores execution data flatted-encoded; decode it with the flatted n8n itself ships.
const requireFromN8n = createRequire(path.join(n8nInstallDir, 'node_modules', 'n8n', 'package.json'));

/** n8n 1.x activates a workflow synchronously and has no publication status; 2.x publishes through an outbox. */
export const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);
/** The most executions n8n lists at once: 2.40 caps a larger limit silently, 2.41 refuses it (HTTP 400). */
const EXECUTIONS_PAGE = 100;

// n8n ties its auth cookie to this header (a hash of it is in the token); any constant value works.
const BROWSER_ID = 'n8n-nodes-ip1-e2e';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished?: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
}

export interface ExecutionWithData extends ExecutionSummary {
	/** IRunExecutionData: `resultData.runData[nodeName][run].data.main[output][item].json`, `resultData.error`, … */
	data: any;
	workflowData: any;
}

/**
 * fetch, tried again when the connection closed before any answer: jest runs globalSetup and the test files
 * in one process, so a test's first request can take a kept-alive connection that n8n has just closed
 * (seen as "fetch failed: other side closed" on a loaded machine).
 */
async function fetchRetryingClosed(url: string, init: RequestInit): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(url, init);
		} catch (error) {
			const cause = (error as { cause?: { code?: string; message?: string } }).cause;
			const closed = cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET' || /other side closed/.test(cause?.message ?? '');
			if (!closed || attempt >= 3) throw error;
		}
	}
}

export class N8nRestError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${url} -> ${status}: ${body.slice(0, 500)}`);
	}
}

export class N8nRestClient {
	private constructor(
		readonly baseUrl: string,
		private readonly cookie: string,
	) {}

	/** Logs in with email and password (`POST /rest/login`). */
	static async login(baseUrl: string, email: string, password: string): Promise<N8nRestClient> {
		const response = await fetchRetryingClosed(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		if (!response.ok) throw new N8nRestError('POST', '/rest/login', response.status, await response.text());
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (!cookie) throw new Error('n8n answered the login without an n8n-auth cookie');
		return new N8nRestClient(baseUrl, cookie.split(';')[0]);
	}

	/** Any REST call; returns the body's `data` (n8n wraps its answers in `{ data }`) or the whole body when there is none. */
	async request<T = any>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const response = await fetchRetryingClosed(`${this.baseUrl}${urlPath}`, {
			method,
			headers: {
				cookie: this.cookie,
				'browser-id': BROWSER_ID,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new N8nRestError(method, urlPath, response.status, text);
		if (!text) return undefined as T;
		const parsed = JSON.parse(text);
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	}

	get<T = any>(urlPath: string): Promise<T> {
		return this.request<T>('GET', urlPath);
	}

	post<T = any>(urlPath: string, body?: unknown): Promise<T> {
		return this.request<T>('POST', urlPath, body ?? {});
	}

	/** Descriptions of every node type n8n loaded (what the editor gets): `name` is e.g. `n8n-nodes-ip1.ip1Sms`. */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string; version: number | number[]; properties: any[]; credentials?: any[] }>> {
		return await this.get('/types/nodes.json');
	}

	/** Credential types n8n loaded: `name` is e.g. `ip1SmsApi`. */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string; properties: any[] }>> {
		return await this.get('/types/credentials.json');
	}

	/** Every execution that matches, newest first, read in pages of 100 (`lastId`: older than the oldest id seen). */
	async listExecutions(filter: { workflowId?: string; status?: string } = {}): Promise<ExecutionSummary[]> {
		const query = encodeURIComponent(JSON.stringify(filter));
		const seen = new Map<string, ExecutionSummary>();
		for (let lastId: string | undefined; ; ) {
			const page = `/rest/executions?filter=${query}&limit=${EXECUTIONS_PAGE}${lastId ? `&lastId=${lastId}` : ''}`;
			const { results } = await this.get<{ results: ExecutionSummary[] }>(page);
			const fresh = results.filter((e) => !seen.has(e.id));
			for (const e of fresh) seen.set(e.id, e);
			if (results.length < EXECUTIONS_PAGE || fresh.length === 0) break;
			lastId = String(Math.min(...[...seen.keys()].map(Number)));
		}
		return [...seen.values()].sort((a, b) => Number(b.id) - Number(a.id));
	}

	/** How many executions of a workflow n8n has recorded (finished or not). */
	async countExecutions(workflowId: string): Promise<number> {
		const query = encodeURIComponent(JSON.stringify({ workflowId }));
		const { count } = await this.get<{ count: number }>(`/rest/executions?filter=${query}&limit=1`);
		return count;
	}

	/** One execution with its run data decoded. */
	async getExecution(id: string): Promise<ExecutionWithData> {
		const execution = await this.get(`/rest/executions/${id}`);
		const flatted = requireFromN8n('flatted') as { parse: (text: string) => any };
		return { ...execution, data: typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data };
	}

	/** Polls until `count` executions of the workflow have stopped; returns them newest first. */
	async waitForExecutions(workflowId: string, count = 1, timeoutMs = 30_000): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const done = (await this.listExecutions({ workflowId })).filter((e) => e.stoppedAt);
			if (done.length >= count) return done;
			if (Date.now() > deadline) throw new Error(`only ${done.length} of ${count} executions of workflow ${workflowId} finished within ${timeoutMs} ms`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	async getWorkflow(id: string): Promise<any> {
		return await this.get(`/rest/workflows/${id}`);
	}

	/**
	 * Publishes (activates) a workflow in the running n8n and waits until its triggers and production
	 * webhooks are live: n8n 2.40 answers the request first and registers the triggers afterwards
	 * (its publication outbox), so this polls `/publication-status` until it says `published`.
	 * n8n 1.x registers them before it answers.
	 */
	async activateWorkflow(id: string, timeoutMs = 30_000): Promise<any> {
		const { versionId } = await this.getWorkflow(id);
		const workflow = await this.post(`/rest/workflows/${id}/activate`, { versionId });
		await this.waitUntilPublished(id, versionId, timeoutMs);
		return workflow;
	}

	/**
	 * n8n's credential test (the editor's "Retry"/"Save"). n8n 2.x tests unsaved data; n8n 1.123 answers 403
	 * for a credential without an id, so there it is saved first, tested, and deleted again.
	 */
	async testCredential(credential: { name: string; type: string; data: Record<string, unknown> }): Promise<{ status: string; message: string }> {
		if (N8N_MAJOR >= 2) return unwrap(await this.post('/rest/credentials/test', { credentials: { id: '', ...credential } }));
		const saved = await this.post<{ id: string }>('/rest/credentials', credential);
		try {
			return unwrap(await this.post('/rest/credentials/test', { credentials: { id: saved.id, ...credential } }));
		} finally {
			await this.request('DELETE', `/rest/credentials/${saved.id}`);
		}
	}

	/**
	 * After a start, n8n registers the triggers of published workflows shortly after it reports ready:
	 * wait for every published workflow that has a trigger n8n activates (webhook, polling or trigger node;
	 * a manual trigger alone is never activated, so such a workflow is not waited for).
	 */
	async waitUntilActiveWorkflowsLive(timeoutMs = 30_000): Promise<void> {
		const active = (await this.get<Array<{ id: string; active: boolean }>>('/rest/workflows')).filter((w) => w.active);
		if (active.length === 0) return;
		const types = new Map((await this.nodeTypes()).map((t: any) => [t.name, t]));
		for (const { id } of active) await this.waitUntilWorkflowLive(id, timeoutMs, types);
	}

	/** Waits until n8n has activated the triggers of a published workflow (returns at once when it has none n8n activates). */
	async waitUntilWorkflowLive(id: string, timeoutMs = 30_000, nodeTypes?: Map<string, any>): Promise<void> {
		const types = nodeTypes ?? new Map((await this.nodeTypes()).map((t: any) => [t.name, t]));
		const activatable = (node: { type: string }) => {
			const type: any = types.get(node.type);
			if (!type || ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.start'].includes(node.type)) return false;
			return Boolean(type.webhooks?.length || type.polling || type.group?.includes('trigger'));
		};
		const workflow = await this.getWorkflow(id);
		if ((workflow.activeVersion?.nodes ?? workflow.nodes ?? []).some(activatable)) await this.waitUntilPublished(id, workflow.activeVersionId, timeoutMs);
	}

	private async waitUntilPublished(id: string, versionId: string | undefined, timeoutMs: number): Promise<void> {
		if (N8N_MAJOR < 2) return; // 1.x: activation registers the triggers before it answers; no publication status
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.get<{ status: string; liveVersionId: string | null; triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }> }>(
				`/rest/workflows/${id}/publication-status`,
			);
			if (status.status === 'published' && (!versionId || status.liveVersionId === versionId)) return;
			if (status.status === 'failed' || status.status === 'partial') {
				const errors = status.triggers.filter((t) => t.status === 'failed').map((t) => `${t.nodeId}: ${t.errorMessage ?? 'failed'}`);
				throw new Error(`publishing workflow ${id} ${status.status}: ${errors.join('; ')}`);
			}
			if (Date.now() > deadline) throw new Error(`workflow ${id} was not published within ${timeoutMs} ms (status ${status.status})`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	async deactivateWorkflow(id: string): Promise<any> {
		return await this.post(`/rest/workflows/${id}/deactivate`, {});
	}
}

const unwrap = (answer: any): { status: string; message: string } => answer?.data ?? answer;
