import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { AnyGateway } from '../../gateway';
import { idField } from '../common.descriptions';
import { showFor } from '../display';
import { readOptionsCollection, runSmsCancel } from '../idCalls';
import { batchIdField, cancelBatches } from '../batch/batchCalls';

export const description = [
	...showFor(['soap'], ['sms'], ['cancel'], [
		idField('SMS ID', 'smsId', 'The ID of a scheduled SMS, as returned by SMS → Schedule'),
		readOptionsCollection,
	]),
	...showFor(['rest'], ['sms'], ['cancel'], [
		batchIdField('The Batch ID of the scheduled SMS, from the output of SMS → Schedule'),
		readOptionsCollection,
	]),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: AnyGateway): Promise<INodeExecutionData[]> {
	if (gateway.api === 'soap') return await runSmsCancel.call(this, items, gateway);
	return await cancelBatches(this, items, gateway);
}
