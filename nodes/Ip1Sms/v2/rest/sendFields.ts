/* The fields of the REST sends: SMS → Send / Schedule and Batch → Send / Schedule. */
import type { INodeProperties } from 'n8n-workflow';

import {
	parallelRequestsOption,
	pinNotice,
	priorityOptions,
	recipientField,
	recipientsField,
	sendAtField,
	smsPartsOption,
	templateFieldsField,
	timeoutOptions,
	toField,
} from '../../shared/fields';
import { fromLocator } from './senderLocator';
import { messageSourceField, templateLocator } from './templateMessage';

export const messageField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
	placeholder: 'e.g. Hi, your order has been shipped',
	description:
		'The text, at most 2000 characters; line breaks are allowed. One SMS holds 160 characters of the standard character set (letters, digits, common symbols) or 70 when the text needs the extended one (emoji, many accents); longer texts are split into parts, each billed.',
};

export const typeOption: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	default: 'sms',
	options: [
		{ name: 'SMS', value: 'sms', description: 'A normal SMS, stored on the phone' },
		{ name: 'Flash', value: 'flash', description: 'Shown on the screen at once and not stored' },
	],
	description: 'How the phone shows the message',
};

export const characterSetOption: INodeProperties = {
	displayName: 'Character Set',
	name: 'characterSet',
	type: 'options',
	default: 'auto',
	options: [
		{
			name: 'Auto',
			value: 'auto',
			description: 'Standard when every character allows it (160 per SMS), else extended (70 per SMS)',
		},
		{ name: 'Standard (GSM)', value: 'gsm', description: '160 characters per SMS; a text with other characters is refused before sending' },
		{ name: 'Extended (Unicode)', value: 'ucs2', description: 'Any character, 70 per SMS' },
	],
	description: 'Which characters the SMS can carry, and so how many fit one SMS',
};

export const deliveryReportUrlOption: INodeProperties = {
	displayName: 'Delivery Report URL',
	name: 'deliveryReportUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/ip1-reports',
	description: 'Where iP.1 posts a report at every status change of these messages (http:// or https://)',
};

export const referenceOption: INodeProperties = {
	displayName: 'Reference',
	name: 'reference',
	type: 'string',
	default: '',
	placeholder: 'e.g. order-1234',
	description: 'Your own ID for these messages, at most 256 characters (iP.1 may allow only 40); delivery reports carry it',
};

export const tagsOption: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	default: '',
	placeholder: 'e.g. orders, reminders',
	description: 'Labels for these messages, separated by commas',
};

const readMessageIdsOption: INodeProperties = {
	displayName: 'Read Message IDs',
	name: 'readMessageIds',
	type: 'boolean',
	default: true,
	description:
		"Whether to read each recipient's message ID and first status after sending. iP.1's answer to a send names only the batch, so this costs one more request per batch of up to 1,000 recipients. Off, the output has the batch ID only and sending takes half the requests (a batch in which iP.1 refused a recipient is still read, to name it).",
};

const recipientsPerRequestOption: INodeProperties = {
	displayName: 'Recipients per Request',
	name: 'recipientsPerRequest',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000 },
	default: 1000,
	displayOptions: { show: { '/mode': ['combine'] } },
	description: 'With Combine Input Items: how many recipients one request carries (at most what the API takes)',
};

const commonOptions = [
	characterSetOption,
	deliveryReportUrlOption,
	priorityOptions.rest,
	readMessageIdsOption,
	referenceOption,
	smsPartsOption,
	tagsOption,
	timeoutOptions.rest,
	typeOption,
];

export const modeField: INodeProperties = {
	displayName: 'Mode',
	name: 'mode',
	type: 'options',
	default: 'list',
	options: [
		{ name: 'Recipient List per Item', value: 'list', description: 'Each input item sends the message to the list of numbers it names' },
		{
			name: 'Combine Input Items',
			value: 'combine',
			description: 'Each input item is one recipient with its own template values; all items go out together in as few requests as possible',
		},
	],
	description: 'How input items become recipients',
};

export const combineNotice: INodeProperties = {
	displayName:
		'Combine Input Items sends one Message to every item: keep Message the same for all items, write {name} where a value goes, and set each item\'s value in Template Fields. A {name} that no Template Field fills, or a Template Field the Message does not use, stops the send before anything goes out; write \\{name} to send the braces as written. Items whose From or options differ go out in separate requests.',
	name: 'combineNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { mode: ['combine'] } },
};

export const recipientsListField: INodeProperties = {
	...recipientsField,
	description:
		'Phone numbers in international format (country code first), separated by commas, or an expression giving a list. Duplicates are sent once.',
};

export const recipientItemField: INodeProperties = {
	...recipientField,
	description: "This item's phone number in international format, usually mapped from the item (drag its field here)",
};

/** As version 1's, but a field names the placeholder: name fills {name}. */
export const templateFields: INodeProperties = {
	...templateFieldsField,
	description:
		"Per-recipient values: every {name} in the message is replaced by this item's value for name. Every {name} needs a field, and every field a {name} in the message.",
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Name',
					name: 'key',
					type: 'string',
					default: '',
					placeholder: 'e.g. name',
					description: 'The placeholder without braces: name fills {name} in the message',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. Anna',
					description: "This item's value for the placeholder, usually mapped from the item",
				},
			],
		},
	],
};

const options = (extra: INodeProperties[]): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [...commonOptions, ...extra].sort((a, b) => a.displayName.localeCompare(b.displayName)),
});

/** Message From: the Message written here, or an SMS template with its Template Fields. */
const writtenMessage: INodeProperties = { ...messageField, displayOptions: { show: { messageSource: ['text'] } } };
const templateValues = (show: NonNullable<INodeProperties['displayOptions']>['show']): INodeProperties => ({
	...templateFields,
	description: "Values for the template's placeholders: name fills {name}. Every {name} in the template needs a field, and every field a {name} in the template.",
	displayOptions: { show },
});

/** SMS → Send / Schedule: one recipient per item. */
export function smsSendProperties(scheduled: boolean): INodeProperties[] {
	const to = { ...toField, placeholder: 'e.g. +46701234567' };
	return [
		pinNotice,
		to,
		fromLocator,
		messageSourceField,
		writtenMessage,
		templateLocator,
		templateValues({ messageSource: ['template'] }),
		...(scheduled ? [sendAtField] : []),
		options([parallelRequestsOption]),
	];
}

/** Batch → Send / Schedule: a list per item, or Combine Input Items. */
export function batchSendProperties(scheduled: boolean): INodeProperties[] {
	return [
		pinNotice,
		modeField,
		combineNotice,
		recipientsListField,
		recipientItemField,
		fromLocator,
		messageSourceField,
		writtenMessage,
		templateLocator,
		templateFields,
		// a list per item: one set of values for all its recipients
		templateValues({ mode: ['list'], messageSource: ['template'] }),
		...(scheduled ? [sendAtField] : []),
		options([recipientsPerRequestOption]),
	];
}
