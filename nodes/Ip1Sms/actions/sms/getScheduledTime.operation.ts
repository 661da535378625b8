import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { parseStockholmLocal } from '../../helpers/dates';
import { soapCall } from '../../gateway/soap/request';
import { idField } from '../common.descriptions';
import { readOptionsCollection, runIdCall } from '../idCalls';

const properties: INodeProperties[] = [
	idField('SMS ID', 'smsId', 'The ID of a scheduled SMS, as returned by SMS → Schedule'),
	readOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sms'], operation: ['getScheduledTime'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, { name: 'smsId', field: 'SMS ID' }, async (creds, id, i, timeout) => {
		const { text } = await soapCall.call(this, creds, 'sms', 'tidpunkt', [{ name: 'id', text: id }], {
			itemIndex: i,
			timeout,
			repeatable: true,
		});
		const parsed = parseStockholmLocal(text);
		if (!parsed) return { id, scheduled: false, gatewayTime: text };
		return { id, scheduled: true, gatewayTime: text, sendAt: parsed.iso, sendAtUnix: parsed.unixSeconds };
	});
}
