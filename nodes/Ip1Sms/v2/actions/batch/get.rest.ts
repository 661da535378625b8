import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { checkRestId } from '../../../shared/ids';
import { batchIdField, readBatches } from './batchCalls';
import { batchOptions } from './options';

export const option = batchOptions.get;

export const properties = [
	batchIdField('The Batch ID from the output of Batch → Send or Schedule. Items that repeat a Batch ID read it once.'),
	readOptionsCollections.rest,
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await readBatches(this, items, checkRestId, async (id, opts) => await gateway.getBatch(id, opts));
}
