import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { idField } from '../common.descriptions';
import { readOptionsCollection, runCancelCall } from '../idCalls';

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['cancel'] } }, [
	idField('SMS ID', 'smsId', 'The ID of a scheduled SMS, as returned by SMS → Schedule'),
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runCancelCall.call(this, items, { name: 'smsId', field: 'SMS ID' }, {
		operation: 'cancelSms',
		idElement: 'smsID',
		label: 'SMS',
		outputKey: 'id',
	});
}
