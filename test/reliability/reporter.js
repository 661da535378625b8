// Jest reporter (jest.config.js): after a jest run, marks the reliability sections recorded by its test
// files as passed or failed, counts each file for its jest project (suite) and writes the reliability
// table (test/reliability/report.ts --apply).
// report.ts runs in a child process: loading TypeScript through tsx inside jest's own process would
// install tsx's resolver there, and jest's globalTeardown of the e2e project then fails to load.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

class ReliabilityReporter {
	results = [];

	onTestResult(test, result) {
		const displayName = test?.context?.config?.displayName;
		this.results.push({
			testFilePath: result.testFilePath,
			suite: typeof displayName === 'string' ? displayName : displayName?.name,
			fileFailed: Boolean(result.testExecError) || (result.numFailingTests === 0 && Boolean(result.failureMessage)),
			tests: result.testResults.map((t) => ({ fullName: t.fullName, status: t.status })),
		});
	}

	onRunComplete() {
		if (!this.results.length) return;
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ip1-reliability-')), 'results.json');
		fs.writeFileSync(file, JSON.stringify(this.results));
		try {
			const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'report.ts'), '--apply', file], {
				cwd: path.resolve(__dirname, '..', '..'),
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'inherit'],
			});
			if (out.trim()) console.log(out.trim());
		} finally {
			fs.rmSync(path.dirname(file), { recursive: true, force: true });
		}
	}
}

module.exports = ReliabilityReporter;
