import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { soapCall } from '../../transport/request';
import { expectDone } from '../../transport/results';
import { idField } from '../common.descriptions';
import { readOptionsCollection, runIdCall } from '../idCalls';

const properties: INodeProperties[] = [
	idField('Bundle ID', 'bundleId', 'The ID of a scheduled group SMS, as returned by Group SMS → Schedule'),
	readOptionsCollection,
];

export const description = updateDisplayOptions({ show: { resource: ['groupSms'], operation: ['cancel'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, { name: 'bundleId', field: 'Bundle ID' }, async (creds, id, i, timeout) => {
		const params = [
			{ name: 'konto', text: creds.accountId },
			{ name: 'passwd', text: creds.apiKey },
			{ name: 'bundleID', text: id },
		];
		const { text } = await soapCall.call(this, creds, 'sms', 'cancelBundle', params, {
			itemIndex: i,
			timeout,
			repeatable: false,
		});
		expectDone(this, text, 'cancelBundle', `bundle ${id}`, i);
		return { bundleId: id, cancelled: true };
	});
}
