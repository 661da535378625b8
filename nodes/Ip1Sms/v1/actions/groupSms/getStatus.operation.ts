import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { idField, readOptionsCollections } from '../../../shared/fields';
import { checkSoapId, runIdCall } from '../../../shared/ids';

export const option = {
	name: 'Get Status',
	description: 'Get the status of every message of a group SMS',
	action: 'Get the status of a group SMS',
};

export const properties = [
	idField('Bundle ID', 'bundleId', 'The ID iP.1 returned when the group SMS was sent'),
	readOptionsCollections.soap,
];

/** One item per message of the bundle; a bundle id repeated across items is read once. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	const param = { name: 'bundleId', field: 'Bundle ID', check: checkSoapId, distinct: 'read' as const };
	return await runIdCall.call(this, items, param, async (id, opts) => {
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
