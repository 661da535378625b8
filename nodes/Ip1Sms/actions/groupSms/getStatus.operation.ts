import {
	NodeApiError,
	updateDisplayOptions,
	type JsonObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { soapCall } from '../../gateway/soap/request';
import { describeCode, expectCode, gatewayRejection } from '../../gateway/soap/results';
import { readBundleRows } from '../../gateway/soap/xmlReader';
import { idField } from '../common.descriptions';
import { readOptionsCollection, runIdCall } from '../idCalls';

const properties: INodeProperties[] = [
	idField('Bundle ID', 'bundleId', 'The ID iP.1 returned when the group SMS was sent'),
	readOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['groupSms'], operation: ['getStatus'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, { name: 'bundleId', field: 'Bundle ID' }, async (creds, id, i, timeout) => {
		const { text, element } = await soapCall.call(this, creds, 'sms', 'statusBundle', [{ name: 'bundleID', text: id }], {
			itemIndex: i,
			timeout,
			repeatable: true,
		});
		const rows = readBundleRows(element);
		// No rows and a bare code: the gateway refused the request (e.g. an unknown bundle).
		if (!rows.length && /^\d{1,3}$/.test(text)) throw gatewayRejection(this, Number(text), 'sms', i, `has no status for bundle ${id}`);
		return rows.map((row) => {
			if (!/^\d+$/.test(row.smsId)) {
				throw new NodeApiError(this.getNode(), { message: 'bad row' } as JsonObject, {
					message: 'iP.1 answered statusBundle with a row whose SMS id is not a number',
					description: 'The gateway may be having trouble; try again later.',
					itemIndex: i,
				});
			}
			const info = describeCode(expectCode(this, row.status, 'statusBundle', i), 'sms');
			return {
				bundleId: id,
				id: row.smsId,
				code: info.code,
				status: info.status,
				description: info.description,
				final: info.final,
			};
		});
	});
}
