// Jest reporter (jest.config.js): after each test file, marks the reliability sections it recorded as
// passed or failed; after a run that recorded any, writes the reliability table (test/reliability/report.ts).
'use strict';
const { require: tsRequire } = require('tsx/cjs/api');

const report = tsRequire('./report.ts', __filename);

class ReliabilityReporter {
	marked = 0;

	onTestResult(_test, result) {
		this.marked += report.markOutcomes({
			testFilePath: result.testFilePath,
			fileFailed: Boolean(result.testExecError) || (result.numFailingTests === 0 && Boolean(result.failureMessage)),
			tests: result.testResults.map((t) => ({ fullName: t.fullName, status: t.status })),
		});
	}

	onRunComplete() {
		if (!this.marked) return; // this run recorded no reliability section
		const { verdict, files } = report.writeReport();
		if (files.length) console.log(`[reliability] ${verdict}: ${files.join(', ')}`);
	}
}

module.exports = ReliabilityReporter;
