/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The n8n versions and expression engines the package supports, tried one leg at a time: the last step
// of `npm run test:all` (after the full suite on the pin), or alone:
//   node scripts/node24.js "tsx scripts/n8n/matrix.ts [--only <version>[/<engine>]] [--no-readme]"
// Each leg runs what LEGS says (`npm run demo -- --check`, e2e files, the fast parameter reader's
// differential against that n8n's own n8n-workflow) with IP1_N8N_VERSION and IP1_N8N_ENV set. The other
// versions are installed side by side in the cache (scripts/n8n/install.ts) while the pin's legs run:
// npm's downloads wait on the network, not on the 2 cores. Writes test-results/matrix/ (a log per leg,
// results.json) and the tested-versions table of README.md from its own results (--after-full-suite, given
// by test:all, adds the pin's full-suite row). Exits 1 when any leg failed; a failed leg shows as failed.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { isN8nInstalled, N8N_PIN } from './install';

const repoRoot = path.resolve(__dirname, '..', '..');
const outDir = path.join(repoRoot, 'test-results', 'matrix');
const README = path.join(repoRoot, 'README.md');
const START = '<!-- tested-versions:start -->';
const END = '<!-- tested-versions:end -->';

type Engine = 'vm' | 'quickjs' | 'legacy';
type Check = 'demo' | 'e2e' | 'reader';

/** The e2e files every other version runs: REST and SOAP actions, both triggers, Send and Wait, the smoke test, the credential test. */
export const E2E_FILES = ['smoke', 'restActions', 'actions', 'trigger', 'triggerV2', 'sendAndWait', 'credential'].map((name) => `test/e2e/${name}.test.ts`);

interface Leg {
	version: string;
	engine: Engine;
	checks: Check[];
	/** A newer n8n found on the registry (newerOnRegistry): when it does not install, its row says so and the run does not fail. */
	fromRegistry?: boolean;
}

/**
 * The pin is the newest 2.x that installs from the registry and passes everything (its vm engine runs the
 * full suite; here its own n8n-workflow's reader differential and its other engines). The oldest supported
 * n8n is 1.123 (last of the 1.x line). Expression engines: n8n 1.123 has vm (its default) and legacy (what it
 * needs on Node 20, where isolated-vm has no build); 2.40 and later add quickjs. The reader's differential
 * runs on every 2.x engine (on 1.x the reader hands every read to n8n: test/unit/helpers/itemParametersN8n1.test.ts).
 * A newer 2.x on the registry joins each run by itself (newerOnRegistry). 2.40.7, the pin before 2.41.1,
 * is no longer tried: the budget (CI under an hour) holds the oldest and the newest.
 */
export const LEGS: Leg[] = [
	{ version: N8N_PIN, engine: 'vm', checks: ['reader'] },
	{ version: N8N_PIN, engine: 'quickjs', checks: ['reader', 'demo'] },
	{ version: N8N_PIN, engine: 'legacy', checks: ['reader', 'demo'] },
	{ version: '1.123.81', engine: 'vm', checks: ['demo', 'e2e'] },
	{ version: '1.123.81', engine: 'legacy', checks: ['demo'] },
];

const CHECK_WORDS: Record<Check, string> = {
	reader: 'reader differential',
	demo: 'demo --check',
	e2e: `e2e: ${E2E_FILES.map((f) => path.basename(f, '.test.ts')).join(', ')}`,
};

interface LegResult extends Leg {
	passed: boolean;
	/** the install failed (a registry version only): not tried */
	notInstallable?: string;
	/** per check: passed, and seconds */
	results: Array<{ check: Check; passed: boolean; seconds: number; detail: string }>;
	seconds: number;
	at: string;
}

