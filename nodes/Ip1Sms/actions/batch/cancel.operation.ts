import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1Gateway } from '../../gateway/types';
import { showFor } from '../display';
import { readOptionsCollection } from '../idCalls';
import { batchIdField, cancelBatches } from './batchCalls';

export const description = showFor(['rest', 'soap'], ['batch'], ['cancel'], [
	batchIdField('The Batch ID of a scheduled batch, from the output of Batch → Schedule. Items that repeat a Batch ID cancel it once.'),
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1Gateway): Promise<INodeExecutionData[]> {
	return await cancelBatches(this, items, gateway);
}
