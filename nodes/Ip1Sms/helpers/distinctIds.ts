import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { runPerItem } from './itemRunner';

export interface DistinctIdTask<P extends { id: string }> {
	prepare(itemIndex: number): P;
	run(prepared: P, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/**
	 * Reads: a later item with the same id calls again when the first call failed (a read is safe to
	 * repeat). Otherwise (cancel) the id is called once, whatever the outcome.
	 */
	retryAfterFailure?: boolean;
}

/**
 * Per item, but an id that repeats across input items (every item of a Combine send carries the
 * same batch id) is read or cancelled once. Its output is paired with every item that carries the
 * id and lists them in `inputItems`. Items run one after another, so "first" is the input order.
 */
export async function runPerDistinctId<P extends { id: string }>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	task: DistinctIdTask<P>,
): Promise<INodeExecutionData[]> {
	/** id → the item whose call stands for it; item → the items it stands for. */
	const handledBy = new Map<string, number>();
	const members = new Map<number, number[]>();
	const output = await runPerItem(ctx, items, {
		prepare: (i) => task.prepare(i),
		run: async (prepared, i) => {
			const first = handledBy.get(prepared.id);
			if (first !== undefined) {
				members.get(first)?.push(i);
				return [];
			}
			members.set(i, [i]);
			if (!task.retryAfterFailure) handledBy.set(prepared.id, i);
			const result = await task.run(prepared, i);
			handledBy.set(prepared.id, i);
			return result;
		},
	});
	for (const item of output) {
		const all = members.get((item.pairedItem as IPairedItemData).item);
		if (!all || all.length < 2) continue;
		item.pairedItem = all.map((index) => ({ item: index }));
		item.json.inputItems = all;
	}
	return output;
}
