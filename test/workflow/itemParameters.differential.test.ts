/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The fast parameter reader against n8n's own getNodeParameter, inside one real n8n-core execution
// (isolated-vm expression engine): a generated set of expression forms on many item shapes.
import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import { getItemParameter } from '../../nodes/Ip1Sms/helpers/itemParameters';
import { runNode } from '../support/n8nCore';
import { COLLECTION_READS, COLLECTIONS, declaredProperties, expressionValues, itemShapes, LITERALS } from './support/expressionForms';
import { compareReaders, mismatches, probeNode, type Comparison } from './support/parameterProbe';

const values = [...expressionValues(), ...LITERALS];
const names = values.map((_, i) => `p${i}`);
const parameters: INodeParameters = { ...Object.fromEntries(values.map((v, i) => [names[i], v as any])), ...COLLECTIONS };
const allReads: string[] = [...names, ...COLLECTION_READS, 'notDeclared'];

async function compare(fallback: unknown, reads: string[]): Promise<Comparison[]> {
	let found: Comparison[] = [];
	const nodeType = probeNode(declaredProperties(names), (ctx: IExecuteFunctions) => {
		found = compareReaders(ctx, reads, (c, name, item) => getItemParameter(c, name, item, fallback), fallback);
	});
	const run = await runNode({ nodeType, parameters, input: itemShapes() });
	expect(run.error).toBeUndefined();
	return found;
}

function show(list: Comparison[]): string {
	return list
		.slice(0, 25)
		.map((c) => `${c.name} ${JSON.stringify((c.raw as any).value)} item ${c.item}: ours ${fmt(c.ours)} n8n ${fmt(c.n8n)}`)
		.join('\n');
}
const fmt = (o: unknown) => require('node:util').inspect(o, { depth: 4, breakLength: Infinity });

// The fallback only matters for a parameter that is not set: the full set runs once, a part with other fallbacks.
const some = [...names.slice(0, 20), ...COLLECTION_READS, 'notDeclared'];
it.each([
	['', allReads] as [unknown, string[]],
	[[], some],
	['={{ $json.name }}', some],
])('gives what getNodeParameter gives, for every generated form and item shape (fallback %j)', async (fallback, reads) => {
	const found = await compare(fallback, reads);
	expect(found.length).toBe(reads.length * itemShapes().length);
	const wrong = mismatches(found);
	expect(`${wrong.length} of ${found.length} differ\n${show(wrong)}`).toBe(`0 of ${found.length} differ\n`);
	// the fast path is taken where it can be: these paths reach JSON data on the first item shape
	const fast = found.filter((c) => !c.delegated);
	const mustBeFast = ['={{ $json.name }}', '={{ $json . name }}', '={{ $json["nested"].deep.z }}', '={{ $json["matrix"][1][1][0] }}', '={{ $json["list"] }}', '=Hi {{ $json.name }}!']
		.map((v) => names[values.indexOf(v)])
		.filter((name) => reads.includes(name));
	const slow = found.filter((c) => c.item === 0 && mustBeFast.includes(c.name) && c.delegated).map((c) => (c.raw as any).value);
	expect(slow).toEqual([]);
	if (fallback === '') expect(mustBeFast.length).toBe(6);
	console.log(`fallback ${JSON.stringify(fallback)}: ${fast.length} of ${found.length} reads answered without the engine`);
}, 600_000);
