/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// A node that reads its parameters two ways inside one real n8n-core execution and keeps both answers.
import type { IExecuteFunctions, INodeProperties, INodeType } from 'n8n-workflow';

export type Outcome = { value: unknown } | { error: string };

function outcome(read: () => unknown): Outcome {
	try {
		return { value: read() };
	} catch (error) {
		return { error: `${(error as Error).constructor?.name}: ${(error as Error).message}` };
	}
}

export function probeNode(
	properties: INodeProperties[],
	body: (ctx: IExecuteFunctions) => void,
): INodeType {
	return {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Probe' },
			inputs: ['main'] as any,
			outputs: ['main'] as any,
			properties,
		},
		async execute(this: IExecuteFunctions) {
			body(this);
			return [[{ json: {}, pairedItem: { item: 0 } }]];
		},
	};
}

export interface Comparison {
	name: string;
	raw: unknown;
	item: number;
	/** Whether our reader asked n8n to evaluate (getNodeParameter without rawExpressions). */
	delegated: boolean;
	ours: Outcome;
	n8n: Outcome;
}

/** Reads every name for every item with both readers; `ours` first, so a cache it keeps cannot borrow n8n's answer. */
export function compareReaders(
	ctx: IExecuteFunctions,
	names: string[],
	ours: (ctx: IExecuteFunctions, name: string, item: number) => unknown,
	fallback: unknown,
): Comparison[] {
	const out: Comparison[] = [];
	const count = ctx.getInputData().length;
	const getNodeParameter = ctx.getNodeParameter.bind(ctx) as (...args: any[]) => unknown;
	let evaluations = 0;
	ctx.getNodeParameter = ((...args: any[]) => {
		if (!args[3]?.rawExpressions) evaluations++;
		return getNodeParameter(...args);
	}) as any;
	for (let item = 0; item < count; item++) {
		for (const name of names) {
			const before = evaluations;
			const a = outcome(() => ours(ctx, name, item));
			const delegated = evaluations > before;
			const b = outcome(() => ctx.getNodeParameter(name, item, fallback));
			out.push({ name, raw: outcome(() => ctx.getNodeParameter(name, item, fallback, { rawExpressions: true })), item, delegated, ours: a, n8n: b });
		}
	}
	return out;
}

const tag = (v: object) => `${Object.prototype.toString.call(v)} ${Object.getPrototypeOf(v)?.constructor?.name ?? 'null'}`;

/**
 * Deep equality that tells apart what a node would see (types, -0, undefined properties, Dates) but not
 * the realm an object was made in: values out of the isolate are built in Node's main realm, while jest
 * runs this file in a realm of its own (one realm in a real n8n).
 */
export function same(a: unknown, b: unknown): boolean {
	if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
	if (tag(a) !== tag(b)) return false;
	if (a instanceof Date || Object.prototype.toString.call(a) === '[object Date]') return Object.is((a as Date).getTime(), (b as Date).getTime());
	const keysA = Reflect.ownKeys(a);
	const keysB = Reflect.ownKeys(b);
	if (keysA.length !== keysB.length) return false;
	return keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as any)[k], (b as any)[k]));
}

export function mismatches(comparisons: Comparison[]): Comparison[] {
	return comparisons.filter((c) => !same(c.ours, c.n8n));
}
