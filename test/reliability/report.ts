/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Figures of the reliability run. Each test file records its sections (recordFigures) into
// test-results/reliability-parts/; the jest reporter (test/reliability/reporter.js) then marks each
// section passed or failed from the test results, notes which jest projects ("suites") ran and whether
// every file of them passed, and writes the table after each jest run of the current run:
// test-results/reliability.md always, docs/reliability.md only for `npm run test:all` (every suite).
// Every test command starts its own run with the suites it covers (SCOPES); the table says PASSED only
// when every section of those suites was recorded in this run and passed and every file of those suites
// passed, and the verdict names the suites it covers. Sections of suites outside the run read "not run".
//   tsx test/reliability/report.ts --start <test|e2e|queue|all>   a new run: removes every earlier part
//   tsx test/reliability/report.ts                                prints the table of the current run
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Figures {
	/** what was tried, e.g. 120 fault injections */
	cases: number;
	/** messages the gateway should have received but did not (or incoming SMS not handed over); omit when not measured */
	lost?: number;
	/** messages the gateway received more than once; omit when not measured */
	doubled?: number;
	/** cases that failed their check, as counted by the test */
	failed: number;
	/** node runs searched for the API key, and runs in which it was found */
	keyScans?: number;
	keyHits?: number;
	/** a line for the table, built from figures of this run */
	notes?: string;
	[extra: string]: unknown;
}

interface Part extends Figures {
	run: string;
	at: string;
	/** the test file that recorded it: the section passed when every test of that file passed */
	testPath?: string;
	/** set by the reporter from jest's results */
	outcome?: 'passed' | 'failed';
}

/** The jest projects (jest.config.js), in the order `npm run test:all` runs them. */
export const SUITES = ['verify', 'unit', 'integration', 'workflow', 'reliability', 'e2e', 'secrets', 'queue'] as const;
export type Suite = (typeof SUITES)[number];

/** What each test command covers (package.json): `--start <scope>` begins its run. */
export const SCOPES = {
	test: { command: 'npm test', suites: ['verify', 'unit', 'integration', 'workflow', 'reliability'] },
	e2e: { command: 'npm run test:e2e', suites: ['e2e'] },
	queue: { command: 'npm run test:queue', suites: ['queue'] },
	all: { command: 'npm run test:all', suites: [...SUITES] },
} satisfies Record<string, { command: string; suites: readonly Suite[] }>;
export type Scope = keyof typeof SCOPES;

interface Run {
	id: string;
	startedAt: string;
	commit: string;
	/** the test command that started it (--start); none: a test file run on its own started it */
	scope?: Scope;
	/** started by `npm run test:all`: its table goes to docs/reliability.md too */
	full: boolean;
	/** the verdict is no longer INCOMPLETE: the next recordFigures starts a new run */
	finished?: boolean;
}

/** What the jest runs of this run reported for one suite. */
interface SuiteResult {
	files: number;
	failedFiles: number;
	tests: number;
	failedTests: number;
}

const repoRoot = resolve(__dirname, '../..');
/** Where the run keeps its files; IP1_RELIABILITY_RESULTS / IP1_RELIABILITY_DOCS move them (the report's own test). */
function where() {
	const dir = process.env.IP1_RELIABILITY_RESULTS ?? join(repoRoot, 'test-results');
	return {
		parts: join(dir, 'reliability-parts'),
		run: join(dir, 'reliability-run.json'),
		suites: join(dir, 'reliability-suites.json'),
		results: join(dir, 'reliability.md'),
		docs: process.env.IP1_RELIABILITY_DOCS ?? join(repoRoot, 'docs', 'reliability.md'),
	};
}

