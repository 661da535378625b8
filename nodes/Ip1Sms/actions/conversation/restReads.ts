/*
 * Shared by the REST-only resources (Conversation, Sender, Blacklist): the Phone Number field, Return
 * All / Limit over the API's paging, the Timeout option, and the output of a message. Kept API-neutral:
 * the gateway (gateway/rest) does the wire work.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Ip1InputError, mustBeTitle } from '../../helpers/errors';
import { getItemParameter } from '../../helpers/itemParameters';
import { runPerItem } from '../../helpers/itemRunner';
import { normalizePhoneNumber } from '../../helpers/phone';
import type { CallOptions, MessageInfo, Paging } from '../../gateway/types';
import { timeoutOption } from '../common.descriptions';
import { compact, messageFields } from '../send/sendOutput';
import { readOptions, readString, readTimeout } from '../params';

export const phoneNumberField = (description: string): INodeProperties => ({
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +46701234567',
	description: `${description}. International format with the country code first, e.g. +46701234567 or 46701234567; spaces and dashes are ignored.`,
});

export const pagingFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export const readOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [timeoutOption],
};

export function readPhoneNumber(ctx: IExecuteFunctions, itemIndex: number): string {
	return normalizePhoneNumber(readString(ctx, 'phoneNumber', itemIndex), 'Phone Number');
}

export function readPaging(ctx: IExecuteFunctions, itemIndex: number): Paging {
	const returnAll = getItemParameter(ctx, 'returnAll', itemIndex, false);
	if (typeof returnAll !== 'boolean') {
		throw new Ip1InputError(
			'Return All',
			mustBeTitle('Return All', 'true or false', String(returnAll)),
			'Switch Return All on or off, or map true or false.',
		);
	}
	if (returnAll) return { returnAll, limit: 0 };
	const raw = getItemParameter(ctx, 'limit', itemIndex, 50);
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		throw new Ip1InputError('Limit', 'Limit is empty', 'Set Limit to how many results to return, or switch on Return All.');
	}
	const limit = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new Ip1InputError(
			'Limit',
			mustBeTitle('Limit', 'a whole number of 1 or more', String(raw)),
			'Set Limit to how many results to return, or switch on Return All.',
		);
	}
	return { returnAll, limit };
}

export function readCallOptions(ctx: IExecuteFunctions, itemIndex: number): CallOptions {
	return { itemIndex, timeout: readTimeout(readOptions(ctx, itemIndex)) };
}

/** One message of a conversation: the fields of Batch → Get Messages, and its direction. */
export function conversationMessage(message: MessageInfo): IDataObject {
	const { messageId, ...rest } = messageFields(message);
	return { messageId, ...compact({ direction: message.direction }), ...rest };
}

/**
 * Per item: read and check the item's value (every item before any request), then make its call
 * with the item's Timeout. Pairing and Continue On Fail come from runPerItem.
 */
export async function runRestCall<V>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => V,
	call: (value: V, opts: CallOptions) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	return await runPerItem(ctx, items, {
		prepare: (i) => ({ value: read(i), opts: readCallOptions(ctx, i) }),
		run: async (p) => await call(p.value, p.opts),
	});
}
