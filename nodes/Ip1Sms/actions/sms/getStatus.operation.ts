import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { idField } from '../common.descriptions';
import { readOptionsCollection, runStatusCall } from '../idCalls';

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['getStatus'] } }, [
	idField('SMS ID', 'smsId', 'The ID iP.1 returned when the SMS was sent'),
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runStatusCall.call(this, items, { name: 'smsId', field: 'SMS ID' }, 'sms', 'id');
}