export const TITLES: Record<string, string> = {
	faults: 'Faults injected through the node (8 kinds × 9 send and 6 status actions)',
	badInput: 'Bad inputs tried (refused before sending)',
	fuzzReader: 'SOAP answers read, compared with xml2js',
	fuzzTexts: 'Random message texts sent through the node',
	envelope: 'Texts trying to break out of the SOAP envelope',
	secrets: 'Leak hunt: URL-call faults, unreachable gateway, wrong credentials, a gateway echoing the request',
	triggerLoad: 'Incoming-SMS callbacks under load (real n8n)',
	triggerDuplicates: 'Duplicate callbacks of one incsmsid (real n8n)',
	triggerSecrets: 'Callbacks with a wrong or missing secret (real n8n)',
	triggerMalformed: 'Malformed callback requests (real n8n)',
	triggerLoadRest: 'REST webhooks under load, trigger version 2 (real n8n)',
	triggerCrash_v1Soap: 'n8n killed (kill -9) mid-run: SOAP callbacks, trigger version 1.1',
	triggerCrash_v2Soap: 'n8n killed (kill -9) mid-run: SOAP callbacks, trigger version 2',
	triggerCrash_v2Rest: 'n8n killed (kill -9) mid-run: REST incoming SMS, trigger version 2',
	triggerCrash_v2Reports: 'n8n killed (kill -9) mid-run: REST delivery reports, trigger version 2',
	queueWebhookLoad: 'Queue mode: REST incoming SMS and delivery reports through haproxy to 2 webhook processes',
	queueRepeatOtherProcess: 'Queue mode: repeats landing on the other webhook process',
	queueSimultaneousRepeats: 'Queue mode: one message posted to both webhook processes at once (measured)',
	queueSimultaneousViaHaproxy: 'Queue mode: one message posted twice at once through haproxy (hash of the message id)',
	queueWebhookKilled: 'Queue mode: a webhook process killed (kill -9) mid-load',
	queueWorkerKilled: 'Queue mode: a worker killed (kill -9) in a 1,000-SMS send',
};
const LOAD_SECTIONS = ['triggerLoad', 'triggerDuplicates', 'triggerSecrets', 'triggerMalformed', 'triggerLoadRest'];

/** The suite whose test files record a section: test/reliability, test/e2e (triggerLoad, triggerCrash) or test/queue. */
export function suiteOf(section: string): Suite {
	return section.startsWith('queue') ? 'queue' : section.startsWith('trigger') ? 'e2e' : 'reliability';
}

/**
 * Every section: test/reliability/*.test.ts, the trigger's load and crash tests in the real n8n
 * (test/e2e/triggerLoad.test.ts, triggerCrash.test.ts) and the queue-mode tests (test/queue). A run of
 * one part alone (`npm run test:crash`, `test:load`, `test:queue`) expects only what it records.
 */
export const EXPECTED = Object.keys(TITLES).filter(
	(s) =>
		(process.env.IP1_LOAD_TEST !== '1' || LOAD_SECTIONS.includes(s)) &&
		(process.env.IP1_CRASH_TEST !== '1' || s.startsWith('triggerCrash_')) &&
		(process.env.IP1_QUEUE_TEST !== '1' || s.startsWith('queue')),
);

function writeAtomic(file: string, text: string): void {
	const tmp = `${file}.${process.pid}.tmp`;
	writeFileSync(tmp, text);
	renameSync(tmp, file);
}

function commit(): string {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim();
		return dirty ? `${head} with uncommitted changes` : head;
	} catch {
		return 'unknown';
	}
}

/** The sections a run must record: those of its suites (every section for a test file run on its own). */
export function expectedSections(run: Run | undefined = currentRun()): string[] {
	const suites: readonly Suite[] = run?.scope ? SCOPES[run.scope].suites : SUITES;
	return EXPECTED.filter((s) => suites.includes(suiteOf(s)));
}

/**
 * Starts a run: the parts and suite results of every earlier run are removed, so nothing old can show
 * up in this run's table. Without a scope: a test file run on its own (recordFigures).
 */
export function startRun(scope?: Scope): Run {
	const { parts: PARTS, run: RUN, suites: SUITES_FILE } = where();
	rmSync(PARTS, { recursive: true, force: true });
	rmSync(SUITES_FILE, { force: true });
	mkdirSync(PARTS, { recursive: true });
	const run: Run = { id: `${Date.now()}-${process.pid}`, startedAt: new Date().toISOString(), commit: commit(), ...(scope ? { scope } : {}), full: scope === 'all' };
	writeAtomic(RUN, JSON.stringify(run, null, 1));
	return run;
}

