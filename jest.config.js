/**
 * Jest projects. `npm test` runs verify, unit, integration, workflow and reliability (no system service, no
 * root: only Node and npm); `npm run test:e2e` runs e2e (a real n8n and Chromium), `npm run test:queue` queue,
 * `npm run test:all` all of them and secrets (package.json).
 */
// isolatedModules (tsconfig.json): ts-jest transpiles file by file; `npm run typecheck` does the type checking.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const base = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
	// marks the reliability sections passed/failed and writes their table (test/reliability/report.ts)
	reporters: ['default', '<rootDir>/test/reliability/reporter.js'],
	projects: [
		// n8n's verification scan on the source and the packed tarball (test/verify/scanPackage.mjs)
		{ ...base, displayName: 'verify', testMatch: ['<rootDir>/test/verify/**/*.test.ts'] },
		{ ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{
			...base,
			displayName: 'integration',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			// the simulator's web view in Chromium runs with the e2e project (it needs Debian's chromium)
			testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.test\\.ts$'],
		},
		{ ...base, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.test.ts'] },
		{ ...base, displayName: 'reliability', testMatch: ['<rootDir>/test/reliability/**/*.test.ts'] },
		{
			...base,
			displayName: 'e2e',
			testMatch: [
				'<rootDir>/test/e2e/**/*.test.ts',
				// the simulator's web view driven in Chromium (scripts/ensure-chromium.sh): no n8n, but Chromium
				'<rootDir>/test/integration/simulator/**/*.browser.test.ts',
			],
			// the trigger's crash test (its own n8n, killed and started again) and load test are part of every
			// e2e run; `npm run test:crash` / `test:load` run either alone
			// one real n8n for all e2e files (test/e2e/support/shared-n8n.ts); run them with --runInBand
			globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
			globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
		},
		{
			...base,
			displayName: 'queue',
			testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
			// n8n in queue mode (scripts/queue/stack.ts) for all queue files; run them with --runInBand
			globalSetup: '<rootDir>/test/queue/globalSetup.ts',
			globalTeardown: '<rootDir>/test/queue/globalTeardown.ts',
		},
		{
			...base,
			// after the e2e and reliability runs: what they left behind holds no API key
			displayName: 'secrets',
			testMatch: ['<rootDir>/test/secrets/**/*.test.ts'],
		},
	],
};
