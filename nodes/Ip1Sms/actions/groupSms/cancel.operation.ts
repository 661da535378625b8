import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../gateway';
import { idField } from '../common.descriptions';
import { showFor } from '../display';
import { readOptionsCollection, runIdCall } from '../idCalls';

export const description = showFor(['soap'], ['groupSms'], ['cancel'], [
	idField('Bundle ID', 'bundleId', 'The ID of a scheduled group SMS, as returned by Group Message → Schedule'),
	readOptionsCollection,
]);

/** A bundle id repeated across items (a Combine send's output) is cancelled once. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, 'soap', { name: 'bundleId', field: 'Bundle ID', distinct: 'cancel' }, async (id, opts) => {
		await gateway.cancelBatch(id, opts);
		return { bundleId: id, cancelled: true };
	});
}
