import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { Ip1InputError } from './errors';

export interface PerItemTask<P> {
	/** Reads and checks the item's parameters. Runs for every item before any request is sent. */
	prepare(itemIndex: number): P | Promise<P>;
	/** Makes the call(s) for one prepared item. */
	run(prepared: P, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/** Requests in flight at once; output stays in input order. */
	concurrency?: number;
}

/** Bad input as a NodeOperationError naming the field (in the message) and the item. */
export function asInputError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof Ip1InputError) {
		return new NodeOperationError(ctx.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.hint,
		});
	}
	return error as Error;
}

export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: (error as Error).message };
	const context = (error as { context?: IDataObject }).context;
	if (context?.gateway) Object.assign(json, context.gateway as IDataObject);
	const description = (error as { description?: unknown }).description;
	if (typeof description === 'string' && description && json.description === undefined) {
		json.description = description;
	}
	return { json, pairedItem: { item: itemIndex } };
}

function toItems(result: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

export async function runPerItem<P>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	task: PerItemTask<P>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const results: INodeExecutionData[][] = new Array(items.length);
	const prepared: Array<{ itemIndex: number; value: P }> = [];

	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push({ itemIndex: i, value: await task.prepare(i) });
		} catch (error) {
			const nodeError = asInputError(ctx, error, i);
			if (!continueOnFail) throw nodeError;
			results[i] = [errorItem(nodeError, i)];
		}
	}

	// On a failure without Continue On Fail, no new request starts; those in flight finish first.
	let failure: Error | undefined;
	let next = 0;
	const worker = async () => {
		while (failure === undefined && next < prepared.length) {
			const { itemIndex, value } = prepared[next++];
			try {
				results[itemIndex] = toItems(await task.run(value, itemIndex), itemIndex);
			} catch (error) {
				const nodeError = asInputError(ctx, error, itemIndex);
				if (!continueOnFail) {
					failure ??= nodeError;
					return;
				}
				results[itemIndex] = [errorItem(nodeError, itemIndex)];
			}
		}
	};
	const workers = Math.max(1, Math.min(task.concurrency ?? 1, prepared.length));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failure !== undefined) throw failure;

	return results.flat();
}
