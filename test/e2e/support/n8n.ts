/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// A real n8n (the version IP1_N8N_VERSION names, else the pin; scripts/n8n/install.ts) for the e2e tests, the
// demo and the benchmarks: its own user folder, ports and log file, a headless owner, our package installed as
// users get it, CLI helpers (import, publish, execute) and a logged-in REST client. IP1_N8N_ENV passes n8n
// settings through (e.g. "N8N_EXPRESSION_ENGINE=quickjs"): the caller's own N8N_* variables are not.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n, N8N_VERSION, n8nEntry } from '../../../scripts/n8n/install';
import { installPackageIntoUserFolder } from './n8n-package';
import { N8nRestClient } from './n8n-rest';
import { freePort } from './ports';

const { node24Bin } = require('../../../scripts/node24.js') as { node24Bin: () => string };

export const OWNER = { email: 'demo@example.com', password: 'Demo-pass-1234', firstName: 'Demo', lastName: 'Owner' };

export interface StartN8nOptions {
	port?: number;
	brokerPort?: number;
	/** Used as N8N_USER_FOLDER (n8n keeps its data in `<userFolder>/.n8n`); a fresh temp folder when omitted. */
	userFolder?: string;
	/** Extra environment for n8n and its CLI commands (overrides the defaults below). */
	env?: Record<string, string>;
	/** A packed community package (`npm pack` output) to install into the user folder before the start. */
	packageTgz?: string;
	/** Where n8n's stdout/stderr go; `<userFolder>/n8n.log` when omitted. */
	logFile?: string;
	/** Milliseconds to wait for /healthz/readiness (default 180 s: a loaded CI machine is slow). */
	readyTimeoutMs?: number;
}

/** Everything needed to reach a running instance, also from another process (see test/e2e/support/shared-n8n.ts). */
export interface N8nInstanceInfo {
	/** The n8n version (N8N_VERSION of scripts/n8n/install.ts). */
	version: string;
	pid: number;
	baseUrl: string;
	port: number;
	brokerPort: number;
	userFolder: string;
	/** True when the harness created the user folder (stop() then deletes it). */
	tempUserFolder: boolean;
	logFile: string;
	owner: typeof OWNER;
	/** The n8n variables the server was started with (the CLI commands use the same ones). */
	env: Record<string, string>;
	startupMs: number;
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** n8n's run of one workflow (IRun): `status`, `data.resultData.runData[node][run].data.main[output][item].json`, `data.resultData.error`. */
export interface WorkflowRun {
	status: string;
	finished: boolean;
	mode: string;
	data: any;
	[key: string]: any;
}

const running = new Set<number>();
/** Temp folders this process created for n8n (user folders, import files): removed by stop() or at exit. */
const tempPaths = new Set<string>();
let exitHandlersInstalled = false;

function removeTemp(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
	tempPaths.delete(dir);
}

/**
 * Kills the instances this process started and removes their temp folders when it is ended (crash, Ctrl-C,
 * SIGTERM), so no n8n and no folder is left behind. A program with its own SIGINT/SIGTERM handlers
 * (scripts/demo.ts stops everything gracefully, then exits) keeps them; the exit handler still runs.
 */
function installExitHandlers(): void {
	if (exitHandlersInstalled) return;
	exitHandlersInstalled = true;
	const killAll = () => {
		for (const pid of running) killGroup(pid, 'SIGKILL');
		if (!process.env.IP1_E2E_KEEP_N8N_FOLDER) for (const dir of [...tempPaths]) removeTemp(dir);
	};
	process.on('exit', killAll);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		if (process.listenerCount(signal) > 0) continue;
		process.once(signal, () => {
			killAll();
			process.exit(130);
		});
	}
}

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false; // the group is gone
	}
}

function groupAlive(pid: number): boolean {
	return killGroup(pid, 0 as unknown as NodeJS.Signals);
}

