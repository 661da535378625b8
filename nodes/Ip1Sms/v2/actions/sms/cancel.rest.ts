import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { checkRestId } from '../../../shared/ids';
import { batchIdField, cancelBatches } from '../batch/batchCalls';

export const option = { name: 'Cancel', description: 'Cancel a scheduled SMS that has not gone out yet', action: 'Cancel scheduled SMS' };

export const properties = [batchIdField('The Batch ID of the scheduled SMS, from the output of SMS → Schedule'), readOptionsCollections.rest];

/** A REST SMS is a batch of one: cancelling the batch cancels it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await cancelBatches(this, items, gateway, checkRestId);
}
