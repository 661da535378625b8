/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The reliability table cannot show green after a red run, and says which suites its verdict covers
// (test/reliability/report.ts, reporter.js).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { EXPECTED, SCOPES, expectedSections, markOutcomes, recordFigures, recordSuites, startRun, suiteOf, TITLES, writeReport, type Scope } from '../reliability/report';

let dir: string;
const docs = () => path.join(dir, 'docs', 'reliability.md');
const results = () => path.join(dir, 'reliability.md');

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-report-'));
	process.env.IP1_RELIABILITY_RESULTS = dir;
	process.env.IP1_RELIABILITY_DOCS = docs();
});
afterEach(() => {
	delete process.env.IP1_RELIABILITY_RESULTS;
	delete process.env.IP1_RELIABILITY_DOCS;
	fs.rmSync(dir, { recursive: true, force: true });
});

const testPath = expect.getState().testPath!;
/** What the reporter does after this file: one of its tests ended with `status`, the others passed. */
function report(status: string, fileFailed = false): void {
	markOutcomes({ testFilePath: testPath, fileFailed, tests: [{ fullName: 'other', status: 'passed' }, { fullName: 'this', status }] });
}
/** What the reporter counts for each suite: one file each, its test failed in `failedIn`. */
function suitesRan(suites: readonly string[], failedIn?: string): number {
	return recordSuites(suites.map((suite) => ({ testFilePath: `/repo/test/${suite}/x.test.ts`, suite, fileFailed: false, tests: [{ fullName: 'x', status: suite === failedIn ? 'failed' : 'passed' }] })));
}
/** A whole run of a scope: every section it expects recorded, `status` for this file's tests, every suite reported. */
function runAll(status: string, figures: (section: string) => object = () => ({}), scope: Scope = 'all'): void {
	for (const section of expectedSections()) recordFigures(section, { cases: 10, failed: 0, ...figures(section) });
	report(status);
	suitesRan(SCOPES[scope].suites);
}
const headline = (file: string) => fs.readFileSync(file, 'utf8').split('\n').find((line) => line.startsWith('**'));

it('a run where every section was recorded and its tests passed is PASSED, in docs/ for a full run', () => {
	startRun('all');
	runAll('passed');
	expect(writeReport().verdict).toBe('PASSED');
	expect(headline(docs())).toMatch(/^\*\*PASSED\*\* \(npm run test:all: every suite, verify, .* and queue\)/);
	expect(fs.readFileSync(docs(), 'utf8')).not.toMatch(/not run[^|]*\| – \|/);
	expect(fs.readFileSync(results(), 'utf8')).toBe(fs.readFileSync(docs(), 'utf8'));
});

it('a failing test marks its sections and the whole table FAILED, although the figures say 0 failed', () => {
	startRun('all');
	runAll('failed');
	expect(writeReport().verdict).toBe('FAILED');
	const table = fs.readFileSync(docs(), 'utf8');
	expect(headline(docs())).toMatch(/^\*\*FAILED\*\*/);
	expect(table).not.toMatch(/\| passed \|/);
});

it('a section whose own figures count a failure or a key found is FAILED even when its tests passed', () => {
	startRun('all');
	runAll('passed', (s) => (s === 'faults' ? { failed: 1 } : s === 'secrets' ? { keyScans: 5, keyHits: 1 } : {}));
	expect(writeReport().verdict).toBe('FAILED');
	const table = fs.readFileSync(docs(), 'utf8');
	expect(table).toMatch(/Failed sections: Faults injected.*; Leak hunt/);
	expect(table).toMatch(/\| Faults injected[^|]*\| \*\*FAILED\*\* \|/);
});

it('a hook or file failure (no test result to match) fails the sections the file recorded', () => {
	startRun('all');
	recordFigures('faults', { cases: 1, failed: 0 });
	report('passed', true);
	expect(writeReport().verdict).toBe('FAILED');
});

it('sections not recorded in this run leave it INCOMPLETE, listed as not run: the earlier run is cleared at the start', () => {
	startRun('all');
	runAll('passed');
	writeReport();
	startRun('all');
	recordFigures('faults', { cases: 3, failed: 0 });
	report('passed');
	expect(writeReport().verdict).toBe('INCOMPLETE');
	const table = fs.readFileSync(docs(), 'utf8');
	expect(headline(docs())).toMatch(/^\*\*INCOMPLETE\*\*/);
	expect(table.match(/\*\*not run\*\* \| – \|/g)).toHaveLength(EXPECTED.length - 1);
	expect(table).toMatch(/e2e \*\*not run \(yet\)\*\*/);
	expect(fs.readdirSync(path.join(dir, 'reliability-parts'))).toEqual(['faults.json']);
});

