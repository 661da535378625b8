import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Ip1InputError } from '../helpers/errors';
import { isId } from '../transport/statusCodes';
import { getIp1Credentials, type Ip1Credentials } from '../transport/credentials';
import { timeoutOption } from './common.descriptions';
import { runPerItem } from './itemRunner';
import { readOptions, readString, readTimeout } from './params';

export const readOptionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [timeoutOption],
};

export function checkId(value: string, field: string): string {
	const id = value.trim();
	if (!/^\d+$/.test(id)) throw new Ip1InputError(field, `${field} must be the number iP.1 returned, not "${value}"`);
	if (!isId(id)) {
		throw new Ip1InputError(field, `${field} "${id}" is a status code, not an id (ids are 1000 or more)`);
	}
	return id;
}

/** Per item: read one id parameter, make one call, shape the answer. */
export async function runIdCall(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	param: { name: string; field: string },
	call: (creds: Ip1Credentials, id: string, itemIndex: number, timeout: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const creds = await getIp1Credentials.call(this);
	return await runPerItem(this, items, {
		prepare: (i) => ({
			id: checkId(readString(this, param.name, i), param.field),
			timeout: readTimeout(readOptions(this, i)),
		}),
		run: async ({ id, timeout }, i) => await call(creds, id, i, timeout),
	});
}