export function currentRun(): Run | undefined {
	const { run: RUN } = where();
	return existsSync(RUN) ? (JSON.parse(readFileSync(RUN, 'utf8')) as Run) : undefined;
}

/**
 * Records one section (e.g. 'faults') of the current run. A test file run on its own after a finished
 * run starts a new partial run (its table goes to test-results/ only).
 */
export function recordFigures(section: string, figures: Figures): void {
	let run = currentRun();
	if (!run || run.finished) run = startRun();
	const state = (globalThis as any).expect?.getState?.() ?? {};
	const { parts: PARTS } = where();
	const part: Part = { ...figures, run: run.id, at: new Date().toISOString(), testPath: state.testPath };
	mkdirSync(PARTS, { recursive: true });
	writeAtomic(join(PARTS, `${section}.json`), JSON.stringify(part, null, 1));
}

export function readParts(): Record<string, Part> {
	const { parts: PARTS } = where();
	const run = currentRun();
	const parts: Record<string, Part> = {};
	for (const name of existsSync(PARTS) ? readdirSync(PARTS).sort() : []) {
		if (!name.endsWith('.json')) continue;
		const part = JSON.parse(readFileSync(join(PARTS, name), 'utf8')) as Part;
		if (part.run === run?.id) parts[name.slice(0, -5)] = part;
	}
	return parts;
}

export function readSuites(): Partial<Record<Suite, SuiteResult>> {
	const { suites } = where();
	return existsSync(suites) ? JSON.parse(readFileSync(suites, 'utf8')) : {};
}

/** A test file's results, as the reporter gets them from jest. */
export interface FileResult {
	testFilePath: string;
	/** the jest project (displayName) the file ran in */
	suite?: string;
	/** the file could not run, or a hook (beforeAll/afterAll) failed */
	fileFailed: boolean;
	tests: Array<{ fullName: string; status: string }>;
}

/**
 * Marks the sections recorded by this file: passed only when every test of the file passed. (Per test
 * would be finer, but jest's currentTestName still names the last test inside afterAll, where most
 * sections are recorded, so a failing earlier test would not count.)
 */
export function markOutcomes(result: FileResult): number {
	const { parts: PARTS } = where();
	let marked = 0;
	for (const [section, part] of Object.entries(readParts())) {
		if (part.testPath !== result.testFilePath) continue;
		marked++;
		const passed = !result.fileFailed && result.tests.length > 0 && result.tests.every((t) => t.status === 'passed');
		writeAtomic(join(PARTS, `${section}.json`), JSON.stringify({ ...part, outcome: passed ? 'passed' : 'failed' }, null, 1));
	}
	return marked;
}

/**
 * Adds the files of a jest run to the results of their suites, for the suites the current run covers
 * (a run started by a test command and not finished); returns how many files counted.
 */
export function recordSuites(results: FileResult[]): number {
	const run = currentRun();
	if (!run?.scope || run.finished) return 0;
	const covered: readonly string[] = SCOPES[run.scope].suites;
	const suites = readSuites() as Record<string, SuiteResult>;
	let counted = 0;
	for (const result of results) {
		if (!result.suite || !covered.includes(result.suite)) continue;
		const suite = (suites[result.suite] ??= { files: 0, failedFiles: 0, tests: 0, failedTests: 0 });
		const failedTests = result.tests.filter((t) => t.status === 'failed').length;
		suite.files++;
		suite.tests += result.tests.length;
		suite.failedTests += failedTests;
		if (result.fileFailed || failedTests > 0) suite.failedFiles++;
		counted++;
	}
	if (counted) writeAtomic(where().suites, JSON.stringify(suites, null, 1));
	return counted;
}

export type Verdict = 'PASSED' | 'FAILED' | 'INCOMPLETE';

/** Its tests failed, or its own figures count a failure or a leaked key. */
const sectionFailed = (part: Part) => part.outcome === 'failed' || Number(part.failed) > 0 || Number(part.keyHits ?? 0) > 0;

