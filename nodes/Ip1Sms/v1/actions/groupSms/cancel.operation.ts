import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { idField, readOptionsCollections } from '../../../shared/fields';
import { checkSoapId, runIdCall } from '../../../shared/ids';

export const option = { name: 'Cancel', description: 'Cancel a scheduled group SMS', action: 'Cancel a scheduled group SMS' };

export const properties = [
	idField('Bundle ID', 'bundleId', 'The ID of a scheduled group SMS, as returned by Group Message → Schedule'),
	readOptionsCollections.soap,
];

/** A bundle id repeated across items (a Combine send's output) is cancelled once. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	const param = { name: 'bundleId', field: 'Bundle ID', check: checkSoapId, distinct: 'cancel' as const };
	return await runIdCall.call(this, items, param, async (id, opts) => {
		await gateway.cancelBatch(id, opts);
		return { bundleId: id, cancelled: true };
	});
}
