/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// `npm run demo` on this machine: everything it starts works (scripts/demo.ts --check), then stops; and
// a running demo walked through as the README's Quick start says, then stopped by SIGTERM to npm, or one
// stopped by Ctrl-C while starting, leaves no process and no temp folder behind.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { alive, descendants, killTree, until } from './support/processTree';
import { walkQuickStart } from './support/quickStart';

const root = path.resolve(__dirname, '..', '..');

function demoEnv(tmp?: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ...(tmp ? { TMPDIR: tmp } : {}) };
	delete env.NODE_ENV; // jest sets it; n8n refuses to start with NODE_ENV=test
	return env;
}

it('npm run demo -- --check: n8n sends an SMS and the published auto-reply answers an incoming SMS', () => {
	const result = spawnSync('npm', ['run', 'demo', '--silent', '--', '--check'], { cwd: root, env: demoEnv(), encoding: 'utf8', timeout: 600_000 });
	const output = `${result.stdout}\n${result.stderr}`;
	expect({ status: result.status, output: result.status === 0 ? '' : output }).toEqual({ status: 0, output: '' });
	expect(result.stdout).toMatch(/demo check passed on n8n \d+\.\d+\.\d+[^:]*: http:\/\/127\.0\.0\.1:\d+ sent SMS, waited for a reply \(YES resumed the reminder\) and auto-replied to incoming ones, REST API v2 and legacy SOAP/);
}, 600_000);

describe('a demo stopped by a signal stops everything and removes its temp folders', () => {
	// SIGTERM goes to the npm process only (`kill <pid>`); Ctrl-C in a terminal sends SIGINT to the whole foreground group
	const sigterm = (pid: number) => process.kill(pid, 'SIGTERM');
	const ctrlC = (pid: number) => process.kill(-pid, 'SIGINT');
	// once the demo is up; or while n8n is still starting (its process and temp user folder exist, not yet ready)
	const running = (output: string) => output.includes('iP.1 demo is running');
	const starting = (_output: string, tmp: string, pid: number) =>
		fs.readdirSync(tmp).some((name) => name.startsWith('n8n-nodes-ip1-n8n-')) && descendants(pid).some((p) => / start$/.test(p.command) && p.command.includes('n8n'));

	// the running demo is first walked through as the README's Quick start says (support/quickStart.ts)
	it.each([
		["SIGTERM to the npm process of a running demo, after the README's Quick start in Chromium", sigterm, running, walkQuickStart],
		['Ctrl-C (SIGINT to the process group) while n8n is starting', ctrlC, starting, undefined],
	] as const)('%s', async (_name, stop, ready, use) => {
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-demo-test-'));
		const npm = spawn('npm', ['run', 'demo', '--silent'], { cwd: root, env: demoEnv(tmp), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let output = '';
		npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		npm.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
		let started: Array<{ pid: number; command: string }> = [];
		try {
			expect(await until(() => ready(output, tmp, npm.pid!) || npm.exitCode !== null, 900_000)).toBe(true);
			expect({ exitCode: npm.exitCode, output: npm.exitCode === null ? '' : output }).toEqual({ exitCode: null, output: '' });
			started = descendants(npm.pid!);
			// what there is to stop and clean: n8n with its task runner, tsx, the demo, and n8n's temp user folder
			expect(started.some((p) => / start$/.test(p.command) && p.command.includes('n8n'))).toBe(true);
			expect(fs.readdirSync(tmp).some((name) => name.startsWith('n8n-nodes-ip1-n8n-'))).toBe(true);
			if (use) await use(output);

			stop(npm.pid!);
			await exited;
			const gone = await until(() => started.every((p) => !alive(p.pid)), 90_000);
			expect({ left: gone ? [] : started.filter((p) => alive(p.pid)) }).toEqual({ left: [] });
			expect(fs.readdirSync(tmp).filter((name) => name.startsWith('n8n-nodes-ip1-'))).toEqual([]);
			expect(output).toContain('stopping…');
		} finally {
			// on a failure, nothing of this test may outlive it (n8n runs in its own process group)
			killTree(npm.pid!, started);
			fs.rmSync(tmp, { recursive: true, force: true });
		}
	}, 1_200_000);
});
