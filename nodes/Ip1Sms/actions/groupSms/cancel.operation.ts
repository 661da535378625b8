import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { idField } from '../common.descriptions';
import { readOptionsCollection, runCancelCall } from '../idCalls';

export const description = updateDisplayOptions({ show: { resource: ['groupSms'], operation: ['cancel'] } }, [
	idField('Bundle ID', 'bundleId', 'The ID of a scheduled group SMS, as returned by Group Message → Schedule'),
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runCancelCall.call(this, items, { name: 'bundleId', field: 'Bundle ID' }, {
		operation: 'cancelBundle',
		idElement: 'bundleID',
		label: 'bundle',
		outputKey: 'bundleId',
	});
}
