/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// n8n in queue mode, the way a user scales it out: PostgreSQL, Redis, a main process (editor, REST API,
// triggers), workers that run the executions, webhook processes that take production webhooks, and
// haproxy in front (`/webhook/*` round-robin to the webhook processes, the rest to main). Every n8n process
// has its own user folder with the packed package installed, and they share one encryption key.
// docs/queue-mode.md explains the environment; the e2e tests (test/queue), `npm run demo -- --queue` and
// `npm run bench` (queue section) start it with startQueueStack().
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { ensureN8n, n8nEntry } from '../n8n/install';
import { N8nInstance, passedSettings, startN8n, stopProcessGroup, type N8nInstanceInfo } from '../../test/e2e/support/n8n';
import { installPackageIntoUserFolder } from '../../test/e2e/support/n8n-package';
import { freePort } from '../../test/e2e/support/ports';
import { stopGroup, trackFolder, trackGroup } from './processes';
import { ensureServices, sql, startHaproxy, startPostgres, startRedis, stopService, tempFolder, type Postgres, type Service } from './services';

const { node24Bin } = require('../node24.js') as { node24Bin: () => string };

export interface QueueStackOptions {
	/** The `npm pack` tarball installed into every n8n process's user folder. */
	packageTgz: string;
	workers?: number;
	webhooks?: number;
	/** Jobs one worker runs at once (`n8n worker --concurrency`, n8n's default 10). */
	concurrency?: number;
	/** Extra n8n environment for every process (e.g. QUEUE_WORKER_MAX_STALLED_COUNT). */
	env?: Record<string, string>;
	/** Where the processes' logs go (default: the stack's temp folder, removed on stop). */
	logDir?: string;
	/** haproxy's port, the stack's entry point (a free one when omitted) */
	port?: number;
	quiet?: boolean;
}

export type Role = 'worker' | 'webhook';

export interface N8nProcess {
	role: Role;
	/** worker-1, webhook-2, …: also the server name haproxy reports in `X-Served-By` */
	name: string;
	pid: number;
	port: number;
	userFolder: string;
	logFile: string;
	/** the stack's shared environment (plus extras) this process was started with */
	shared: Record<string, string>;
	exited: boolean;
}

/** The environment every process of one stack shares (n8n's queue mode needs all of it on every process). */
export function queueEnv(pg: Pick<Postgres, 'port' | 'user' | 'database'>, redisPort: number, encryptionKey: string, publicUrl: string): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		N8N_ENCRYPTION_KEY: encryptionKey,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		// production webhooks only on the webhook processes; manual runs from the editor on workers too
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// the URL users and the gateway see: haproxy's
		N8N_WEBHOOK_URL: `${publicUrl}/`,
		N8N_EDITOR_BASE_URL: `${publicUrl}/`,
		N8N_LOG_LEVEL: 'info',
		// n8n's default pool of 2 connections makes 50 concurrent webhooks wait for the database until they time out
		DB_POSTGRESDB_POOL_SIZE: '10',
		// a worker's task runner must connect within this many seconds; 30 s is too short on a loaded machine
		N8N_RUNNERS_GRANT_TOKEN_TTL: '120',
	};
}

function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
	// as test/e2e/support/n8n.ts: only our n8n variables, and no NODE_ENV=test (n8n would log nothing)
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('N8N_') && !key.startsWith('DB_') && !key.startsWith('QUEUE_') && !key.startsWith('JEST_') && key !== 'NODE_ENV'));
	return { ...inherited, PATH: [node24Bin(), process.env.PATH].join(path.delimiter), ...vars };
}