/**
 * FAILED when a recorded section failed or a file of a covered suite failed; INCOMPLETE when a section of
 * the covered suites was not recorded, has no outcome yet, or a covered suite has not reported; else PASSED.
 */
export function verdict(
	parts: Record<string, Part>,
	run: Run | undefined = currentRun(),
	suites: Partial<Record<Suite, SuiteResult>> = readSuites(),
): { verdict: Verdict; failed: string[]; missing: string[]; pending: string[]; failedSuites: Suite[]; missingSuites: Suite[] } {
	const failed = Object.keys(parts).filter((s) => sectionFailed(parts[s]));
	const missing = expectedSections(run).filter((s) => !parts[s]);
	const pending = Object.keys(parts).filter((s) => !parts[s].outcome);
	const covered: readonly Suite[] = run?.scope ? SCOPES[run.scope].suites : [];
	const failedSuites = covered.filter((s) => (suites[s]?.failedFiles ?? 0) > 0);
	const missingSuites = covered.filter((s) => !suites[s]);
	const v: Verdict = failed.length || failedSuites.length ? 'FAILED' : missing.length || pending.length || missingSuites.length ? 'INCOMPLETE' : 'PASSED';
	return { verdict: v, failed, missing, pending, failedSuites, missingSuites };
}

const list = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** What the verdict covers, e.g. "npm test: verify, unit, …; e2e, secrets and queue not run". */
export function coverage(run: Run | undefined = currentRun()): string {
	if (!run?.scope) {
		const command = process.env.IP1_LOAD_TEST === '1' ? 'npm run test:load' : process.env.IP1_CRASH_TEST === '1' ? 'npm run test:crash' : 'test files run on their own';
		return `${command}: only the sections recorded below; no suite as a whole`;
	}
	const { command, suites } = SCOPES[run.scope];
	const notRun = SUITES.filter((s) => !(suites as readonly Suite[]).includes(s));
	return notRun.length ? `${command}: ${list(suites)}; ${list(notRun)} not run` : `${command}: every suite, ${list(suites)}`;
}

const count = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-US') : '–');

export function renderTable(parts = readParts(), run: Run | undefined = currentRun()): string {
	const rows = ['| What | Result | Cases | Lost | Doubled | Failed | Notes |', '|---|---|---:|---:|---:|---:|---|'];
	for (const [name, f] of Object.entries(parts)) {
		const result = sectionFailed(f) ? '**FAILED**' : f.outcome === 'passed' ? 'passed' : 'not finished';
		rows.push(`| ${TITLES[name] ?? name} | ${result} | ${count(f.cases)} | ${count(f.lost)} | ${count(f.doubled)} | ${count(f.failed)} | ${f.notes ?? ''} |`);
	}
	// expected in this run but not recorded: bold, the verdict is INCOMPLETE; outside the run's suites: plain
	const expected = expectedSections(run);
	for (const name of Object.keys(TITLES).filter((s) => !parts[s])) {
		const result = expected.includes(name) ? '**not run**' : `not run (${suiteOf(name)} not in this run)`;
		rows.push(`| ${TITLES[name]} | ${result} | – | – | – | – | |`);
	}
	const scanned = Object.values(parts).filter((f) => typeof f.keyScans === 'number');
	const scans = scanned.reduce((n, f) => n + Number(f.keyScans), 0);
	const hits = scanned.reduce((n, f) => n + Number(f.keyHits ?? 0), 0);
	rows.push(`| API key searched in every node run of the sections above that scan (output, errors, execution record) | ${hits ? '**FAILED**' : scans ? 'passed' : '**not run**'} | ${count(scans)} | – | – | ${count(hits)} | runs in which the key was found: ${hits} (${scanned.length} sections scan) |`);
	return rows.join('\n');
}

function suitesLine(run: Run | undefined, suites: Partial<Record<Suite, SuiteResult>>): string | undefined {
	if (!run?.scope) return undefined;
	const covered: readonly Suite[] = SCOPES[run.scope].suites;
	const described = SUITES.map((s) => {
		const r = suites[s];
		if (!covered.includes(s)) return `${s} not run`;
		if (!r) return `${s} **not run (yet)**`;
		const files = `${r.files} file${r.files === 1 ? '' : 's'}, ${r.tests.toLocaleString('en-US')} tests`;
		return r.failedFiles ? `${s} **FAILED** (${r.failedFiles} of ${files}, ${r.failedTests} failed)` : `${s} passed (${files})`;
	});
	return `Suites (jest projects): ${described.join(' · ')}.`;
}

