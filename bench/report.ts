/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The benchmark's table, for the terminal and for bench/results/latest.md (with the machine's description
// and the load during the run), and the block the README shows (between <!-- bench:start --> and
// <!-- bench:end -->, printed by bench/readme-table.ts).
import os from 'node:os';
import path from 'node:path';

import { N8N_PIN } from '../scripts/n8n/install';
import { fmt, judge, loadSamples, pairedRatios, spread, type Spread, type Verdict } from './stats';

export interface Row {
	measure: string;
	figure: string;
	ratio?: number;
	/** min–max of the paired ratios */
	ratioSpread?: Spread;
	goal?: string;
	verdict?: Verdict;
	/** for rows judged without samples (counts) */
	met?: boolean;
	detail?: string;
}

type Goal = { op: '≤' | '≥'; value: number };

/** A row comparing two sides sampled in the same rounds: medians (min–max) of each, the median of the paired ratios. */
export function ratioRow(r: { measure: string; a: number[]; b: number[]; unit?: string; digits?: number; goal?: Goal; detail?: string }): Row {
	const unit = r.unit ?? ' ms';
	const ratios = spread(pairedRatios(r.a, r.b));
	return {
		measure: r.measure,
		figure: `${fmt(spread(r.a), unit, r.digits)} / ${fmt(spread(r.b), unit, r.digits)}`,
		ratio: ratios.median,
		ratioSpread: ratios,
		goal: r.goal ? `${r.goal.op} ${r.goal.value}` : undefined,
		verdict: r.goal ? judge(ratios, r.goal) : undefined,
		detail: r.detail,
	};
}

/** A figure with its spread and no comparison. */
export function shownRow(measure: string, values: number[], unit: string, detail?: string, digits = 0): Row {
	return { measure, figure: fmt(spread(values), unit, digits), detail };
}

/** A count with a goal (no spread: it is the same in every sample or checked in every one). */
export function countRow(measure: string, figure: number | string, goal: string, met: boolean, detail?: string): Row {
	return { measure, figure: String(figure), goal, met, detail };
}

function verdictOf(r: Row): string {
	if (r.verdict) return r.verdict;
	return r.met === undefined ? '' : r.met ? 'met' : 'NOT met';
}

function ratioText(r: Row): string {
	if (r.ratio === undefined) return '';
	return r.ratioSpread ? `${r.ratio.toFixed(2)} (${r.ratioSpread.min.toFixed(2)}–${r.ratioSpread.max.toFixed(2)})` : r.ratio.toFixed(2);
}

export function machineLines(): string[] {
	const cpus = os.cpus();
	const pkg = require(path.join(__dirname, '..', 'package.json')) as { version: string };
	const load = loadSamples.length ? spread(loadSamples) : undefined;
	return [
		`- machine: **${cpus.length} cores** (${cpus[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}, shared with other work`,
		`- **load average** (1 min) during the samples: median ${load ? `${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)})` : 'n/a'}; at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
		`- Node ${process.versions.node}, n8n ${N8N_PIN} (SQLite, regular execution mode unless the row says queue), n8n-nodes-ip1 ${pkg.version}, gateway simulator in its own process on 127.0.0.1`,
	];
}

export function renderReport(rows: Row[], details: string[], elapsedMs: number, samples: number): { table: string; markdown: string; readme: string } {
	const head = ['measure', 'figure: median (min–max)', 'ratio (min–max)', 'goal', 'verdict', 'notes'];
	const cells = rows.map((r) => [r.measure, r.figure, ratioText(r), r.goal ?? '', verdictOf(r), r.detail ?? '']);
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join(' | ');
	const md = (c: string[]) => `| ${c.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`;
	const when = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
	const table = [...machineLines(), '', line(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)].join('\n');
	const mdTable = [md(head), md(head.map(() => '---')), ...cells.map(md)];
	const readme = [
		`Measured by \`npm run bench\` on ${when}; every figure the median of ${samples} interleaved samples, (min–max) its spread; "noisy": the spread of the ratio crosses the goal (docs/benchmarks.md).`,
		'',
		...machineLines(),
		'',
		...[md(head.slice(0, 5)), md(head.slice(0, 5).map(() => '---')), ...cells.map((c) => md(c.slice(0, 5)))],
	].join('\n');
	const markdown = [
		'# n8n-nodes-ip1: benchmark results',
		'',
		`Written by a complete \`npm run bench\` on ${when} (${Math.round(elapsedMs / 1000)} s). Every figure is the median of ${samples} samples taken interleaved with the figures it is compared with, (min–max) its spread; a ratio is the median of the ratios of samples taken in the same round. A goal says "noisy" when that spread crosses the goal (some samples meet it, some do not). Method: docs/benchmarks.md.`,
		'',
		...machineLines(),
		'',
		...mdTable,
		'',
		...(details.length ? ['## Every variant', '', ...details, ''] : []),
		'## README block',
		'',
		'<!-- bench:start -->',
		readme,
		'<!-- bench:end -->',
		'',
	].join('\n');
	return { table, markdown, readme };
}
