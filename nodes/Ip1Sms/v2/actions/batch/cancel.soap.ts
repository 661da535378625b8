import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { checkSoapId } from '../../../shared/ids';
import { batchIdField, cancelBatches } from './batchCalls';
import { batchOptions } from './options';

export const option = batchOptions.cancel;

export const properties = [
	batchIdField('The Batch ID of a scheduled batch, from the output of Batch → Schedule. Items that repeat a Batch ID cancel it once.'),
	readOptionsCollections.soap,
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await cancelBatches(this, items, gateway, checkSoapId);
}
