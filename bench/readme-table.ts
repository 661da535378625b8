/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The benchmark table of the last complete run, bench/results/latest.md: its block between
// <!-- bench:start --> and <!-- bench:end -->, which docs/benchmarks.md shows (the README has a five-line
// summary of it, written by hand).
//   node scripts/node24.js "tsx bench/readme-table.ts"           prints the block
//   node scripts/node24.js "tsx bench/readme-table.ts --write"   puts it in place of docs/benchmarks.md's block
import fs from 'node:fs';
import path from 'node:path';

// the marker lines alone on their line (prose may name them)
const BLOCK = /^<!-- bench:start -->$[\s\S]*?^<!-- bench:end -->$/m;
const latest = fs.readFileSync(path.join(__dirname, 'results', 'latest.md'), 'utf8');
const block = BLOCK.exec(latest);
if (!block) {
	console.error('bench/results/latest.md has no table block: it was written before the block existed; run npm run bench');
	process.exit(1);
}
if (process.argv.includes('--write')) {
	const docs = path.join(__dirname, '..', 'docs', 'benchmarks.md');
	const page = fs.readFileSync(docs, 'utf8');
	if (!BLOCK.test(page)) {
		console.error('docs/benchmarks.md has no <!-- bench:start --> … <!-- bench:end --> block to replace');
		process.exit(1);
	}
	fs.writeFileSync(docs, page.replace(BLOCK, () => block[0]));
	console.log(`docs/benchmarks.md: the block of bench/results/latest.md written; update the README's summary to match`);
} else {
	console.log(block[0]);
}
