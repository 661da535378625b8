/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The version matrix's own logic: which n8n settings reach the n8n under test, and that the README table
// says what the legs did (a failed leg is never written as passed).
import { engineMismatch, installFailureLine, table, unconfirmedRows } from '../../../scripts/n8n/matrix';
import { N8N_PIN } from '../../../scripts/n8n/install';
import { passedSettings } from '../../e2e/support/n8n';

describe('IP1_N8N_ENV', () => {
	it('passes n8n settings, separated by spaces or commas', () => {
		expect(passedSettings('N8N_EXPRESSION_ENGINE=quickjs')).toEqual({ N8N_EXPRESSION_ENGINE: 'quickjs' });
		expect(passedSettings(' N8N_EXPRESSION_ENGINE=legacy,DB_SQLITE_POOL_SIZE=4  EXECUTIONS_MODE=regular ')).toEqual({
			N8N_EXPRESSION_ENGINE: 'legacy',
			DB_SQLITE_POOL_SIZE: '4',
			EXECUTIONS_MODE: 'regular',
		});
		expect(passedSettings('')).toEqual({});
	});

	it('refuses what is not an n8n setting', () => {
		expect(() => passedSettings('NODE_OPTIONS=--inspect')).toThrow(/NODE_OPTIONS=--inspect/);
		expect(() => passedSettings('N8N_EXPRESSION_ENGINE')).toThrow(/NAME=value/);
	});
});

describe('the tested-versions table', () => {
	const leg = (version: string, engine: 'vm' | 'quickjs' | 'legacy', passed: boolean[]) => ({
		version,
		engine,
		checks: (['demo', 'e2e'] as const).slice(0, passed.length),
		results: passed.map((ok, i) => ({ check: (['demo', 'e2e'] as const)[i], passed: ok, seconds: 1, detail: '' })),
		passed: passed.every(Boolean),
		seconds: 2,
		at: '2026-12-07T21:00:00.000Z',
	});

	it('writes each leg as it ended, newest version first, and the pin row only after the full suite', () => {
		const text = table([leg('1.123.81', 'vm', [true, false]), leg('2.99.0', 'legacy', [true]), leg('2.99.0', 'vm', [true, true])], undefined);
		const rows = text.split('\n').slice(2);
		expect(rows).toHaveLength(3);
		expect(rows[0]).toMatch(/^\| 2\.99\.0 \| vm \(default\) \| demo --check; e2e: .* \| passed \| 2026-12-07 \|$/);
		expect(rows[1]).toMatch(/^\| 2\.99\.0 \| legacy \| demo --check \| passed \|/);
		expect(rows[2]).toMatch(/^\| 1\.123\.81 \| vm \(default\) \| demo --check; e2e: .* \(\*\*failed\*\*\) \| \*\*FAILED\*\* \|/);
		expect(text).not.toContain('full suite');
		expect(table([], { passed: true, at: '2026-12-07T21:00:00.000Z' })).toContain(`| **${N8N_PIN}** (pin) | vm (default) | the full suite`);
	});

	it("confirms, in CI, every row the committed table shows as passed, whatever its date", () => {
		const committed = table([leg('1.123.81', 'vm', [true, true]), leg('2.99.0', 'legacy', [true])], { passed: true, at: '2026-12-01T08:00:00.000Z' });
		const later = (legs: ReturnType<typeof leg>[]) => table(legs.map((l) => ({ ...l, at: '2026-12-08T09:00:00.000Z' })), { passed: true, at: '2026-12-08T09:00:00.000Z' });
		expect(unconfirmedRows(committed, later([leg('1.123.81', 'vm', [true, true]), leg('2.99.0', 'legacy', [true]), leg('2.99.1', 'vm', [true])]))).toEqual([]);
		const failed = unconfirmedRows(committed, later([leg('1.123.81', 'vm', [true, false]), leg('2.99.0', 'legacy', [true])]));
		expect(failed).toEqual([expect.stringMatching(/^\| 1\.123\.81 \| vm \(default\) \| demo --check; e2e: .* \| passed \|$/)]);
		expect(unconfirmedRows(committed, later([leg('1.123.81', 'vm', [true, true])]))).toEqual([expect.stringContaining('| 2.99.0 | legacy |')]);
		const notTried = '| 2.41.3 (newest on the registry) | — | does not install from the registry: x | not tried | 2026-12-07 |';
		expect(unconfirmedRows(`${committed}\n${notTried}`, later([leg('1.123.81', 'vm', [true, true]), leg('2.99.0', 'legacy', [true])]))).toEqual([]);
	});
});

describe("n8n's log shows the leg's expression engine", () => {
	const quickJs = '[QuickJsBridge] Runtime bundle loaded\n[QuickJsBridge] Initialized successfully\n';
	const legacyWarning = ' - N8N_EXPRESSION_ENGINE -> The `legacy` expression engine runs expressions without isolation, is no longer considered secure';

	it('quickjs only with the QuickJS bridge; legacy only with n8n\'s warning; vm without QuickJS', () => {
		expect(engineMismatch('quickjs', quickJs)).toBeUndefined();
		expect(engineMismatch('quickjs', 'started')).toMatch(/no QuickJS/);
		expect(engineMismatch('legacy', legacyWarning)).toBeUndefined();
		expect(engineMismatch('legacy', 'started')).toMatch(/legacy/);
		expect(engineMismatch('legacy', legacyWarning + quickJs)).toMatch(/QuickJS, not legacy/);
		expect(engineMismatch('vm', 'started')).toBeUndefined();
		expect(engineMismatch('vm', quickJs)).toMatch(/QuickJS, not vm/);
	});
});

it("a registry version that does not install: its row gives npm's reason", () => {
	const log = [
		'[n8n-install] npm install --ignore-scripts --no-audit --no-fund --loglevel=error n8n@2.41.3  (in /root/.cache/n8n-nodes-ip1/n8n-2.41.3)',
		'npm error code ETARGET',
		'npm error notarget No matching version found for @n8n/agents@0.26.2.',
		"npm error notarget In most cases you or one of your dependencies are requesting a package version that doesn't exist.",
	].join('\n');
	expect(installFailureLine(log)).toBe('No matching version found for @n8n/agents@0.26.2.');
	const row = table([{ version: '2.41.3', engine: 'vm', checks: [], results: [], passed: false, fromRegistry: true, notInstallable: installFailureLine(log), seconds: 0, at: '2026-12-07T21:00:00.000Z' }], undefined);
	expect(row.split('\n')[2]).toBe('| 2.41.3 (newest on the registry) | — | does not install from the registry: No matching version found for @n8n/agents@0.26.2. | not tried | 2026-12-07 |');
});
