/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// One queue-mode stack per `queue` run: globalSetup starts it and writes its state to a file named by
// IP1_QUEUE_STATE; each test file attaches with useStack(). A file run without the global setup starts and
// stops its own stack. Test files that restart a process write the new state back, so teardown stops it.
import fs from 'node:fs';
import path from 'node:path';

import { QueueStack, startQueueStack, type QueueStackState } from '../../../scripts/queue/stack';
import { buildAndPackPackage, repoRoot } from '../../e2e/support/n8n-package';

const STATE_ENV = 'IP1_QUEUE_STATE';
export const resultsDir = path.join(repoRoot, 'test-results');
const START_TIMEOUT_MS = 400_000;

function readState(): QueueStackState | undefined {
	const file = process.env[STATE_ENV];
	return file && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as QueueStackState) : undefined;
}

export function saveState(stack: QueueStack): void {
	const file = process.env[STATE_ENV];
	if (file) fs.writeFileSync(file, JSON.stringify(stack.state, null, '\t'));
}

async function startFresh(): Promise<QueueStack> {
	// per run (the pid), so that two runs on one machine never share logs or state
	const logDir = path.join(resultsDir, 'queue-logs', String(process.pid));
	fs.rmSync(logDir, { recursive: true, force: true });
	const tgz = await buildAndPackPackage(path.join(resultsDir, 'package'));
	return await startQueueStack({ packageTgz: tgz, logDir, env: {} });
}

export async function startSharedStack(): Promise<QueueStack> {
	fs.mkdirSync(resultsDir, { recursive: true });
	const stack = await startFresh();
	process.env[STATE_ENV] = path.join(resultsDir, `queue-stack.${process.pid}.json`);
	saveState(stack);
	return stack;
}

export async function stopSharedStack(): Promise<void> {
	const state = readState();
	if (!state) return;
	await new QueueStack(state, undefined as never).stop();
	fs.rmSync(process.env[STATE_ENV]!, { force: true });
}

/** In a test file: `const stack = useStack();` then `stack()` in tests. */
export function useStack(): () => QueueStack {
	let stack: QueueStack | undefined;
	let owned = false;
	beforeAll(async () => {
		const shared = readState();
		if (shared) {
			stack = await QueueStack.attach(shared);
		} else {
			owned = true;
			stack = await startFresh();
		}
	}, START_TIMEOUT_MS);
	afterAll(async () => {
		if (owned) await stack?.stop();
	}, 120_000);
	return () => {
		if (!stack) throw new Error('the queue stack is not running (did beforeAll fail?)');
		return stack;
	};
}
