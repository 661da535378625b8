import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { Ip1InputError, mustBeTitle } from '../../../helpers/errors';
import type { SoapGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { runPerItem } from '../../../helpers/itemRunner';
import { readOptions, readString, readTimeout } from '../../../shared/params';

export const option = { name: 'Describe', description: 'Get the meaning of a status code', action: 'Describe a status code' };

export const properties: INodeProperties[] = [
	{
		displayName: 'Status Code',
		name: 'code',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 22',
		description: 'A status code of appendix A, e.g. from SMS → Get Status or a rejected send',
	},
	readOptionsCollections.soap,
];

export function checkStatusCode(value: string): string {
	const code = value.trim();
	if (!/^\d{1,3}$/.test(code)) {
		throw new Ip1InputError(
			'Status Code',
			code ? mustBeTitle('Status Code', 'a number below 1000', code) : 'Status Code is empty',
			'Enter a status code iP.1 gave, e.g. 22 or 110 (a number below 1000).',
		);
	}
	return code;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, {
		prepare: (i) => {
			return { code: checkStatusCode(readString(this, 'code', i)), timeout: readTimeout(readOptions(this, i)) };
		},
		run: async ({ code, timeout }, i) => {
			const { text, status } = await gateway.describeStatusCode(code, { itemIndex: i, timeout });
			return { code: Number(code), description: text, status: status.name, action: status.description, final: status.state };
		},
	});
}
