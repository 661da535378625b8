/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// What reading the parameters of Combine mode costs on 10,000 items, in-process (n8n-core, isolated-vm
// engine): the fast reader against getNodeParameter. The parameters are those of
// bench/workflows/group-templated.json. Run:
//   node scripts/node24.js "NODE_ENV=test tsx bench/params.ts"
// PARAMS_READER=<path to another itemParameters.ts> measures that reader instead (e.g. an older one).
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { IExecuteFunctions, INodeType } from 'n8n-workflow';

import { ensureN8nCore, runNode } from '../test/support/n8nCore';

const ITEMS = Number(process.env.PARAMS_ITEMS ?? 10_000);
const parameters = {
	to: '={{ $json.to }}',
	from: 'Bench',
	message: 'Hej {name}! Din order {order} är på väg.',
	templateFields: { field: [{ key: '{name}', value: '={{ $json.name }}' }, { key: '{order}', value: '={{ $json.order }}' }] },
	options: {},
};
const reads = ['to', 'from', 'message', 'templateFields.field', 'options'];
const input = Array.from({ length: ITEMS }, (_, n) => ({ json: { to: `4670${String(n).padStart(7, '0')}`, name: `Kund ${n}`, order: 10_000 + n } }));

type Read = (ctx: IExecuteFunctions, name: string, i: number, fallback: unknown) => unknown;

function probe(read: Read, took: { ms: number; checksum: number }): INodeType {
	return {
		description: {
			displayName: 'Params', name: 'params', group: ['transform'], version: 1, description: '', defaults: { name: 'Params' },
			inputs: ['main'] as any, outputs: ['main'] as any,
			properties: Object.keys(parameters).map((name) => ({ displayName: name, name, type: 'string', default: '' }) as any),
		},
		async execute(this: IExecuteFunctions) {
			const start = performance.now();
			let checksum = 0;
			const count = this.getInputData().length;
			for (let i = 0; i < count; i++) for (const name of reads) checksum += JSON.stringify(read(this, name, i, '') ?? '').length;
			took.ms = performance.now() - start;
			took.checksum = checksum;
			return [[{ json: {}, pairedItem: { item: 0 } }]];
		},
	};
}

async function measure(label: string, read: Read) {
	const took = { ms: 0, checksum: 0 };
	const run = await runNode({ nodeType: probe(read, took), parameters, input });
	if (run.error) throw run.error;
	console.log(`${label.padEnd(34)} ${(took.ms / 1000).toFixed(2)} s for ${ITEMS} items × ${reads.length} parameters (checksum ${took.checksum})`);
	return took;
}

async function main() {
	await ensureN8nCore();
	const module = process.env.PARAMS_READER ? path.resolve(process.env.PARAMS_READER) : '../nodes/Ip1Sms/helpers/itemParameters';
	const { getItemParameter } = (await import(module)) as { getItemParameter: Read };
	const fast = await measure(`getItemParameter (${process.env.PARAMS_READER ? path.basename(module) : 'this checkout'})`, getItemParameter);
	if (process.env.PARAMS_SKIP_ENGINE) return;
	const engine = await measure('getNodeParameter (n8n engine)', (ctx, name, i, fallback) => ctx.getNodeParameter(name, i, fallback));
	if (engine.checksum !== fast.checksum) throw new Error('the two readers read different values');
}

void main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
