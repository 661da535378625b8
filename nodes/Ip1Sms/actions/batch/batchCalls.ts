/* Batch reads and cancels of version 2, on either API: a batch id repeated across items is called once. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BatchInfo, Ip1Gateway } from '../../gateway/types';
import { runPerDistinctId } from '../../helpers/distinctIds';
import { readPaging } from '../conversation/restReads';
import { checkIdFor } from '../idCalls';
import { readOptions, readString, readTimeout } from '../params';
import { compact, messageFields } from '../send/sendOutput';

export const batchIdField = (description: string): INodeProperties => ({
	displayName: 'Batch ID',
	name: 'batchId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5bc86b6e85c7209830f96936',
	description,
});

/** One batch document as an output item. */
export function batchFields(batch: BatchInfo): IDataObject {
	return compact({
		batchId: batch.batchId,
		from: batch.from,
		message: batch.text,
		type: batch.type,
		characterSet: batch.characterSet,
		priority: batch.priority,
		createdAt: batch.createdAt,
		sendAt: batch.sendAt,
		reference: batch.reference,
		tags: batch.tags,
		deliveryReportUrl: batch.deliveryReportUrl,
		price: batch.price,
		statusCounts: batch.statusCounts,
	});
}

function prepareBatchCall<P>(ctx: IExecuteFunctions, gateway: Ip1Gateway, itemIndex: number, extra: (i: number) => P) {
	return {
		id: checkIdFor(gateway.api, readString(ctx, 'batchId', itemIndex), 'Batch ID'),
		opts: { itemIndex, timeout: readTimeout(readOptions(ctx, itemIndex)) },
		extra: extra(itemIndex),
	};
}

/** Cancel: one item per distinct batch id, saying whether anything was still waiting. */
export async function cancelBatches(ctx: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1Gateway): Promise<INodeExecutionData[]> {
	return await runPerDistinctId(ctx, items, {
		prepare: (i) => prepareBatchCall(ctx, gateway, i, () => undefined),
		run: async ({ id, opts }) => {
			const result = await gateway.cancelBatch(id, opts);
			return compact({
				batchId: id,
				cancelled: result.cancelled,
				note: result.cancelled ? undefined : 'Nothing in this batch was still waiting to be sent',
				statusCounts: result.batch?.statusCounts,
			});
		},
	});
}

/** Get Messages: one item per message; a batch id repeated across items is read once. */
export async function readBatchMessages(ctx: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1Gateway): Promise<INodeExecutionData[]> {
	return await runPerDistinctId(ctx, items, {
		retryAfterFailure: true,
		prepare: (i) => prepareBatchCall(ctx, gateway, i, (index) => readPaging(ctx, index)),
		run: async ({ id, opts, extra }) =>
			(await gateway.getBatchMessages(id, extra, opts)).map((m) => messageFields({ ...m, batchId: m.batchId ?? id })),
	});
}

/** Get (REST): the batch document; a batch id repeated across items is read once. */
export async function readBatches(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1Gateway,
	read: (id: string, opts: { itemIndex: number; timeout: number }) => Promise<BatchInfo>,
): Promise<INodeExecutionData[]> {
	return await runPerDistinctId(ctx, items, {
		retryAfterFailure: true,
		prepare: (i) => prepareBatchCall(ctx, gateway, i, () => undefined),
		run: async ({ id, opts }) => batchFields(await read(id, opts)),
	});
}