function n8nEnv(info: Pick<N8nInstanceInfo, 'port' | 'brokerPort' | 'userFolder'>, extra: Record<string, string> = {}): Record<string, string> {
	return {
		N8N_USER_FOLDER: info.userFolder,
		N8N_PORT: String(info.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${info.port}/`,
		N8N_WEBHOOK_URL: `http://127.0.0.1:${info.port}/`,
		N8N_RUNNERS_BROKER_PORT: String(info.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		// offline and quiet: no telemetry, version checks, banners, templates or onboarding
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		// every execution is kept, so tests can read it back through the REST API
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		DB_SQLITE_POOL_SIZE: '2',
		// how often the server picks up workflows published from the CLI (default 10 s)
		N8N_WORKFLOW_PUBLICATION_RECONCILE_INTERVAL_SECONDS: '2',
		N8N_LOG_LEVEL: 'info',
		...passedSettings(),
		...extra,
	};
}

/**
 * n8n settings for the instance under test from IP1_N8N_ENV: `NAME=value` pairs separated by spaces or
 * commas, each name an n8n setting (N8N_*, DB_*, EXECUTIONS_*, GENERIC_TIMEZONE, QUEUE_*), e.g.
 * `IP1_N8N_ENV="N8N_EXPRESSION_ENGINE=quickjs"`. They override the harness defaults above.
 */
export function passedSettings(value = process.env.IP1_N8N_ENV ?? ''): Record<string, string> {
	const settings: Record<string, string> = {};
	for (const pair of value.split(/[\s,]+/).filter(Boolean)) {
		const match = /^((?:N8N|DB|EXECUTIONS|QUEUE)_[A-Z0-9_]+|GENERIC_TIMEZONE)=(.*)$/.exec(pair);
		if (!match) throw new Error(`IP1_N8N_ENV: "${pair}" is not NAME=value with an n8n setting's name (N8N_*, DB_*, EXECUTIONS_*, QUEUE_*)`);
		settings[match[1]] = match[2];
	}
	return settings;
}

function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
	const bin = node24Bin();
	// Drop n8n variables of the calling shell, so only what this harness sets applies, and jest's
	// NODE_ENV=test: under it n8n logs nothing and its start command ends early.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !key.startsWith('N8N_') && !key.startsWith('DB_') && !key.startsWith('JEST_') && key !== 'NODE_ENV'),
	);
	return { ...inherited, PATH: [bin, process.env.PATH].join(path.delimiter), ...vars };
}

/**
 * Ready: /healthz/readiness answers 200 and the REST API answers JSON (n8n 1.x reports ready a moment
 * before its REST routes are mounted: /rest/settings then answers the editor's HTML).
 */
async function waitUntilReady(baseUrl: string, child: { exited: boolean }, logFile: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exited) throw new Error(`n8n exited during start; last log lines:\n${tail(logFile, 40)}`);
		try {
			const ready = await fetch(`${baseUrl}/healthz/readiness`);
			const settings = ready.status === 200 ? await fetch(`${baseUrl}/rest/settings`) : undefined;
			if (settings?.ok && settings.headers.get('content-type')?.includes('application/json')) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`n8n was not ready within ${timeoutMs} ms; last log lines:\n${tail(logFile, 40)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

function tail(file: string, lines: number): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/** Creates the owner through n8n's REST API when the instance has none yet (what the setup screen does). */
async function ensureOwner(baseUrl: string, owner: typeof OWNER): Promise<void> {
	const settings = (await (await fetch(`${baseUrl}/rest/settings`)).json()) as any;
	if (!settings?.data?.userManagement?.showSetupOnFirstLoad) return;
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
}

/** Starts a real n8n and waits until it is ready, with its owner set up and logged in. */
export async function startN8n(opts: StartN8nOptions = {}): Promise<N8nInstance> {
	await ensureN8n();
	const started = Date.now();
	const tempUserFolder = !opts.userFolder;
	const userFolder = opts.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-n8n-'));
	if (tempUserFolder) tempPaths.add(userFolder);
	installExitHandlers();
	fs.mkdirSync(userFolder, { recursive: true });
	const port = opts.port ?? (await freePort());
	let brokerPort = opts.brokerPort ?? (await freePort());
	while (brokerPort === port) brokerPort = await freePort();
	const logFile = opts.logFile ?? path.join(userFolder, 'n8n.log');
	if (opts.packageTgz) await installPackageIntoUserFolder(userFolder, opts.packageTgz);

	const env = n8nEnv({ port, brokerPort, userFolder }, opts.env);
	const out = fs.openSync(logFile, 'a');
	// its own process group, so stop() ends n8n together with its task runner processes
	const child = spawn(path.join(node24Bin(), 'node'), [n8nEntry, 'start'], { env: childEnv(env), stdio: ['ignore', out, out], detached: true });
	fs.closeSync(out);
	const state = { exited: false };
	child.on('exit', () => (state.exited = true));
	child.unref();
	const pid = child.pid!;
	running.add(pid);
	installExitHandlers();

	const baseUrl = `http://127.0.0.1:${port}`;
	const info: N8nInstanceInfo = { version: N8N_VERSION, pid, baseUrl, port, brokerPort, userFolder, tempUserFolder, logFile, owner: OWNER, env, startupMs: 0 };
	try {
		await waitUntilReady(baseUrl, state, logFile, opts.readyTimeoutMs ?? 180_000);
		await ensureOwner(baseUrl, OWNER);
		const instance = await N8nInstance.attach(info);
		await instance.restApi.waitUntilActiveWorkflowsLive();
		info.startupMs = Date.now() - started;
		return instance;
	} catch (error) {
		await stopProcessGroup(pid);
		if (tempUserFolder && !process.env.IP1_E2E_KEEP_N8N_FOLDER) removeTemp(userFolder);
		throw error;
	}
}

