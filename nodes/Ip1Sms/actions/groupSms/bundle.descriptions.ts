import type { INodeProperties } from 'n8n-workflow';

import { fromField, maxSegmentsOption, messageField, priorityOption, sendAtField, timeoutOption } from '../common.descriptions';

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

export const recipientsField: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipients',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +46701234567, +46731234567',
	displayOptions: { show: { mode: ['list'] } },
	description:
		'Phone numbers with country code, separated by commas (or an expression giving a list). Duplicates are sent once.',
};

export const recipientField: INodeProperties = {
	displayName: 'Recipient',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +46701234567',
	displayOptions: { show: { mode: ['combine'] } },
	description: "This item's phone number with country code, usually an expression that reads it from the item",
};

export const templateFieldsField: INodeProperties = {
	displayName: 'Template Fields',
	name: 'templateFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add template field',
	default: {},
	displayOptions: { show: { mode: ['combine'] } },
	description:
		"Per-recipient values: every occurrence of a key in the message is replaced by this item's value (the gateway does it, so one request carries many personalised texts)",
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					placeholder: 'e.g. {name}',
					description: 'Text in the message to replace, e.g. {name}',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. Anna',
					description: "This item's value for the key",
				},
			],
		},
	],
};

export const bundleOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		maxSegmentsOption,
		priorityOption,
		{
			displayName: 'Recipients per Request',
			name: 'recipientsPerRequest',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 5000 },
			default: 500,
			displayOptions: { show: { '/mode': ['combine'] } },
			description: 'With Combine Input Items: how many recipients one gateway request carries',
		},
		timeoutOption,
	],
};

/** The fields of Group Message → Send and → Schedule. */
export function bundleProperties(scheduled: boolean): INodeProperties[] {
	return [
		modeField,
		combineNoticeSoap,
		recipientsField,
		recipientField,
		fromField,
		messageField,
		templateFieldsField,
		...(scheduled ? [sendAtField] : []),
		bundleOptions,
	];
}
