import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../gateway/types';
import { showFor } from '../display';
import { readOptionsCollection } from '../idCalls';
import { batchIdField, readBatches } from './batchCalls';

export const description = showFor(['rest'], ['batch'], ['get'], [
	batchIdField('The Batch ID from the output of Batch → Send or Schedule. Items that repeat a Batch ID read it once.'),
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await readBatches(this, items, gateway, async (id, opts) => await gateway.getBatch(id, opts));
}
