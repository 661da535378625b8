/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The fast parameter reader against n8n's own getNodeParameter, inside one real n8n-core execution on the
// expression engine N8N_EXPRESSION_ENGINE names (vm, quickjs, legacy): a generated set of expression forms on
// many item shapes. Used by test/workflow/itemParameters.differential.test.ts (jest, vm and legacy) and by
// test/workflow/readerDifferential.ts (plain Node: QuickJS's WebAssembly does not load under jest).
import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';
import { inspect } from 'node:util';

import { getItemParameter } from '../../../nodes/Ip1Sms/helpers/itemParameters';
import { runNode } from '../../support/n8nCore';
import { COLLECTION_READS, COLLECTIONS, declaredProperties, expressionValues, itemShapes, LITERALS } from './expressionForms';
import { compareReaders, mismatches, probeNode, type Comparison } from './parameterProbe';

const values = [...expressionValues(), ...LITERALS];
const names = values.map((_, i) => `p${i}`);
const parameters: INodeParameters = { ...Object.fromEntries(values.map((v, i) => [names[i], v as any])), ...COLLECTIONS };
const allReads: string[] = [...names, ...COLLECTION_READS, 'notDeclared'];
// The fallback only matters for a parameter that is not set: the full set runs once, a part with other fallbacks.
const some = [...names.slice(0, 20), ...COLLECTION_READS, 'notDeclared'];
export const FALLBACKS: Array<[unknown, string[]]> = [
	['', allReads],
	[[], some],
	['={{ $json.name }}', some],
];
/** Forms whose paths reach JSON data on the first item shape: the fast path must answer them without the engine. */
const MUST_BE_FAST = ['={{ $json.name }}', '={{ $json . name }}', '={{ $json["nested"].deep.z }}', '={{ $json["matrix"][1][1][0] }}', '={{ $json["list"] }}', '=Hi {{ $json.name }}!'];

export interface DifferentialResult {
	fallback: unknown;
	reads: number;
	/** Reads where ours and n8n's answer differ (should be none). */
	wrong: Comparison[];
	/** Reads of MUST_BE_FAST forms on the first item shape that went to the engine (should be none). */
	slow: unknown[];
	/** Reads answered without the engine. */
	fast: number;
	/** Whether every MUST_BE_FAST form was among the reads. */
	allFastFormsRead: boolean;
	/** The run's error, if n8n-core failed the execution. */
	error?: unknown;
}

export async function runDifferential(fallback: unknown, reads: string[]): Promise<DifferentialResult> {
	let found: Comparison[] = [];
	const nodeType = probeNode(declaredProperties(names), (ctx: IExecuteFunctions) => {
		found = compareReaders(ctx, reads, (c, name, item) => getItemParameter(c, name, item, fallback), fallback);
	});
	const run = await runNode({ nodeType, parameters, input: itemShapes() });
	const mustBeFast = MUST_BE_FAST.map((v) => names[values.indexOf(v)]).filter((name) => reads.includes(name));
	return {
		fallback,
		reads: found.length,
		wrong: mismatches(found),
		slow: found.filter((c) => c.item === 0 && mustBeFast.includes(c.name) && c.delegated).map((c) => (c.raw as any).value),
		fast: found.filter((c) => !c.delegated).length,
		allFastFormsRead: mustBeFast.length === MUST_BE_FAST.length,
		error: run.error,
	};
}

/** The expected read count: every name for every item shape. */
export const expectedReads = (reads: string[]) => reads.length * itemShapes().length;

export function showMismatches(list: Comparison[]): string {
	const fmt = (o: unknown) => inspect(o, { depth: 4, breakLength: Infinity });
	return list
		.slice(0, 25)
		.map((c) => `${c.name} ${JSON.stringify((c.raw as any).value)} item ${c.item}: ours ${fmt(c.ours)} n8n ${fmt(c.n8n)}`)
		.join('\n');
}
