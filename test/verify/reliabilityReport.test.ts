/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The reliability table cannot show green after a red run (test/reliability/report.ts, reporter.js).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { EXPECTED, markOutcomes, recordFigures, startRun, writeReport } from '../reliability/report';

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
function runAll(status: string, figures: (section: string) => object = () => ({})): void {
	for (const section of EXPECTED) recordFigures(section, { cases: 10, failed: 0, ...figures(section) });
	report(status);
}
const headline = (file: string) => fs.readFileSync(file, 'utf8').split('\n').find((line) => line.startsWith('**'));

it('a run where every section was recorded and its tests passed is PASSED, in docs/ for a full run', () => {
	startRun(true);
	runAll('passed');
	expect(writeReport().verdict).toBe('PASSED');
	expect(headline(docs())).toMatch(/^\*\*PASSED\*\*/);
	expect(fs.readFileSync(results(), 'utf8')).toBe(fs.readFileSync(docs(), 'utf8'));
});

it('a failing test marks its sections and the whole table FAILED, although the figures say 0 failed', () => {
	startRun(true);
	runAll('failed');
	expect(writeReport().verdict).toBe('FAILED');
	const table = fs.readFileSync(docs(), 'utf8');
	expect(headline(docs())).toMatch(/^\*\*FAILED\*\*/);
	expect(table).not.toMatch(/\| passed \|/);
});

it('a section whose own figures count a failure or a key found is FAILED even when its tests passed', () => {
	startRun(true);
	runAll('passed', (s) => (s === 'faults' ? { failed: 1 } : s === 'secrets' ? { keyScans: 5, keyHits: 1 } : {}));
	expect(writeReport().verdict).toBe('FAILED');
	const table = fs.readFileSync(docs(), 'utf8');
	expect(table).toMatch(/Failed sections: Faults injected.*; Leak hunt/);
	expect(table).toMatch(/\| Faults injected[^|]*\| \*\*FAILED\*\* \|/);
});

it('a hook or file failure (no test result to match) fails the sections the file recorded', () => {
	startRun(true);
	recordFigures('faults', { cases: 1, failed: 0 });
	report('passed', true);
	expect(writeReport().verdict).toBe('FAILED');
});

it('sections not recorded in this run leave it INCOMPLETE, listed as not run: the earlier run is cleared at the start', () => {
	startRun(true);
	runAll('passed');
	writeReport();
	startRun(true);
	recordFigures('faults', { cases: 3, failed: 0 });
	report('passed');
	expect(writeReport().verdict).toBe('INCOMPLETE');
	const table = fs.readFileSync(docs(), 'utf8');
	expect(headline(docs())).toMatch(/^\*\*INCOMPLETE\*\*/);
	expect(table.match(/\*\*not run\*\* \| – \|/g)).toHaveLength(EXPECTED.length - 1);
	expect(fs.readdirSync(path.join(dir, 'reliability-parts'))).toEqual(['faults.json']);
});

it('a section recorded but not yet reported by jest is not counted as passed', () => {
	startRun(true);
	for (const section of EXPECTED) recordFigures(section, { cases: 1, failed: 0 });
	expect(writeReport().verdict).toBe('INCOMPLETE');
});

it('a test file run on its own after a finished run starts a partial run that does not touch docs/', () => {
	startRun(true);
	runAll('passed');
	writeReport();
	const before = fs.readFileSync(docs(), 'utf8');
	recordFigures('faults', { cases: 2, failed: 0 });
	expect(fs.readdirSync(path.join(dir, 'reliability-parts'))).toEqual(['faults.json']);
	report('failed');
	expect(writeReport()).toEqual({ verdict: 'FAILED', files: [results()] });
	expect(fs.readFileSync(docs(), 'utf8')).toBe(before);
});
