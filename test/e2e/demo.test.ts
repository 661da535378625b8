/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// `npm run demo` on this machine: everything it starts works (scripts/demo.ts --check), then stops.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

it('npm run demo -- --check: n8n sends an SMS and the published auto-reply answers an incoming SMS', () => {
	const root = path.resolve(__dirname, '..', '..');
	const env = { ...process.env };
	delete env.NODE_ENV; // jest sets it; n8n refuses to start with NODE_ENV=test
	const result = spawnSync('npm', ['run', 'demo', '--silent', '--', '--check'], { cwd: root, env, encoding: 'utf8', timeout: 600_000 });
	const output = `${result.stdout}\n${result.stderr}`;
	expect({ status: result.status, output: result.status === 0 ? '' : output }).toEqual({ status: 0, output: '' });
	expect(result.stdout).toMatch(/demo check passed: http:\/\/127\.0\.0\.1:\d+ sent an SMS and auto-replied to an incoming one/);
}, 600_000);
