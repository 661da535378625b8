import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Ip1InputError, mustBeTitle, valueTitle } from '../helpers/errors';
import { runPerDistinctId } from '../helpers/distinctIds';
import { runPerItem } from '../helpers/itemRunner';
import { isSoapId } from '../gateway';
import type { CallOptions } from '../gateway/types';
import { readOptions, readString, readTimeout } from './params';

/** Checks an id the user gave and returns it as the API takes it; throws an input error naming `field`. */
export type IdCheck = (value: string, field: string) => string;

const SOAP_ID_FIX = 'Map the ID from the output of the send (a number of 1000 or more).';

/** A SOAP id: a number of 1000 or more (lower numbers are status codes). */
export const checkSoapId: IdCheck = (value, field) => {
	const id = value.trim();
	if (!id) throw new Ip1InputError(field, `${field} is empty`, SOAP_ID_FIX);
	if (!/^\d+$/.test(id)) throw new Ip1InputError(field, mustBeTitle(field, 'the number iP.1 returned', value), SOAP_ID_FIX);
	if (!isSoapId(id)) throw new Ip1InputError(field, valueTitle(field, id, 'is a status code, not an ID'), SOAP_ID_FIX);
	return id;
};

/** A REST id: letters and digits (24 hex characters as iP.1 gives them). */
export const checkRestId: IdCheck = (value, field) => {
	const id = value.trim();
	if (!/^[0-9A-Za-z_-]{1,64}$/.test(id)) {
		throw new Ip1InputError(
			field,
			id ? valueTitle(field, value, 'is not an ID') : `${field} is empty`,
			`Map ${field} from the output of the send (24 letters and digits, e.g. 5bc86b6e85c7209830f96936).`,
		);
	}
	return id;
};

/** An item's call options: its index (errors are paired to it) and its Timeout. */
export function readCallOptions(ctx: IExecuteFunctions, itemIndex: number): CallOptions {
	return { itemIndex, timeout: readTimeout(readOptions(ctx, itemIndex)) };
}

/**
 * Per item: read one id parameter, make one call, shape the answer. With `distinct`, an id repeated
 * across items is read (again only after a failure) or cancelled once (see runPerDistinctId).
 */
export async function runIdCall(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	param: { name: string; field: string; check: IdCheck; distinct?: 'read' | 'cancel' },
	call: (id: string, opts: CallOptions) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const task = {
		retryAfterFailure: param.distinct === 'read',
		prepare: (i: number) => ({ id: param.check(readString(this, param.name, i), param.field), opts: readCallOptions(this, i) }),
		run: async ({ id, opts }: { id: string; opts: CallOptions }) => await call(id, opts),
	};
	return param.distinct ? await runPerDistinctId(this, items, task) : await runPerItem(this, items, task);
}
