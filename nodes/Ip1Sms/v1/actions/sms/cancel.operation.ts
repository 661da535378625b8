import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { idField, readOptionsCollections } from '../../../shared/fields';
import { checkSoapId, runIdCall } from '../../../shared/ids';

export const option = { name: 'Cancel', description: 'Cancel a scheduled SMS', action: 'Cancel a scheduled SMS' };

export const properties = [
	idField('SMS ID', 'smsId', 'The ID of a scheduled SMS, as returned by SMS → Schedule'),
	readOptionsCollections.soap,
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, { name: 'smsId', field: 'SMS ID', check: checkSoapId }, async (id, opts) => {
		await gateway.cancelMessage(id, opts);
		return { id, cancelled: true };
	});
}
