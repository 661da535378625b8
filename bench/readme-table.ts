/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Prints the README's benchmark block (between <!-- bench:start --> and <!-- bench:end -->) from the last
// complete run, bench/results/latest.md, for the README to take as it is:
//   node scripts/node24.js "tsx bench/readme-table.ts"
import fs from 'node:fs';
import path from 'node:path';

const latest = fs.readFileSync(path.join(__dirname, 'results', 'latest.md'), 'utf8');
const block = /<!-- bench:start -->[\s\S]*?<!-- bench:end -->/.exec(latest);
if (!block) {
	console.error('bench/results/latest.md has no README block: it was written before the block existed; run npm run bench');
	process.exit(1);
}
console.log(block[0]);
