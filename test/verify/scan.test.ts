/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// n8n's verification scan (test/verify/scanPackage.mjs) on this package: the source and the packed
// tarball pass, and a package with a violation (even one hidden behind eslint-disable) fails it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildAndPackPackage, repoRoot } from '../e2e/support/n8n-package';

function scanPackage(...args: string[]) {
	// without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base then treats every file as a node file
	// (its isTestRun), which is not the scan n8n runs
	const { NODE_ENV: _jest, ...env } = process.env;
	const result = spawnSync('node', [path.join(__dirname, 'scanPackage.mjs'), ...args], { cwd: repoRoot, env, encoding: 'utf8', timeout: 300_000 });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

let work: string;
beforeAll(() => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-verify-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it('the source and the packed tarball pass the scan n8n runs before verifying a community package', async () => {
	const tgz = await buildAndPackPackage(work);
	const result = scanPackage('--source', repoRoot, '--tarball', tgz);
	expect(result).toEqual({ status: 0, output: expect.stringMatching(/^PASS source .*\nPASS tarball /m) });
}, 600_000);

it('fails on a violation, also when an inline eslint-disable comment would hide it from a normal lint', () => {
	const bad = path.join(work, 'bad');
	fs.mkdirSync(path.join(bad, 'nodes', 'Bad'), { recursive: true });
	fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(bad, 'package.json'));
	fs.writeFileSync(path.join(bad, 'nodes', 'Bad', 'Bad.node.js'), '// eslint-disable-next-line no-console\nconsole.log("hello");\n');
	const result = scanPackage('--source', bad);
	expect(result.status).toBe(1);
	expect(result.output).toMatch(/FAIL source/);
	expect(result.output).toMatch(/no-console/);
});

it('fails when its patterns match no file (an empty scan is no pass)', () => {
	const empty = path.join(work, 'empty');
	fs.mkdirSync(empty);
	expect(scanPackage('--source', empty)).toEqual({ status: 1, output: expect.stringContaining('FAIL source') });
});
