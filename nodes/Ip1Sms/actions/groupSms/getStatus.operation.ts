import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../gateway';
import { idField } from '../common.descriptions';
import { showFor } from '../display';
import { readOptionsCollection, runIdCall } from '../idCalls';

export const description = showFor(['soap'], ['groupSms'], ['getStatus'], [
	idField('Bundle ID', 'bundleId', 'The ID iP.1 returned when the group SMS was sent'),
	readOptionsCollection,
]);

/** One item per message of the bundle; a bundle id repeated across items is read once. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, 'soap', { name: 'bundleId', field: 'Bundle ID', distinct: 'read' }, async (id, opts) => {
		const rows = await gateway.getBatchMessages(id, { returnAll: true, limit: 0 }, opts);
		return rows.map((row) => ({
			bundleId: id,
			id: row.messageId,
			code: row.status.code,
			status: row.status.name,
			description: row.status.description,
			final: row.status.state,
		}));
	});
}
