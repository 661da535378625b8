/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Measures what the harness costs: runNode wall time for 1 and for 1,000 items through a trivial
// node, against the node's own work. Run: node scripts/node24.js "NODE_ENV=test tsx test/support/n8nCore/measureOverhead.ts"
import { performance } from 'node:perf_hooks';

import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeType } from 'n8n-workflow';

import { ensureN8nCore, runNode } from './index';

const trivial: INodeType = {
	description: {
		displayName: 'Trivial',
		name: 'trivial',
		group: ['transform'],
		version: 1,
		description: 'Returns its input',
		defaults: { name: 'Trivial' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		return [this.getInputData()];
	},
};

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(runs / 2)];
}

async function main() {
	const setupStart = performance.now();
	await ensureN8nCore();
	const setup = performance.now() - setupStart;
	const one = [{ json: { n: 0 } }];
	const thousand = Array.from({ length: 1000 }, (_, n) => ({ json: { n, text: `message ${n}` } }));
	for (let i = 0; i < 5; i++) {
		const { items } = await runNode({ nodeType: trivial, parameters: {}, input: thousand });
		if (items.length !== 1000) throw new Error(`expected 1,000 items out, got ${items.length}`);
	}
	const t1 = await median(30, () => runNode({ nodeType: trivial, parameters: {}, input: one }));
	const t1000 = await median(30, () => runNode({ nodeType: trivial, parameters: {}, input: thousand }));
	console.log(`one-time n8n-core setup: ${setup.toFixed(1)} ms`);
	console.log(`runNode, 1 item:      ${t1.toFixed(2)} ms (median of 30)`);
	console.log(`runNode, 1,000 items: ${t1000.toFixed(2)} ms (median of 30)`);
	console.log(`per item:             ${((t1000 - t1) / 999 * 1000).toFixed(1)} µs`);
}

void main();
