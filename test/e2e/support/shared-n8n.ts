/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// One real n8n per e2e run: test/e2e/globalSetup.ts starts it and leaves its details in a file named by
// IP1_E2E_N8N_STATE; each test file attaches to it with useN8n(). A test file run without that global setup
// starts (and stops) its own instance instead, so every file also works on its own.
import fs from 'node:fs';
import path from 'node:path';

import { buildAndPackPackage, repoRoot } from './n8n-package';
import { N8nInstance, N8nInstanceInfo, startN8n } from './n8n';

export const STATE_ENV = 'IP1_E2E_N8N_STATE';
export const resultsDir = path.join(repoRoot, 'test-results');

/** Generous: a first run installs nothing here (globalSetup does), but a loaded 2-core machine starts n8n slowly. */
export const N8N_START_TIMEOUT_MS = 300_000;

export function readSharedState(): N8nInstanceInfo | undefined {
	const file = process.env[STATE_ENV];
	if (!file || !fs.existsSync(file)) return undefined;
	return JSON.parse(fs.readFileSync(file, 'utf8')) as N8nInstanceInfo;
}

/** Builds and packs the package, starts n8n with it and records the instance for the test files. */
export async function startSharedN8n(): Promise<N8nInstance> {
	fs.mkdirSync(resultsDir, { recursive: true });
	const tgz = await buildAndPackPackage(path.join(resultsDir, 'package'));
	const logFile = path.join(resultsDir, 'e2e-n8n.log');
	fs.rmSync(logFile, { force: true });
	const instance = await startN8n({ packageTgz: tgz, logFile, readyTimeoutMs: N8N_START_TIMEOUT_MS });
	// one file per run: a second e2e run on the same machine must not read (and stop) this run's n8n
	const stateFile = path.join(resultsDir, `e2e-n8n.${process.pid}.json`);
	fs.writeFileSync(stateFile, JSON.stringify(instance.info, null, '\t'));
	process.env[STATE_ENV] = stateFile;
	return instance;
}

/**
 * In a test file: `const n8n = useN8n();` then `n8n()` inside tests gives the running instance
 * (logged in as its owner). Registers the jest hooks that attach to (or start and stop) it.
 */
export function useN8n(): () => N8nInstance {
	let instance: N8nInstance | undefined;
	let owned = false;
	beforeAll(async () => {
		const shared = readSharedState();
		if (shared) {
			instance = await N8nInstance.attach(shared);
		} else {
			owned = true;
			const tgz = await buildAndPackPackage();
			try {
				instance = await startN8n({ packageTgz: tgz });
			} finally {
				fs.rmSync(path.dirname(tgz), { recursive: true, force: true });
			}
		}
	}, N8N_START_TIMEOUT_MS);
	afterAll(async () => {
		if (owned) await instance?.stop();
	}, 60_000);
	return () => {
		if (!instance) throw new Error('n8n is not running (did beforeAll fail?)');
		return instance;
	};
}