async function waitReady(url: string, proc: N8nProcess, timeoutMs = 180_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (proc.exited) throw new Error(`${proc.name} exited during start; log:\n${tailOf(proc.logFile)}`);
		try {
			if ((await fetch(url)).status === 200) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`${proc.name} was not ready within ${timeoutMs} ms; log:\n${tailOf(proc.logFile)}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

function tailOf(file: string): string {
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n') : '(no log)';
}

/** Everything needed to reach (and stop) a running stack, also from another process (jest's test files). */
export interface QueueStackState {
	folder: string;
	logDir: string;
	url: string;
	pg: Postgres;
	redis: Service;
	haproxy: Service;
	main: N8nInstanceInfo;
	workers: N8nProcess[];
	webhooks: N8nProcess[];
	concurrency: number;
}

export class QueueStack {
	constructor(
		readonly state: QueueStackState,
		readonly main: N8nInstance,
	) {}

	/** Connects to a running stack (logs in to main as its owner). */
	static async attach(state: QueueStackState): Promise<QueueStack> {
		return new QueueStack(state, await N8nInstance.attach(state.main));
	}

	/** The entry point users and the gateway use (haproxy). */
	get url(): string {
		return this.state.url;
	}

	get workers(): N8nProcess[] {
		return this.state.workers;
	}

	get webhooks(): N8nProcess[] {
		return this.state.webhooks;
	}

	get processes(): N8nProcess[] {
		return [...this.workers, ...this.webhooks];
	}

	/** A production webhook through haproxy. */
	webhookUrl(webhookPath: string): string {
		return `${this.url}/webhook/${webhookPath.replace(/^\//, '')}`;
	}

	/**
	 * Creates a workflow through main's REST API, as the editor does (the CLI's import:workflow boots a whole
	 * n8n per call: a minute on a loaded machine), keeping its `id` when it has one; publishes it when asked.
	 */
	async createWorkflow(workflow: { id?: string; name: string; nodes: unknown[]; connections: unknown; settings?: unknown }, publish = false): Promise<string> {
		const { id, name, nodes, connections, settings } = workflow;
		const created = await this.main.restApi.post<{ id: string }>('/rest/workflows', { ...(id ? { id } : {}), name, nodes, connections, settings: settings ?? { executionOrder: 'v1' } });
		if (publish) await this.main.activateWorkflow(created.id);
		return created.id;
	}

	/** Rows of a query on n8n's database. */
	sql(query: string): string[][] {
		return sql(this.state.pg, query);
	}

	/** Kills one process (and its task runner) at once, as a crash would; haproxy's health check notices. */
	async kill(proc: N8nProcess): Promise<void> {
		await stopGroup(proc.pid, 'SIGKILL', 0);
		proc.exited = true;
	}

	/** Starts a killed or stopped process again on the same folder and port, with extra environment. */
	async restart(proc: N8nProcess, env: Record<string, string> = {}): Promise<N8nProcess> {
		if (!proc.exited) await stopGroup(proc.pid);
		const next = await launch(proc.role, proc.name, proc.userFolder, proc.port, { ...proc.shared, ...env }, proc.logFile, this.state.concurrency);
		const list = proc.role === 'worker' ? this.workers : this.webhooks;
		list[list.indexOf(proc)] = next;
		return next;
	}

	/** Stops every n8n process and service and removes the stack's temp folder (logs stay when logDir is outside it). */
	async stop(): Promise<void> {
		// n8n's graceful shutdown waits up to 30 s for running jobs; a stack that is being thrown away gets 10 s
		await Promise.all(this.processes.map((p) => stopGroup(p.pid, 'SIGTERM', 10_000)));
		await stopProcessGroup(this.state.main.pid, 10_000);
		for (const service of [this.state.haproxy, this.state.redis, this.state.pg]) await stopService(service);
		fs.rmSync(this.state.folder, { recursive: true, force: true, maxRetries: 3 });
		trackFolder(this.state.folder, false);
	}
}

/** Starts the whole stack; stop it with `stack.stop()` (on exit, SIGINT and SIGTERM its processes are killed anyway). */
export async function startQueueStack(options: QueueStackOptions): Promise<QueueStack> {
	const say = (line: string) => options.quiet || console.error(`[queue] ${line}`);
	await ensureN8n();
	const bins = ensureServices();
	const folder = tempFolder('n8n-nodes-ip1-queue-');
	trackFolder(folder);
	const logDir = options.logDir ?? path.join(folder, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	const started: Array<() => Promise<void>> = [];
	try {
		const pg = await startPostgres(bins, path.join(folder, 'postgres'));
		started.push(() => stopService(pg));
		const redis = await startRedis(bins, path.join(folder, 'redis'));
		started.push(() => stopService(redis));
		say(`PostgreSQL on ${pg.port}, Redis on ${redis.port}`);

		const haproxyPort = options.port ?? (await freePort());
		const url = `http://127.0.0.1:${haproxyPort}`;
		// IP1_N8N_ENV's settings go to every process (startN8n adds them for main only)
		const shared = { ...queueEnv(pg, redis.port, crypto.randomBytes(24).toString('hex'), url), ...passedSettings(), ...options.env };
		// main first: it runs the database migrations the other processes expect
		const main = await startN8n({ packageTgz: options.packageTgz, env: shared, logFile: path.join(logDir, 'main.log'), userFolder: path.join(folder, 'main') });
		started.push(() => stopProcessGroup(main.info.pid));
		say(`main ${main.baseUrl} ready in ${main.info.startupMs} ms`);

		const concurrency = options.concurrency ?? 10;
		const roles: Array<[Role, number]> = [
			['worker', options.workers ?? 2],
			['webhook', options.webhooks ?? 2],
		];
		const processes = await Promise.all(
			roles.flatMap(([role, count]) =>
				Array.from({ length: count }, async (_, i) => {
					const name = `${role}-${i + 1}`;
					const userFolder = path.join(folder, name);
					await installPackageIntoUserFolder(userFolder, options.packageTgz);
					const proc = await launch(role, name, userFolder, await freePort(), shared, path.join(logDir, `${name}.log`), concurrency);
					started.push(() => stopGroup(proc.pid));
					return proc;
				}),
			),
		);
		const workers = processes.filter((p) => p.role === 'worker');
		const webhooks = processes.filter((p) => p.role === 'webhook');
		say(`${workers.length} workers and ${webhooks.length} webhook processes ready`);

		const haproxy = await startHaproxy(bins, path.join(folder, 'haproxy'), haproxyPort, { name: 'main', port: main.info.port }, webhooks);
		return new QueueStack({ folder, logDir, url, pg, redis, haproxy, main: main.info, workers, webhooks, concurrency }, main);
	} catch (error) {
		for (const stop of started.reverse()) await stop().catch(() => undefined);
		fs.rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
		throw error;
	}
}

/** `n8n worker` or `n8n webhook` in its own process group, waiting until it reports ready. */
async function launch(role: Role, name: string, userFolder: string, port: number, shared: Record<string, string>, logFile: string, concurrency = 10): Promise<N8nProcess> {
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	const env: Record<string, string> = {
		...shared,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// a worker serves /healthz/readiness only with its health server on
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(port),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
	const args = role === 'worker' ? [n8nEntry, 'worker', `--concurrency=${concurrency}`] : [n8nEntry, 'webhook'];
	const out = fs.openSync(logFile, 'a');
	fs.writeSync(out, `\n--- ${name}: n8n ${args.slice(1).join(' ')} (port ${port}) ---\n`);
	const child = spawn(path.join(node24Bin(), 'node'), args, { env: childEnv(env), stdio: ['ignore', out, out], detached: true });
	fs.closeSync(out);
	child.unref();
	const proc: N8nProcess = { role, name, pid: child.pid!, port, userFolder, logFile, shared, exited: false };
	child.on('exit', () => (proc.exited = true));
	trackGroup(proc.pid);
	try {
		await waitReady(`http://127.0.0.1:${port}/healthz/readiness`, proc);
	} catch (error) {
		await stopGroup(proc.pid, 'SIGKILL');
		throw error;
	}
	return proc;
}

