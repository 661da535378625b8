/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The fast parameter reader against n8n's own getNodeParameter, inside one real n8n-core execution
// (the engine N8N_EXPRESSION_ENGINE names, isolated-vm by default; QuickJS runs through
// test/workflow/readerDifferential.ts): a generated set of expression forms on many item shapes.
import { expectedReads, FALLBACKS, runDifferential, showMismatches } from './support/readerDifferential';

it.each(FALLBACKS)('gives what getNodeParameter gives, for every generated form and item shape (fallback %j)', async (fallback, reads) => {
	const result = await runDifferential(fallback, reads);
	expect(result.error).toBeUndefined();
	expect(result.reads).toBe(expectedReads(reads));
	expect(`${result.wrong.length} of ${result.reads} differ\n${showMismatches(result.wrong)}`).toBe(`0 of ${result.reads} differ\n`);
	// the fast path is taken where it can be: these paths reach JSON data on the first item shape
	expect(result.slow).toEqual([]);
	if (fallback === '') expect(result.allFastFormsRead).toBe(true);
	console.log(`fallback ${JSON.stringify(fallback)}: ${result.fast} of ${result.reads} reads answered without the engine`);
}, 600_000);
