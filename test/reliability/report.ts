/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Figures of the reliability run. Each test file records its sections (recordFigures) into
// test-results/reliability-parts/; the jest reporter (test/reliability/reporter.js) then marks each
// section passed or failed from the test results and writes the table: test-results/reliability.md
// always, docs/reliability.md for a full run (started by `npm test`, see `--start` below), after each
// jest run that recorded a section (other jest runs leave the table alone).
// The table says PASSED only when every expected section was recorded in this run and its tests passed.
//   tsx test/reliability/report.ts --start   a new full run: removes every earlier part (npm test does it)
//   tsx test/reliability/report.ts           prints the table of the current run
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

interface Run {
	id: string;
	startedAt: string;
	commit: string;
	/** started by `npm test` (--start): its table goes to docs/reliability.md */
	full: boolean;
	/** every expected section has an outcome: the next recordFigures starts a new run */
	finished?: boolean;
}

const repoRoot = resolve(__dirname, '../..');
/** Where the run keeps its files; IP1_RELIABILITY_RESULTS / IP1_RELIABILITY_DOCS move them (the report's own test). */
function where() {
	const dir = process.env.IP1_RELIABILITY_RESULTS ?? join(repoRoot, 'test-results');
	return {
		parts: join(dir, 'reliability-parts'),
		run: join(dir, 'reliability-run.json'),
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
/**
 * Sections a complete `npm test` records: test/reliability/*.test.ts, the trigger's load and crash tests
 * in the real n8n (test/e2e/triggerLoad.test.ts, triggerCrash.test.ts) and the queue-mode tests
 * (test/queue). A run of one part alone (`npm run test:crash`, `test:load`, `test:queue`) expects only
 * what it records.
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

/** Starts a run: the parts of every earlier run are removed, so nothing old can show up in this run's table. */
export function startRun(full: boolean): Run {
	const { parts: PARTS, run: RUN } = where();
	rmSync(PARTS, { recursive: true, force: true });
	mkdirSync(PARTS, { recursive: true });
	const run: Run = { id: `${Date.now()}-${process.pid}`, startedAt: new Date().toISOString(), commit: commit(), full };
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
	if (!run || run.finished) run = startRun(false);
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

/** A test file's results, as the reporter gets them from jest. */
export interface FileResult {
	testFilePath: string;
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

export type Verdict = 'PASSED' | 'FAILED' | 'INCOMPLETE';

/** Its tests failed, or its own figures count a failure or a leaked key. */
const sectionFailed = (part: Part) => part.outcome === 'failed' || Number(part.failed) > 0 || Number(part.keyHits ?? 0) > 0;

export function verdict(parts: Record<string, Part>): { verdict: Verdict; failed: string[]; missing: string[]; pending: string[] } {
	const failed = Object.keys(parts).filter((s) => sectionFailed(parts[s]));
	const missing = EXPECTED.filter((s) => !parts[s]);
	const pending = Object.keys(parts).filter((s) => !parts[s].outcome);
	return { verdict: failed.length ? 'FAILED' : missing.length || pending.length ? 'INCOMPLETE' : 'PASSED', failed, missing, pending };
}

const count = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-US') : '–');

export function renderTable(parts = readParts()): string {
	const rows = ['| What | Result | Cases | Lost | Doubled | Failed | Notes |', '|---|---|---:|---:|---:|---:|---|'];
	for (const [name, f] of Object.entries(parts)) {
		const result = sectionFailed(f) ? '**FAILED**' : f.outcome === 'passed' ? 'passed' : 'not finished';
		rows.push(`| ${TITLES[name] ?? name} | ${result} | ${count(f.cases)} | ${count(f.lost)} | ${count(f.doubled)} | ${count(f.failed)} | ${f.notes ?? ''} |`);
	}
	for (const name of EXPECTED.filter((s) => !parts[s])) rows.push(`| ${TITLES[name]} | **not run** | – | – | – | – | |`);
	const scanned = Object.values(parts).filter((f) => typeof f.keyScans === 'number');
	const scans = scanned.reduce((n, f) => n + Number(f.keyScans), 0);
	const hits = scanned.reduce((n, f) => n + Number(f.keyHits ?? 0), 0);
	rows.push(`| API key searched in every node run of the sections above that scan (output, errors, execution record) | ${hits ? '**FAILED**' : scans ? 'passed' : '**not run**'} | ${count(scans)} | – | – | ${count(hits)} | runs in which the key was found: ${hits} (${scanned.length} sections scan) |`);
	return rows.join('\n');
}

export function renderDocument(): string {
	const run = currentRun();
	const parts = readParts();
	const v = verdict(parts);
	const lines = [
		'# Reliability run',
		'',
		'<!-- Generated by test/reliability/report.ts during `npm test`: do not edit by hand. -->',
		'',
		`**${v.verdict}** · run started ${run?.startedAt ?? '–'} · commit ${run?.commit ?? '–'}`,
		'',
	];
	if (v.failed.length) lines.push(`Failed sections: ${v.failed.map((s) => TITLES[s] ?? s).join('; ')}.`, '');
	if (v.missing.length) lines.push(`Not run (yet): ${v.missing.map((s) => TITLES[s] ?? s).join('; ')}.`, '');
	if (v.pending.length) lines.push(`Recorded, but their tests have not reported: ${v.pending.map((s) => TITLES[s] ?? s).join('; ')}.`, '');
	lines.push(
		'Every figure below was computed by this run: a section is recorded by the test file that measured it',
		'(`test/reliability/*.test.ts`, `test/e2e/triggerLoad.test.ts`, `triggerCrash.test.ts`), and marked passed only when the tests',
		'behind it passed. "–" means the section does not measure that figure. Each `npm test` starts by removing',
		'the previous run\'s figures; the verdict is PASSED only when every section above was recorded and passed.',
		'',
		renderTable(parts),
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
	const v = verdict(readParts()).verdict;
	if (v !== 'INCOMPLETE') writeAtomic(RUN, JSON.stringify({ ...run, finished: true }, null, 1));
	return { verdict: v, files };
}

if (require.main === module) {
	const apply = process.argv.indexOf('--apply');
	if (apply > 0) {
		// the jest reporter's results of one jest run (test/reliability/reporter.js)
		const results = JSON.parse(readFileSync(process.argv[apply + 1], 'utf8')) as FileResult[];
		const marked = results.reduce((n, result) => n + markOutcomes(result), 0);
		if (marked) {
			const { verdict: v, files } = writeReport();
			if (files.length) console.log(`[reliability] ${v}: ${files.join(', ')}`);
		}
	} else if (process.argv.includes('--start')) {
		const run = startRun(true);
		// the table says so at once: a run that then crashes before recording anything leaves no old green table
		writeReport();
		console.error(`[reliability] new run ${run.id}: earlier figures removed`);
	} else {
		console.log(renderDocument());
	}
}
