import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Ip1InputError } from '../helpers/errors';
import { isId } from '../gateway/soap/statusCodes';
import { getIp1Credentials, type Ip1Credentials } from '../gateway/soap/credentials';
import { soapCall, type Ip1Service } from '../gateway/soap/request';
import { describeCode, expectCode, expectDone } from '../gateway/soap/results';
import { timeoutOption } from './common.descriptions';
import { runPerItem } from '../helpers/itemRunner';
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

/** Get Status of an SMS or an MMS: one code, described from the right appendix. */
export async function runStatusCall(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	param: { name: string; field: string },
	service: Ip1Service,
	idElement: string,
): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, param, async (creds, id, i, timeout) => {
		const { text } = await soapCall.call(this, creds, service, 'status', [{ name: idElement, text: id }], {
			itemIndex: i,
			timeout,
			repeatable: true,
		});
		const info = describeCode(expectCode(this, text, 'status', i), service);
		return { id, code: info.code, status: info.status, description: info.description, final: info.final };
	});
}

/** Cancel a scheduled SMS or bundle: `0` is done, a code is a refusal. */
export async function runCancelCall(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	param: { name: string; field: string },
	what: { operation: string; idElement: string; label: string; outputKey: string },
): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, param, async (creds, id, i, timeout) => {
		const params = [
			{ name: 'konto', text: creds.accountId },
			{ name: 'passwd', text: creds.apiKey },
			{ name: what.idElement, text: id },
		];
		// Not repeated after a lost answer: a second cancel would answer an error code for a cancelled message.
		const { text } = await soapCall.call(this, creds, 'sms', what.operation, params, {
			itemIndex: i,
			timeout,
			repeatable: false,
		});
		expectDone(this, text, what.operation, `${what.label} ${id}`, i);
		return { [what.outputKey]: id, cancelled: true };
	});
}