/**
 * Runs a command in its own process group and ends the group when the command exits: an n8n CLI command
 * that runs workflows starts a task runner that would otherwise outlive it by a few seconds.
 */
async function runInOwnGroup(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CliResult> {
	const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	const pid = child.pid!;
	running.add(pid);
	installExitHandlers();
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const closed = new Promise((resolve) => child.on('close', resolve));
	const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), timeoutMs);
	const code = await new Promise<number>((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1))));
	clearTimeout(timer);
	await stopProcessGroup(pid, 5_000);
	await closed;
	return { code, stdout, stderr };
}

/** Stops an instance by its process group (also one another process started, e.g. jest's globalSetup). */
export async function stopProcessGroup(pid: number, graceMs = 20_000): Promise<void> {
	killGroup(pid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
	if (groupAlive(pid)) {
		killGroup(pid, 'SIGKILL');
		const killDeadline = Date.now() + 10_000;
		while (groupAlive(pid) && Date.now() < killDeadline) await new Promise((resolve) => setTimeout(resolve, 50));
	}
	running.delete(pid);
}

/** A stable n8n id (16 alphanumerics, like n8n's own) derived from a name. */
export function stableId(name: string): string {
	return crypto.createHash('sha256').update(name).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 16);
}

export class N8nInstance {
	private constructor(
		readonly info: N8nInstanceInfo,
		/** Logged in as the owner. */
		readonly restApi: N8nRestClient,
	) {}

	/** Connects to a running instance (e.g. the one test/e2e/globalSetup.ts started): logs in as its owner. */
	static async attach(info: N8nInstanceInfo): Promise<N8nInstance> {
		return new N8nInstance(info, await N8nRestClient.login(info.baseUrl, info.owner.email, info.owner.password));
	}

	get baseUrl(): string {
		return this.info.baseUrl;
	}

	get owner(): typeof OWNER {
		return this.info.owner;
	}

	get userFolder(): string {
		return this.info.userFolder;
	}

	get logFile(): string {
		return this.info.logFile;
	}

	/** Everything n8n and the CLI commands run through this instance wrote so far. */
	logs(): string {
		return fs.readFileSync(this.info.logFile, 'utf8');
	}

	/** URL of a production webhook of a published workflow. */
	webhookUrl(webhookPath: string): string {
		return `${this.info.baseUrl}/webhook/${webhookPath.replace(/^\//, '')}`;
	}

	/**
	 * Runs an n8n CLI command against this instance's user folder and database (a separate process:
	 * about 3–5 s each). Its output is appended to the instance's log file too.
	 */
	async cli(args: string[], opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
		// a command that runs workflows starts its own task broker: it must not take the server's port
		const brokerPort = await freePort();
		const env = childEnv({ ...this.info.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...opts.env });
		const result = await runInOwnGroup(path.join(node24Bin(), 'node'), [n8nEntry, ...args], env, opts.timeoutMs ?? 120_000);
		fs.appendFileSync(this.info.logFile, `\n--- n8n ${args.join(' ')} (exit ${result.code}) ---\n${result.stdout}${result.stderr}--- end of n8n ${args[0]} ---\n`);
		return result;
	}