it('a section recorded but not yet reported by jest is not counted as passed', () => {
	startRun('all');
	for (const section of EXPECTED) recordFigures(section, { cases: 1, failed: 0 });
	expect(writeReport().verdict).toBe('INCOMPLETE');
});

it('a test file run on its own after a finished run starts a partial run that does not touch docs/', () => {
	startRun('all');
	runAll('passed');
	writeReport();
	const before = fs.readFileSync(docs(), 'utf8');
	recordFigures('faults', { cases: 2, failed: 0 });
	expect(fs.readdirSync(path.join(dir, 'reliability-parts'))).toEqual(['faults.json']);
	report('failed');
	expect(writeReport()).toEqual({ verdict: 'FAILED', files: [results()] });
	expect(fs.readFileSync(docs(), 'utf8')).toBe(before);
});

describe('npm test: the suites that need no system service', () => {
	const e2eAndQueue = Object.keys(TITLES).filter((s) => suiteOf(s) !== 'reliability');

	it('PASSED names the suites it covers; the e2e and queue sections read "not run"; docs/ is not written', () => {
		startRun('test');
		expect(expectedSections().every((s) => suiteOf(s) === 'reliability')).toBe(true);
		runAll('passed', undefined, 'test');
		expect(writeReport()).toEqual({ verdict: 'PASSED', files: [results()] });
		expect(fs.existsSync(docs())).toBe(false);
		expect(headline(results())).toMatch(/^\*\*PASSED\*\* \(npm test: verify, unit, integration, workflow and reliability; e2e, secrets and queue not run\)/);
		const table = fs.readFileSync(results(), 'utf8');
		expect(e2eAndQueue.length).toBeGreaterThan(10);
		for (const section of e2eAndQueue) expect(table).toContain(`| ${TITLES[section]} | not run (${suiteOf(section)} not in this run) |`);
		expect(table).toMatch(/Suites \(jest projects\): verify passed \(1 file, 1 tests\) · .* · e2e not run · secrets not run · queue not run\./);
	});

	it('a failed test in any suite it covers makes it FAILED, although every reliability section passed', () => {
		startRun('test');
		for (const section of expectedSections()) recordFigures(section, { cases: 1, failed: 0 });
		report('passed');
		suitesRan(SCOPES.test.suites, 'unit');
		expect(writeReport().verdict).toBe('FAILED');
		expect(fs.readFileSync(results(), 'utf8')).toMatch(/unit \*\*FAILED\*\* \(1 of 1 file, 1 tests, 1 failed\)/);
	});

	it('a failed reliability section is never PASSED', () => {
		startRun('test');
		runAll('passed', (s) => (s === 'fuzzReader' ? { failed: 3 } : {}), 'test');
		expect(writeReport().verdict).toBe('FAILED');
		expect(headline(results())).toMatch(/^\*\*FAILED\*\* \(npm test:/);
	});

	it('a suite that did not report leaves it INCOMPLETE; files of suites it does not cover are not counted', () => {
		startRun('test');
		for (const section of expectedSections()) recordFigures(section, { cases: 1, failed: 0 });
		report('passed');
		suitesRan(SCOPES.test.suites.filter((s) => s !== 'workflow'));
		expect(suitesRan(['e2e', 'queue'], 'e2e')).toBe(0);
		expect(writeReport().verdict).toBe('INCOMPLETE');
		expect(fs.readFileSync(results(), 'utf8')).toMatch(/workflow \*\*not run \(yet\)\*\*/);
	});
});

it('npm run test:e2e expects the trigger sections only; the others read "not run" and its table stays out of docs/', () => {
	startRun('e2e');
	expect(expectedSections().length).toBeGreaterThan(5);
	expect(expectedSections().every((s) => s.startsWith('trigger'))).toBe(true);
	runAll('passed', undefined, 'e2e');
	expect(writeReport()).toEqual({ verdict: 'PASSED', files: [results()] });
	expect(headline(results())).toMatch(/^\*\*PASSED\*\* \(npm run test:e2e: e2e; verify, .* and queue not run\)/);
	expect(fs.readFileSync(results(), 'utf8')).toContain(`| ${TITLES.faults} | not run (reliability not in this run) |`);
});
