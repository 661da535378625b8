import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Ip1InputError, mustBeTitle, valueTitle } from '../helpers/errors';
import { runPerDistinctId } from '../helpers/distinctIds';
import { runPerItem } from '../helpers/itemRunner';
import { isSoapId, type MessageKind, type SoapGateway } from '../gateway';
import type { Api, CallOptions } from '../gateway/types';
import { timeoutOption } from './common.descriptions';
import { readOptions, readString, readTimeout, stateKey } from './params';

export const readOptionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [timeoutOption],
};

const SOAP_ID_FIX = 'Map the ID from the output of the send (a number of 1000 or more).';

export function checkId(value: string, field: string): string {
	const id = value.trim();
	if (!id) throw new Ip1InputError(field, `${field} is empty`, SOAP_ID_FIX);
	if (!/^\d+$/.test(id)) throw new Ip1InputError(field, mustBeTitle(field, 'the number iP.1 returned', value), SOAP_ID_FIX);
	if (!isSoapId(id)) throw new Ip1InputError(field, valueTitle(field, id, 'is a status code, not an ID'), SOAP_ID_FIX);
	return id;
}

/** An id as the API gives it: SOAP numbers of 1000 or more, REST letters and digits (24 hex characters). */
export function checkIdFor(api: Api, value: string, field: string): string {
	if (api === 'soap') return checkId(value, field);
	const id = value.trim();
	if (!/^[0-9A-Za-z_-]{1,64}$/.test(id)) {
		throw new Ip1InputError(
			field,
			id ? valueTitle(field, value, 'is not an ID') : `${field} is empty`,
			`Map ${field} from the output of the send (24 letters and digits, e.g. 5bc86b6e85c7209830f96936).`,
		);
	}
	return id;
}

function readIdCall(ctx: IExecuteFunctions, api: Api, param: { name: string; field: string }, itemIndex: number) {
	return {
		id: checkIdFor(api, readString(ctx, param.name, itemIndex), param.field),
		opts: { itemIndex, timeout: readTimeout(readOptions(ctx, itemIndex)) } as CallOptions,
	};
}

/**
 * Per item: read one id parameter, make one call, shape the answer. With `distinct`, an id repeated
 * across items is called once (see runPerDistinctId).
 */
export async function runIdCall(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	api: Api,
	/** `distinct`: an id repeated across items is read (again only after a failure) or cancelled once. */
	param: { name: string; field: string; distinct?: 'read' | 'cancel' },
	call: (id: string, opts: CallOptions) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const task = {
		retryAfterFailure: param.distinct === 'read',
		prepare: (i: number) => readIdCall(this, api, param, i),
		run: async ({ id, opts }: { id: string; opts: CallOptions }) => await call(id, opts),
	};
	return param.distinct ? await runPerDistinctId(this, items, task) : await runPerItem(this, items, task);
}

/** SOAP's Get Status of an SMS or an MMS: one code, described from the right appendix. */
export async function runStatusCall(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: SoapGateway,
	param: { name: string; field: string },
	kind: MessageKind,
): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, 'soap', param, async (id, opts) => {
		const status = await gateway.getStatus(kind, id, opts);
		return { id, code: status.code, status: status.name, description: status.description, [stateKey(this)]: status.state };
	});
}

/** Cancel a scheduled SMS (SOAP). */
export async function runSmsCancel(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: SoapGateway,
): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, 'soap', { name: 'smsId', field: 'SMS ID' }, async (id, opts) => {
		await gateway.cancelMessage(id, opts);
		return { id, cancelled: true };
	});
}
