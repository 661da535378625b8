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
	idField('SMS ID', 'smsId', 'The ID of a scheduled SMS, as returned by SMS → Schedule'),
	readOptionsCollection,
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['cancel'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, { name: 'smsId', field: 'SMS ID' }, async (creds, id, i, timeout) => {
		const params = [
			{ name: 'konto', text: creds.accountId },
			{ name: 'passwd', text: creds.apiKey },
			{ name: 'smsID', text: id },
		];
		// Not repeated after a lost answer: a second cancel would answer an error code for a cancelled SMS.
		const { text } = await soapCall.call(this, creds, 'sms', 'cancelSms', params, {
			itemIndex: i,
			timeout,
			repeatable: false,
		});
		expectDone(this, text, 'cancelSms', `SMS ${id}`, i);
		return { id, cancelled: true };
	});
}
