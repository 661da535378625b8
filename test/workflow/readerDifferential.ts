/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The differential of test/workflow/itemParameters.differential.test.ts as a plain Node program, for the
// engines jest cannot load (QuickJS: its WebAssembly module comes through a dynamic import):
//   N8N_EXPRESSION_ENGINE=quickjs node scripts/node24.js "tsx test/workflow/readerDifferential.ts"
// With IP1_N8N_VERSION, against that n8n version's own n8n-core and n8n-workflow (support/n8nOfVersion.ts).
// Exits 1 when any read differs from n8n's getNodeParameter or the fast path is not taken where it must be.
// Run by scripts/n8n/matrix.ts for each expression engine.
import { n8nWorkflowSource } from './support/n8nOfVersion'; // first: it decides where n8n-core comes from
import { expressionEngine } from '../support/n8nCore/setup';
import { expectedReads, FALLBACKS, runDifferential, showMismatches } from './support/readerDifferential';

async function main(): Promise<number> {
	let failed = 0;
	for (const [fallback, reads] of FALLBACKS) {
		const r = await runDifferential(fallback, reads);
		const problems = [
			r.error ? `the run failed: ${String((r.error as Error).message ?? r.error)}` : '',
			r.reads !== expectedReads(reads) ? `${r.reads} reads, expected ${expectedReads(reads)}` : '',
			r.wrong.length ? `${r.wrong.length} of ${r.reads} differ:\n${showMismatches(r.wrong)}` : '',
			r.slow.length ? `went to the engine: ${JSON.stringify(r.slow)}` : '',
			fallback === '' && !r.allFastFormsRead ? 'not every fast form was read' : '',
		].filter(Boolean);
		failed += problems.length ? 1 : 0;
		console.log(`[reader differential, ${n8nWorkflowSource}, ${expressionEngine()}] fallback ${JSON.stringify(fallback)}: ${problems.length ? `FAILED\n${problems.join('\n')}` : `${r.reads} reads as n8n, ${r.fast} without the engine`}`);
	}
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
