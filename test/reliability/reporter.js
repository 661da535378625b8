// Jest reporter (jest.config.js): after each test file, marks the reliability sections it recorded as
// passed or failed; after the run, writes the reliability table (test/reliability/report.ts).
'use strict';
const { require: tsRequire } = require('tsx/cjs/api');

const report = tsRequire('./report.ts', __filename);

class ReliabilityReporter {
	onTestResult(_test, result) {
		report.markOutcomes({
			testFilePath: result.testFilePath,
			fileFailed: Boolean(result.testExecError) || (result.numFailingTests === 0 && Boolean(result.failureMessage)),
			tests: result.testResults.map((t) => ({ fullName: t.fullName, status: t.status })),
		});
	}

	onRunComplete() {
		if (!report.currentRun()) return;
		const { verdict, files } = report.writeReport();
		if (files.length) console.log(`[reliability] ${verdict}: ${files.join(', ')}`);
	}
}

module.exports = ReliabilityReporter;
