/*
 * Shared by the REST-only resources (Conversation, Sender, Blacklist): the Phone Number field, one call
 * per item, and the output of a conversation's message.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../helpers/itemRunner';
import { normalizePhoneNumber } from '../../helpers/phone';
import type { CallOptions, MessageInfo } from '../../gateway/types';
import { readCallOptions } from '../../shared/ids';
import { compact, messageFields } from '../../shared/output';
import { readString } from '../../shared/params';

export const phoneNumberField = (description: string): INodeProperties => ({
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +46701234567',
	description: `${description}. International format with the country code first, e.g. +46701234567 or 46701234567; spaces and dashes are ignored.`,
});

export function readPhoneNumber(ctx: IExecuteFunctions, itemIndex: number): string {
	return normalizePhoneNumber(readString(ctx, 'phoneNumber', itemIndex), 'Phone Number');
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
