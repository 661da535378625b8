/* Batch reads and cancels of version 2, on either API (each passes its id check): a batch id repeated across items is called once. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BatchInfo, CallOptions, Ip1Gateway } from '../../../gateway/types';
import { runPerDistinctId } from '../../../helpers/distinctIds';
import { readCallOptions, type IdCheck } from '../../../shared/ids';
import { characterSetName, compact, messageFields, priorityName, statusCountFields } from '../../../shared/output';
import { readPaging } from '../../../shared/paging';
import { readString } from '../../../shared/params';
import { restStatus } from '../../../gateway';

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
		characterSet: characterSetName(batch.characterSet),
		priority: priorityName(batch.priority),
		createdAt: batch.createdAt,
		sendAt: batch.sendAt,
		reference: batch.reference,
		tags: batch.tags,
		deliveryReportUrl: batch.deliveryReportUrl,
		price: batch.price,
		...batchStatusFields(batch.statusCode),
		statusCounts: statusCountFields(batch.statusCounts),
	});
}

/**
 * The batch's own status, where iP.1 gives one: named and classed as a message status of that code
 * (iP.1 does not document what it means for a batch, so no description is added).
 */
function batchStatusFields(code: number | undefined): IDataObject {
	if (code === undefined) return {};
	const { state, name } = restStatus(code);
	return { state, statusCode: code, status: name };
}

function prepareBatchCall<P>(ctx: IExecuteFunctions, check: IdCheck, itemIndex: number, extra: (i: number) => P) {
	return {
		id: check(readString(ctx, 'batchId', itemIndex), 'Batch ID'),
		opts: readCallOptions(ctx, itemIndex),
		extra: extra(itemIndex),
	};
}

/** Cancel: one item per distinct batch id, saying whether anything was still waiting. */
export async function cancelBatches(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1Gateway,
	check: IdCheck,
): Promise<INodeExecutionData[]> {
	return await runPerDistinctId(ctx, items, {
		prepare: (i) => prepareBatchCall(ctx, check, i, () => undefined),
		run: async ({ id, opts }) => {
			const result = await gateway.cancelBatch(id, opts);
			return compact({
				batchId: id,
				cancelled: result.cancelled,
				note: result.cancelled ? undefined : 'Nothing in this batch was still waiting to be sent',
				statusCounts: statusCountFields(result.batch?.statusCounts),
			});
		},
	});
}

/** Get Messages: one item per message; a batch id repeated across items is read once. */
export async function readBatchMessages(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1Gateway,
	check: IdCheck,
): Promise<INodeExecutionData[]> {
	return await runPerDistinctId(ctx, items, {
		retryAfterFailure: true,
		prepare: (i) => prepareBatchCall(ctx, check, i, (index) => readPaging(ctx, index)),
		run: async ({ id, opts, extra }) =>
			(await gateway.getBatchMessages(id, extra, opts)).map((m) => messageFields({ ...m, batchId: m.batchId ?? id })),
	});
}

/** Get: the batch document; a batch id repeated across items is read once. */
export async function readBatches(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	check: IdCheck,
	read: (id: string, opts: CallOptions) => Promise<BatchInfo>,
): Promise<INodeExecutionData[]> {
	return await runPerDistinctId(ctx, items, {
		retryAfterFailure: true,
		prepare: (i) => prepareBatchCall(ctx, check, i, () => undefined),
		run: async ({ id, opts }) => batchFields(await read(id, opts)),
	});
}
