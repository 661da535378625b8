import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1Gateway } from '../../gateway/types';
import { showFor } from '../display';
import { readOptionsCollection } from '../idCalls';
import { pagingFields } from '../conversation/restReads';
import { batchIdField, readBatchMessages } from './batchCalls';

export const description = showFor(['rest', 'soap'], ['batch'], ['getMessages'], [
	batchIdField('The Batch ID from the output of Batch → Send or Schedule. Items that repeat a Batch ID read it once.'),
	...pagingFields,
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1Gateway): Promise<INodeExecutionData[]> {
	return await readBatchMessages(this, items, gateway);
}
