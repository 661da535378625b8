import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { checkSoapId } from '../../../shared/ids';
import { pagingFields } from '../../../shared/paging';
import { batchIdField, readBatchMessages } from './batchCalls';
import { batchOptions } from './options';

export const option = batchOptions.getMessages;

export const properties = [
	batchIdField('The Batch ID from the output of Batch → Send or Schedule. Items that repeat a Batch ID read it once.'),
	...pagingFields,
	readOptionsCollections.soap,
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await readBatchMessages(this, items, gateway, checkSoapId);
}
