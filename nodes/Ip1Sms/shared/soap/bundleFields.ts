import type { INodeProperties } from 'n8n-workflow';

import {
	fromField,
	messageField,
	priorityOptions,
	recipientField,
	recipientsField,
	sendAtField,
	smsPartsOption,
	templateFieldsField,
	timeoutOptions,
} from '../fields';

export const modeField: INodeProperties = {
	displayName: 'Mode',
	name: 'mode',
	type: 'options',
	default: 'list',
	options: [
		{
			name: 'Recipient List per Item',
			value: 'list',
			description: 'Each input item sends one message to the list of numbers it names',
		},
		{
			name: 'Combine Input Items',
			value: 'combine',
			description:
				'All input items together: each item is one recipient, with its own template values, sent in as few requests as possible',
		},
	],
	description: 'How input items become recipients',
};

export const combineNoticeSoap: INodeProperties = {
	displayName:
		'Combine Input Items sends one Message to every item: keep Message the same for all items and put what differs in Template Fields (Key: {name}, Value: mapped from the item). Items whose From, Priority or Send At differ go out in separate requests.',
	name: 'combineNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { mode: ['combine'] } },
};

export const bundleOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		smsPartsOption,
		priorityOptions.soap,
		{
			displayName: 'Recipients per Request',
			name: 'recipientsPerRequest',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 5000 },
			default: 500,
			displayOptions: { show: { '/mode': ['combine'] } },
			description: 'With Combine Input Items: how many recipients one gateway request carries',
		},
		timeoutOptions.soap,
	],
};

/** Version 2's Batch → Send / Schedule (SOAP) checks the placeholders (helpers/placeholders.ts); version 1 does not. */
export const combineNoticeSoapChecked: INodeProperties = {
	...combineNoticeSoap,
	displayName:
		'Combine Input Items sends one Message to every item: keep Message the same for all items and put what differs in Template Fields (Key: {name}, Value: mapped from the item). A {name} that no Key fills, or a Key the Message does not have, stops the send before anything goes out; write \\{name} to send the braces as written. Items whose From, Priority or Send At differ go out in separate requests.',
};

/** The fields of Group Message → Send and → Schedule (version 2's Batch: with the checked placeholders' notice). */
export function bundleProperties(scheduled: boolean, notice = combineNoticeSoap): INodeProperties[] {
	return [
		modeField,
		notice,
		recipientsField,
		recipientField,
		fromField,
		messageField,
		templateFieldsField,
		...(scheduled ? [sendAtField] : []),
		bundleOptions,
	];
}
