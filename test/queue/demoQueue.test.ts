/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// `npm run demo -- --queue` on this machine: everything it starts works (--check: an incoming SMS through
// haproxy, a webhook process and a worker gets its auto-reply), and a running queue demo stopped by SIGTERM
// to npm leaves no process (n8n ×5, PostgreSQL, Redis, haproxy, the simulator) and no temp folder behind.
// Its own stack, beside the queue project's shared one (which idles meanwhile).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { alive, descendants, killTree, until } from '../e2e/support/processTree';

const root = path.resolve(__dirname, '..', '..');

function demoEnv(tmp: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
	delete env.NODE_ENV; // jest sets it; n8n refuses to start with NODE_ENV=test
	delete env.IP1_QUEUE_STATE; // the demo starts its own stack
	return env;
}

/** A temp folder the demo's PostgreSQL (run as the postgres user when we are root) can pass through. */
function tempDir(): string {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-demo-queue-test-'));
	fs.chmodSync(tmp, 0o711);
	return tmp;
}

const ours = (tmp: string) => fs.readdirSync(tmp).filter((name) => name.startsWith('n8n-nodes-ip1-'));

it('npm run demo -- --queue --check: the auto-reply runs on a worker, then everything stops', () => {
	const tmp = tempDir();
	try {
		const result = spawnSync('npm', ['run', 'demo', '--silent', '--', '--queue', '--check'], { cwd: root, env: demoEnv(tmp), encoding: 'utf8', timeout: 900_000 });
		const output = `${result.stdout}\n${result.stderr}`;
		expect({ status: result.status, output: result.status === 0 ? '' : output.slice(-4000) }).toEqual({ status: 0, output: '' });
		expect(result.stdout).toMatch(/demo --queue check passed: the auto-reply ran on worker-[12]/);
		expect(ours(tmp)).toEqual([]);
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}, 900_000);

it('a running queue demo stopped by SIGTERM to npm stops every process and removes its temp folders', async () => {
	const tmp = tempDir();
	const npm = spawn('npm', ['run', 'demo', '--silent', '--', '--queue'], { cwd: root, env: demoEnv(tmp), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	npm.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
	let started: Array<{ pid: number; command: string }> = [];
	try {
		expect(await until(() => output.includes("iP.1 demo on n8n's queue mode is running") || npm.exitCode !== null, 900_000)).toBe(true);
		expect({ exitCode: npm.exitCode, output: npm.exitCode === null ? '' : output.slice(-4000) }).toEqual({ exitCode: null, output: '' });
		started = descendants(npm.pid!);
		const kinds = ['n8n start', 'n8n worker', 'n8n webhook', 'postgres', 'redis-server', 'haproxy'];
		expect(kinds.filter((k) => !started.some((p) => p.command.includes(k.split(' ')[0]) && p.command.includes(k.split(' ')[1] ?? '')))).toEqual([]);
		expect(ours(tmp).length).toBeGreaterThan(0);

		process.kill(npm.pid!, 'SIGTERM');
		await exited;
		const gone = await until(() => started.every((p) => !alive(p.pid)), 120_000);
		expect({ left: gone ? [] : started.filter((p) => alive(p.pid)) }).toEqual({ left: [] });
		expect(ours(tmp)).toEqual([]);
		expect(output).toContain('stopping every process');
	} finally {
		killTree(npm.pid!, started);
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}, 1_200_000);
