// n8n's verification scan, run locally: the exported analyzePackage of @n8n/scan-community-package
// (the rules n8n applies before it verifies a community package; inline eslint-disable comments are
// ignored) on the two legs n8n scans: the source (package.json, nodes/, credentials/) and the
// packed tarball (compiled .js and the published package.json).
// Usage: node test/verify/scanPackage.mjs [--source <dir>] [--tarball <file.tgz>]   exit 1 on any error
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const TARBALL_PATTERNS = ['**/*.js', 'package.json']; // as analyzePackageByName scans the tarball

function argument(name) {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
}

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	// analyzePackage passes a folder where its patterns match nothing: that is no scan at all
	const passed = result.passed && result.message !== 'No files found to analyze';
	console.log(`${passed ? 'PASS' : 'FAIL'} ${label} (${dir}, ${patterns.join(' ')})${result.message ? `: ${result.message}` : ''}`);
	if (result.details) console.log(result.details);
	return passed;
}

const legs = [];
const source = argument('--source');
const tarball = argument('--tarball');
if (source) legs.push(['source', path.resolve(source), SOURCE_FILE_PATTERNS]);
let unpacked;
if (tarball) {
	unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-scan-'));
	const tar = spawnSync('tar', ['-xzf', path.resolve(tarball), '-C', unpacked, '--strip-components=1'], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
	legs.push(['tarball', unpacked, TARBALL_PATTERNS]);
}
if (legs.length === 0) {
	console.error('usage: node test/verify/scanPackage.mjs [--source <dir>] [--tarball <file.tgz>]');
	process.exit(2);
}
let ok = true;
try {
	for (const [label, dir, patterns] of legs) ok = (await scan(label, dir, patterns)) && ok;
} finally {
	if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
