import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { checkRestId } from '../../../shared/ids';
import { batchIdField, cancelBatches } from './batchCalls';
import { batchOptions } from './options';

export const option = batchOptions.cancel;

export const properties = [
	batchIdField('The Batch ID of a scheduled batch, from the output of Batch → Schedule. Items that repeat a Batch ID cancel it once.'),
	readOptionsCollections.rest,
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await cancelBatches(this, items, gateway, checkRestId);
}