	private async cliOk(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	private writeTemp(name: string, content: unknown): string {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-import-'));
		tempPaths.add(dir);
		const file = path.join(dir, name);
		fs.writeFileSync(file, JSON.stringify(content, null, 2));
		return file;
	}

	/**
	 * `n8n import:credentials`: each `{ id, name, type, data }` with `data` in plain text (n8n encrypts it).
	 * Give ids yourself so workflows can refer to them (`credentials: { ip1SmsApi: { id, name } }`).
	 */
	async importCredentials(credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>): Promise<void> {
		const file = this.writeTemp('credentials.json', credentials);
		try {
			await this.cliOk(['import:credentials', `--input=${file}`]);
		} finally {
			removeTemp(path.dirname(file));
		}
	}

	/**
	 * `n8n import:workflow`: imports (or overwrites, same id) one workflow, inactive; returns its id.
	 * Without an `id` the workflow gets a stable one derived from its name.
	 */
	async importWorkflow(workflow: { id?: string; name: string; [key: string]: unknown }): Promise<string> {
		const [id] = await this.importWorkflows([workflow]);
		return id;
	}

	/** Several workflows with one `n8n import:workflow` (one CLI start instead of one each); returns their ids in order. */
	async importWorkflows(workflows: Array<{ id?: string; name: string; [key: string]: unknown }>): Promise<string[]> {
		const full = workflows.map((workflow) => ({ active: false, settings: {}, connections: {}, ...workflow, id: workflow.id ?? stableId(workflow.name) }));
		const file = this.writeTemp('workflows.json', full);
		try {
			await this.cliOk(['import:workflow', `--input=${file}`]);
		} finally {
			removeTemp(path.dirname(file));
		}
		return full.map((workflow) => workflow.id);
	}

	/**
	 * `n8n publish:workflow --id=`: marks the workflow published in the database. The command says a running
	 * n8n will not notice, but 2.40's server reconciles published workflows from the database periodically
	 * (N8N_WORKFLOW_PUBLICATION_RECONCILE_INTERVAL_SECONDS, set to 2 here): this waits until the triggers are live.
	 */
	async publishWorkflow(id: string, timeoutMs = 30_000): Promise<void> {
		await this.cliOk(['publish:workflow', `--id=${id}`]);
		await this.restApi.waitUntilWorkflowLive(id, timeoutMs);
	}

	/** Publishes the workflow in the running n8n through its REST API: its triggers and webhooks are live when this returns. */
	async activateWorkflow(id: string): Promise<void> {
		await this.restApi.activateWorkflow(id);
	}

	/**
	 * `n8n execute --id <id> --rawOutput`: runs the workflow from its first trigger in a separate process
	 * against the same database while the server keeps running; the execution is stored and listed by the
	 * server (mode `cli`). Returns the run also when the workflow failed (see `data.resultData.error`).
	 */
	async executeWorkflow(id: string): Promise<WorkflowRun> {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		const run = parseRunOutput(result.stdout);
		if (!run) throw new Error(`n8n execute --id=${id} printed no run data (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
		return run;
	}

	/**
	 * Stops the server and starts it again on the same user folder, ports and log file (about 8–10 s),
	 * waiting until its published workflows are live again. Use the returned instance afterwards.
	 */
	async restart(opts: { readyTimeoutMs?: number } = {}): Promise<N8nInstance> {
		await stopProcessGroup(this.info.pid);
		const { port, brokerPort, userFolder, logFile, env } = this.info;
		const next = await startN8n({ port, brokerPort, userFolder, logFile, env, readyTimeoutMs: opts.readyTimeoutMs });
		next.info.tempUserFolder = this.info.tempUserFolder;
		// the shared instance of an e2e run: let globalTeardown stop the new process
		const stateFile = process.env.IP1_E2E_N8N_STATE;
		if (stateFile && fs.existsSync(stateFile) && JSON.parse(fs.readFileSync(stateFile, 'utf8')).pid === this.info.pid) {
			fs.writeFileSync(stateFile, JSON.stringify(next.info, null, '\t'));
		}
		return next;
	}

	/** Stops n8n and its task runners (SIGTERM, SIGKILL after 20 s) and waits until they are gone; deletes a temp user folder. */
	async stop(): Promise<void> {
		await stopProcessGroup(this.info.pid);
		if (this.info.tempUserFolder && !process.env.IP1_E2E_KEEP_N8N_FOLDER) removeTemp(this.info.userFolder);
	}
}

/** The JSON document in `n8n execute` output: everything from the first line that is just `{`. */
export function parseRunOutput(stdout: string): WorkflowRun | undefined {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		for (let j = lines.length; j > i; j--) {
			if (lines[j - 1] !== '}') continue;
			try {
				return JSON.parse(lines.slice(i, j).join('\n'));
			} catch {
				break;
			}
		}
	}
	return undefined;
}