export function renderDocument(): string {
	const run = currentRun();
	const parts = readParts();
	const suites = readSuites();
	const v = verdict(parts, run, suites);
	const lines = [
		'# Reliability run',
		'',
		'<!-- Generated by test/reliability/report.ts during the test commands (docs/reliability.md: `npm run test:all` only): do not edit by hand. -->',
		'',
		`**${v.verdict}** (${coverage(run)}) · run started ${run?.startedAt ?? '–'} · commit ${run?.commit ?? '–'}`,
		'',
	];
	const suitesText = suitesLine(run, suites);
	if (suitesText) lines.push(suitesText, '');
	if (v.failed.length) lines.push(`Failed sections: ${v.failed.map((s) => TITLES[s] ?? s).join('; ')}.`, '');
	if (v.missing.length) lines.push(`Not run (yet): ${v.missing.map((s) => TITLES[s] ?? s).join('; ')}.`, '');
	if (v.pending.length) lines.push(`Recorded, but their tests have not reported: ${v.pending.map((s) => TITLES[s] ?? s).join('; ')}.`, '');
	lines.push(
		'Every figure below was computed by this run: a section is recorded by the test file that measured it',
		'(`test/reliability/*.test.ts`, `test/e2e/triggerLoad.test.ts`, `triggerCrash.test.ts`, `test/queue`), and marked passed only',
		'when the tests behind it passed. "–" means the section does not measure that figure. Each test command',
		'(`npm test`, `npm run test:e2e`, `test:queue`, `test:all`) starts by removing the previous run\'s figures; the verdict',
		'is PASSED only when every section of the suites it names was recorded and passed and every test file of those',
		'suites passed. Sections of suites the command does not run read "not run" and are not counted as passed.',
		'',
		renderTable(parts, run),
		'',
	);
	return lines.join('\n');
}

/** Writes the table of the current run (reporter, after each jest run). */
export function writeReport(): { verdict: Verdict; files: string[] } {
	const run = currentRun();
	if (!run) return { verdict: 'INCOMPLETE', files: [] };
	const { run: RUN, results, docs } = where();
	const document = renderDocument();
	const files = [results, ...(run.full ? [docs] : [])];
	for (const file of files) {
		mkdirSync(resolve(file, '..'), { recursive: true });
		writeAtomic(file, document);
	}
	const v = verdict(readParts(), run).verdict;
	if (v !== 'INCOMPLETE') writeAtomic(RUN, JSON.stringify({ ...run, finished: true }, null, 1));
	return { verdict: v, files };
}

if (require.main === module) {
	const apply = process.argv.indexOf('--apply');
	if (apply > 0) {
		// the jest reporter's results of one jest run (test/reliability/reporter.js)
		const results = JSON.parse(readFileSync(process.argv[apply + 1], 'utf8')) as FileResult[];
		const marked = results.reduce((n, result) => n + markOutcomes(result), 0);
		const counted = recordSuites(results);
		if (marked || counted) {
			const { verdict: v, files } = writeReport();
			if (files.length) console.log(`[reliability] ${v}: ${files.join(', ')}`);
		}
	} else if (process.argv.includes('--start')) {
		const scope = process.argv[process.argv.indexOf('--start') + 1];
		if (!(scope in SCOPES)) {
			console.error(`usage: tsx test/reliability/report.ts --start <${Object.keys(SCOPES).join('|')}>`);
			process.exit(2);
		}
		const run = startRun(scope as Scope);
		// the table says so at once: a run that then crashes before recording anything leaves no old green table
		writeReport();
		console.error(`[reliability] new run ${run.id} (${SCOPES[scope as Scope].command}): earlier figures removed`);
	} else {
		console.log(renderDocument());
	}
}
