/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The benchmark's table, for the terminal and for bench/results/latest.md (with the machine's description).
import os from 'node:os';
import path from 'node:path';

import { N8N_PIN } from '../scripts/n8n/install';

export interface Row {
	measure: string;
	figure: string;
	ratio?: number;
	goal?: string;
	met?: boolean;
	detail?: string;
}

function machine(): string[] {
	const cpus = os.cpus();
	const pkg = require(path.join(__dirname, '..', 'package.json')) as { version: string };
	return [
		`- machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()} (load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`,
		`- Node ${process.versions.node}, n8n ${N8N_PIN} (SQLite, regular execution mode), n8n-nodes-ip1 ${pkg.version}, gateway simulator in its own process on 127.0.0.1`,
	];
}

export function renderReport(rows: Array<Row & { detail?: string }>, details: string[], elapsedMs: number): { table: string; markdown: string } {
	const cells = rows.map((r) => [r.measure, r.figure, r.ratio === undefined ? '' : r.ratio.toFixed(2), r.goal ?? '', r.met === undefined ? '' : r.met ? 'met' : 'NOT met', r.detail ?? '']);
	const head = ['measure', 'figure', 'ratio', 'goal', 'met', 'notes'];
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join(' | ');
	const table = [line(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)].join('\n');
	const md = (c: string[]) => `| ${c.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`;
	const markdown = [
		'# n8n-nodes-ip1: benchmark results',
		'',
		`Written by \`npm run bench\` on ${new Date().toISOString()} (${Math.round(elapsedMs / 1000)} s). Figures from one run, side by side; see docs/benchmarks.md for the method.`,
		'',
		...machine(),
		'',
		md(head),
		md(head.map(() => '---')),
		...cells.map(md),
		'',
		...(details.length ? ['## Every variant', '', ...details, ''] : []),
	].join('\n');
	return { table, markdown };
}
