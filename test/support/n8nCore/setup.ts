/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// One-time n8n-core setup (once per Jest test file, as each file has its own module registry):
// the DI services that WorkflowExecute, ExecuteContext and the request/binary helpers fetch from
// @n8n/di's Container, and the expression engine.
import 'reflect-metadata';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { BinaryDataConfig, BinaryDataService } from 'n8n-core';
import { Expression, LoggerProxy } from 'n8n-workflow';

import { Container } from './container';

export type BinaryDataMode = 'default' | 'filesystem';

let userFolder: string | undefined;
let ready: Promise<void> | undefined;

// Services are built lazily on the first Container.get; InstanceSettings reads these then.
// n8n's user folder (settings file, binary-data storage) goes to a per-process folder in the temp
// dir, not $HOME. Exit handlers do not run reliably in Jest workers, so each setup removes the
// folders of processes that are gone instead.
function prepareEnvironment() {
	if (userFolder) return;
	const prefix = 'ip1-n8n-core-';
	for (const entry of readdirSync(tmpdir())) {
		const pid = Number(entry.startsWith(prefix) ? entry.slice(prefix.length) : NaN);
		if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
			rmSync(path.join(tmpdir(), entry), { recursive: true, force: true });
		}
	}
	userFolder = path.join(tmpdir(), `${prefix}${process.pid}`);
	mkdirSync(userFolder, { recursive: true });
	process.env.N8N_USER_FOLDER = userFolder;
	process.env.N8N_ENCRYPTION_KEY ??= 'ip1-harness-test-key';
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
	process.env.N8N_LOG_LEVEL ??= 'silent';
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * n8n 2.40 evaluates expressions in an isolated-vm isolate by default (@n8n/config
 * ExpressionEngineConfig.engine = 'vm'); N8N_EXPRESSION_ENGINE=quickjs selects QuickJS (WebAssembly)
 * and legacy the in-process evaluator. Expression.initExpressionEngine() loads the runtime with a dynamic
 * import(), which Jest refuses without --experimental-vm-modules, so this is its body with a plain require.
 */
export function expressionEngine(): 'vm' | 'quickjs' | 'legacy' {
	const engine = process.env.N8N_EXPRESSION_ENGINE ?? 'vm';
	if (engine !== 'vm' && engine !== 'quickjs' && engine !== 'legacy') throw new Error(`N8N_EXPRESSION_ENGINE: unknown engine "${engine}"`);
	return engine;
}

async function initExpressions() {
	const engine = expressionEngine();
	Expression.setExpressionEngine(engine);
	if (engine === 'legacy') return;
	const fromWorkflow = { paths: [path.dirname(require.resolve('n8n-workflow'))] };
	const runtime = require(require.resolve('@n8n/expression-runtime', fromWorkflow));
	const { expressionSandboxHooks } = require('n8n-workflow/expression-sandboxing');
	const bridgeOptions = { timeout: 5000, memoryLimit: 128, logger: LoggerProxy };
	const evaluator = new runtime.ExpressionEvaluator({
		createBridge: () => (engine === 'quickjs' ? new runtime.QuickJsBridge(bridgeOptions) : new runtime.IsolatedVmBridge(bridgeOptions)),
		maxCodeCacheSize: 1024,
		poolSize: 1,
		// n8n's option N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: an execution takes an isolate only when it
		// evaluates an expression, so runs without expressions do not pay ~100 ms for a fresh isolate
		lazyAcquire: true,
		hooks: expressionSandboxHooks,
		logger: LoggerProxy,
	});
	await evaluator.initialize();
	(Expression as unknown as { vmEvaluator: unknown }).vmEvaluator = evaluator;
}

async function initBinaryData(mode: BinaryDataMode) {
	Container.get(BinaryDataConfig).mode = mode;
	await Container.get(BinaryDataService).init();
}

/** Sets up n8n-core once per process; later calls return the same promise. */
export function ensureN8nCore(): Promise<void> {
	ready ??= (async () => {
		prepareEnvironment();
		await initExpressions();
		await initBinaryData('default');
	})();
	return ready;
}

/**
 * Switches n8n's binary-data mode as n8n does at start-up (BinaryDataConfig.mode, then
 * BinaryDataService.init). 'default' keeps binary data base64 inside the items; 'filesystem'
 * stores it under the harness's temporary N8N_USER_FOLDER and items carry only an id.
 */
export async function setBinaryDataMode(mode: BinaryDataMode): Promise<void> {
	await ensureN8nCore();
	await initBinaryData(mode);
}

export function harnessUserFolder(): string | undefined {
	return userFolder;
}
