/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// What every section of `npm run bench` gets: the simulator, the n8n instances, the sample count, and
// where its rows, details and raw figures go.
import type { BenchN8n, ExecutionFigures } from './n8nBench';
import type { Row } from './report';
import type { SimulatorProcess } from './simulatorProcess';

export interface BenchContext {
	sim: SimulatorProcess;
	/** samples per figure (at least 5 for a complete run) */
	samples: number;
	log: (line: string) => void;
	rows: Row[];
	details: string[];
	raw: Record<string, unknown>;
}

export const ms = (n: number) => `${Math.round(n)} ms`;
export const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** The measured node put out `items` items, none of them an error item. */
export function check(figures: ExecutionFigures, node: string, items: number): ExecutionFigures {
	if (figures.nodeItems[node] !== items) throw new Error(`${node} put out ${figures.nodeItems[node]} items, expected ${items}`);
	if (figures.nodeErrors[node]) throw new Error(`${node} put out ${figures.nodeErrors[node]} error items`);
	return figures;
}

/** Publishes a workflow and runs it once with a few items (JIT, caches, the webhook's first registration). */
export async function publishAndWarm(n8n: BenchN8n, workflow: any, warmItems: unknown[]): Promise<void> {
	await n8n.publish(workflow);
	const input = workflow.nodes.find((n: any) => n.name === 'Bench Input');
	if (input) await n8n.run(workflow.id, input.parameters.path, warmItems);
}

export const webhookPath = (workflow: any): string => workflow.nodes.find((n: any) => n.name === 'Bench Input').parameters.path;
