/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Figures the queue tests measure, kept in test-results/queue-figures.json (one entry per name, newest
// wins) for docs/queue-mode.md; printed as they are recorded; and, with `reliability`, a section of the
// reliability table of `npm run test:queue` and `test:all` (test/reliability/report.ts).
import fs from 'node:fs';
import path from 'node:path';

import { recordFigures, type Figures } from '../../reliability/report';
import { resultsDir } from './stack';

const file = path.join(resultsDir, 'queue-figures.json');

export function recordQueueFigure(name: string, figures: Record<string, unknown>, reliability?: Figures): void {
	if (reliability) recordFigures(name, reliability);
	fs.mkdirSync(resultsDir, { recursive: true });
	const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
	all[name] = { ...figures, at: new Date().toISOString() };
	fs.writeFileSync(file, JSON.stringify(all, null, '\t'));
	console.log(`[queue] ${name}: ${JSON.stringify(figures)}`);
}