function run(command: string, env: NodeJS.ProcessEnv, logFile: string): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		fs.appendFileSync(logFile, `\n$ ${command}\n`);
		const child = spawn(command, { cwd: repoRoot, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const take = (chunk: Buffer) => {
			output += chunk.toString();
			fs.appendFileSync(logFile, chunk);
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

function legEnv(leg: Leg): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, IP1_N8N_VERSION: leg.version, IP1_N8N_ENV: leg.engine === 'vm' ? '' : `N8N_EXPRESSION_ENGINE=${leg.engine}` };
	delete env.NODE_ENV; // jest's; n8n refuses to start under it
	return env;
}

const COMMANDS: Record<Check, (leg: Leg) => { command: string; env?: Record<string, string> }> = {
	reader: (leg) => ({ command: 'tsx test/workflow/readerDifferential.ts', env: { N8N_EXPRESSION_ENGINE: leg.engine } }),
	demo: () => ({ command: 'node --import tsx scripts/demo.ts --check' }),
	// the default reporter only: these runs must not count in the reliability table of the pinned suites
	// (the paths before --reporters, which takes every word after it)
	e2e: () => ({ command: `jest --selectProjects e2e --runInBand ${E2E_FILES.join(' ')} --reporters=default` }),
};

const demoLog = path.join(repoRoot, 'test-results', 'demo', 'n8n.log');
const logSize = () => (fs.existsSync(demoLog) ? fs.statSync(demoLog).size : 0);

/**
 * Whether n8n's own log shows the leg's engine at work (IP1_N8N_ENV reached it): QuickJS logs its bridge,
 * n8n (1.123 and 2.x) warns about legacy at its start; an isolated-vm or legacy run has no QuickJS bridge.
 * Undefined: it does.
 */
export function engineMismatch(engine: Engine, log: string): string | undefined {
	const quickJs = log.includes('[QuickJsBridge] Initialized');
	if (engine === 'quickjs') return quickJs ? undefined : "n8n's log shows no QuickJS bridge";
	if (quickJs) return `n8n ran QuickJS, not ${engine}`;
	if (engine === 'legacy' && !log.includes('`legacy` expression engine')) return "n8n's log does not name the legacy engine";
	return undefined;
}

function summary(check: Check, code: number, output: string): string {
	if (check === 'e2e') return /Tests:.*$/m.exec(output)?.[0] ?? `exit ${code}`;
	if (check === 'demo') return /demo check passed[^:]*/.exec(output)?.[0] ?? `exit ${code}`;
	const lines = output.split('\n').filter((l) => l.startsWith('[reader differential'));
	return code === 0 ? `${lines.length} fallbacks, every read as n8n's` : lines.find((l) => l.includes('FAILED')) ?? `exit ${code}`;
}

async function runLeg(leg: Leg): Promise<LegResult> {
	const name = `${leg.version}-${leg.engine}`;
	const logFile = path.join(outDir, `${name}.log`);
	fs.writeFileSync(logFile, `n8n ${leg.version}, expression engine ${leg.engine}\n`);
	const started = Date.now();
	const results: LegResult['results'] = [];
	for (const check of leg.checks) {
		const t0 = Date.now();
		const { command, env } = COMMANDS[check](leg);
		const logFrom = logSize();
		const { code, output } = await run(command, { ...legEnv(leg), ...env }, logFile);
		const seconds = Math.round((Date.now() - t0) / 1000);
		const wrongEngine = check === 'demo' && code === 0 ? engineMismatch(leg.engine, fs.readFileSync(demoLog).subarray(logFrom).toString('utf8')) : undefined;
		const passed = code === 0 && !wrongEngine;
		results.push({ check, passed, seconds, detail: wrongEngine ?? summary(check, code, output) });
		console.log(`[matrix] n8n ${leg.version} ${leg.engine}: ${check} ${passed ? 'passed' : 'FAILED'} in ${seconds} s (${results.at(-1)!.detail}; log ${path.relative(repoRoot, logFile)})`);
	}
	return { ...leg, results, passed: results.every((r) => r.passed), seconds: Math.round((Date.now() - started) / 1000), at: new Date().toISOString() };
}

function versionOrder(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	return pb[0] - pa[0] || pb[1] - pa[1] || pb[2] - pa[2];
}

/** The README table: one row per version and engine, newest version first; written only from this run's results. */
export function table(results: LegResult[], fullSuite: { passed: boolean; at: string } | undefined): string {
	const rows = [...results].sort((a, b) => versionOrder(a.version, b.version) || ['vm', 'quickjs', 'legacy'].indexOf(a.engine) - ['vm', 'quickjs', 'legacy'].indexOf(b.engine));
	const date = (iso: string) => iso.slice(0, 10);
	const lines = [
		'| n8n | expression engine | what ran | result | date |',
		'|---|---|---|---|---|',
		...(fullSuite ? [`| **${N8N_PIN}** (pin) | vm (default) | the full suite (\`npm run test:all\`: unit, integration, workflows, every e2e file, queue mode) | ${fullSuite.passed ? 'passed' : '**FAILED**'} | ${date(fullSuite.at)} |`] : []),
		...rows.map((r) => {
			if (r.notInstallable) return `| ${r.version} (newest on the registry) | — | does not install from the registry: ${r.notInstallable} | not tried | ${date(r.at)} |`;
			const what = r.results.map((c) => `${CHECK_WORDS[c.check]}${c.passed ? '' : ' (**failed**)'}`).join('; ');
			return `| ${r.version}${r.version === N8N_PIN ? ' (pin)' : r.fromRegistry ? ' (newest on the registry)' : ''} | ${r.engine}${r.engine === 'vm' ? ' (default)' : ''} | ${what} | ${r.passed ? 'passed' : '**FAILED**'} | ${date(r.at)} |`;
		}),
	];
	return lines.join('\n');
}

/** The README and where its table's markers stand; throws when they are missing. */
function readmeWithMarkers(): { readme: string; start: number; end: number } {
	const readme = fs.readFileSync(README, 'utf8');
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${START} … ${END}`);
	return { readme, start, end };
}

/** The committed table: what lies between the README's markers. */
function readmeTable(): string {
	const { readme, start, end } = readmeWithMarkers();
	return readme.slice(start + START.length, end);
}

/** A table row without its last cell (the date), for comparing runs of different days. */
const undated = (row: string) => row.trim().replace(/\|[^|]*\|$/, '|');

/**
 * The rows of the committed table that claim a pass this run did not repeat (version, engine, what ran
 * and result alike; the date aside). In CI none may remain: every row the README shows as passed has
 * passed in CI. A row this run adds (a newer n8n on the registry), or a row that was not tried, is no claim.
 */
export function unconfirmedRows(committed: string, found: string): string[] {
	const rows = (text: string) => text.split('\n').filter((l) => /^\| .* \| passed \| [^|]* \|$/.test(l.trim())).map(undated);
	const now = new Set(rows(found));
	return rows(committed).filter((row) => !now.has(row));
}

function writeReadme(text: string): void {
	const { readme, start, end } = readmeWithMarkers();
	const note = '<!-- Written by scripts/n8n/matrix.ts (the last step of npm run test:all) from its own results: do not edit by hand. -->';
	fs.writeFileSync(README, `${readme.slice(0, start + START.length)}\n${note}\n\n${text}\n\n${readme.slice(end)}`);
}

/**
 * The newest n8n 2.x on the registry when it is newer than every version LEGS names: it joins the matrix
 * with the legs of the other versions (reader, demo, e2e on vm). Undefined when there is none, or the
 * registry cannot be asked (`--no-registry` skips the question).
 */
function newerOnRegistry(): string | undefined {
	const newestListed = [...new Set(LEGS.map((l) => l.version))].filter((v) => v.startsWith('2.')).sort(versionOrder)[0];
	try {
		const out = execFileSync('npm', ['view', `n8n@>${newestListed} <3`, 'version', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
		const found = JSON.parse(out) as string | string[];
		return (Array.isArray(found) ? found : [found]).filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort(versionOrder)[0];
	} catch {
		return undefined; // no newer version (npm exits 1 for no match), or no registry
	}
}

async function main(): Promise<number> {
	const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
	const newer = only || process.argv.includes('--no-registry') ? undefined : newerOnRegistry();
	if (newer) console.log(`[matrix] the registry has n8n ${newer}, newer than every listed version: it joins this run`);
	const all: Leg[] = [...LEGS, ...(newer ? [{ version: newer, engine: 'vm' as const, checks: ['reader', 'demo', 'e2e'] as Check[], fromRegistry: true }] : [])];
	const legs = all.filter((leg) => !only || only === leg.version || only === `${leg.version}/${leg.engine}`);
	if (legs.length === 0) throw new Error(`--only ${only}: no such leg (${LEGS.map((l) => `${l.version}/${l.engine}`).join(', ')})`);
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	const started = Date.now();
	// installs of the versions the cache lacks start at once, each in its own process, while the pin's legs run
	const installs = new Map<string, Promise<Error | undefined>>();
	for (const version of new Set(legs.map((l) => l.version))) {
		if (isN8nInstalled(version)) continue;
		const t0 = Date.now();
		const log = path.join(outDir, `install-${version}.log`);
		fs.writeFileSync(log, '');
		const done = run(`tsx scripts/n8n/install.ts ${version}`, process.env, log).then(({ code }) => {
			console.log(`[matrix] n8n ${version}: install ${code === 0 ? 'done' : 'FAILED'} in ${Math.round((Date.now() - t0) / 1000)} s (log ${path.relative(repoRoot, log)})`);
			return code === 0 ? undefined : new Error(`exit ${code}, see ${log}`);
		});
		installs.set(version, done);
	}
	const results: LegResult[] = [];
	for (const leg of [...legs].sort((a, b) => Number(b.version === N8N_PIN) - Number(a.version === N8N_PIN))) {
		const failed = await installs.get(leg.version);
		if (failed) {
			console.log(`[matrix] n8n ${leg.version}: the install failed: ${failed.message}`);
			const reason = installFailure(leg.version);
			results.push({ ...leg, passed: false, notInstallable: reason, results: [], seconds: 0, at: new Date().toISOString() });
			continue;
		}
		results.push(await runLeg(leg));
	}
	const minutes = ((Date.now() - started) / 60_000).toFixed(1);
	fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ pin: N8N_PIN, minutes: Number(minutes), results }, null, '\t'));
	const fullSuite = process.argv.includes('--after-full-suite') ? { passed: true, at: new Date(started).toISOString() } : undefined;
	const text = table(results, fullSuite);
	const tried = results.filter((r) => !r.notInstallable);
	const skipped = results.filter((r) => r.notInstallable).map((r) => `, n8n ${r.version} not installable`).join('');
	console.log(`\n[matrix] ${tried.filter((r) => r.passed).length} of ${tried.length} legs passed in ${minutes} min${skipped}\n${text}`);
	const committed = readmeTable();
	// the README shows what was tried: the whole matrix only (a partial run, --only, leaves it as it is)
	if (!only && !process.argv.includes('--no-readme')) writeReadme(text);
	const unconfirmed = only ? [] : unconfirmedRows(committed, text);
	if (unconfirmed.length) {
		console.log(`\n[matrix] the README's table claims what this run did not confirm:\n${unconfirmed.join('\n')}`);
		// CI proves the committed table: a row shown as passed that did not pass here fails the run
		if (process.env.CI === 'true') return 1;
	} else if (!only) {
		console.log("[matrix] every row the README's table shows as passed passed in this run");
	}
	// a registry version that does not install is n8n's registry's matter, not a failure of this package
	return results.every((r) => r.passed || (r.fromRegistry && r.notInstallable)) ? 0 : 1;
}

/** The first npm error line of a failed install (e.g. "No matching version found for @n8n/agents@0.26.2."). */
function installFailure(version: string): string {
	const log = path.join(outDir, `install-${version}.log`);
	return installFailureLine(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');
}

export function installFailureLine(text: string): string {
	const line = text.split('\n').find((l) => l.startsWith('npm error') && !/^npm error code \w+$/.test(l.trim())) ?? 'the install failed';
	return line.replace(/^npm error\s*(notarget\s*)?/, '').replace(/\|/g, '/').trim().slice(0, 160);
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
