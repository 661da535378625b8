import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { runPerItem } from './itemRunner';

export interface DistinctIdTask<P extends { id: string }> {
	prepare(itemIndex: number): P;
	run(prepared: P, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/**
 * Per item, but an id that repeats across input items (every item of a Combine send carries the
 * same batch id) is read or cancelled once, on its first item. Its output is paired with every
 * item that carries the id, and says which in `inputItems`.
 */
export async function runPerDistinctId<P extends { id: string }>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	task: DistinctIdTask<P>,
): Promise<INodeExecutionData[]> {
	const firstOf = new Map<string, number>();
	const itemsOf = new Map<number, number[]>();
	const output = await runPerItem(ctx, items, {
		prepare: (i) => {
			const prepared = task.prepare(i);
			const first = firstOf.get(prepared.id);
			if (first === undefined) {
				firstOf.set(prepared.id, i);
				itemsOf.set(i, [i]);
			} else {
				itemsOf.get(first)?.push(i);
			}
			return { prepared, repeat: first !== undefined };
		},
		run: async ({ prepared, repeat }, i) => (repeat ? [] : await task.run(prepared, i)),
	});
	for (const item of output) {
		const first = (item.pairedItem as IPairedItemData).item;
		const all = itemsOf.get(first);
		if (!all || all.length < 2) continue;
		item.pairedItem = all.map((index) => ({ item: index }));
		item.json.inputItems = all;
	}
	return output;
}
