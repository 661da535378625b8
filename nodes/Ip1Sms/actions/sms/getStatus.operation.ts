import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { soapCall } from '../../transport/request';
import { describeCode, expectCode } from '../../transport/results';
import { idField } from '../common.descriptions';
import { readOptionsCollection, runIdCall } from '../idCalls';

const properties: INodeProperties[] = [
	idField('SMS ID', 'smsId', 'The ID iP.1 returned when the SMS was sent'),
	readOptionsCollection,
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['getStatus'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, { name: 'smsId', field: 'SMS ID' }, async (creds, id, i, timeout) => {
		const { text } = await soapCall.call(this, creds, 'sms', 'status', [{ name: 'id', text: id }], {
			itemIndex: i,
			timeout,
			repeatable: true,
		});
		const info = describeCode(expectCode(this, text, 'status', i), 'sms');
		return { id, code: info.code, status: info.status, description: info.description, final: info.final };
	});
}
