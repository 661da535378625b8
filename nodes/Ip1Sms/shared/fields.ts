import type { INodeProperties } from 'n8n-workflow';

import { REST_TIMEOUT_MS, SOAP_TIMEOUT_MS } from '../gateway';

export const toField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +46701234567',
	description:
		'Recipient phone number with country code, e.g. +46701234567, 0046701234567 or 46701234567. Spaces and dashes are ignored.',
};

export const fromField: INodeProperties = {
	displayName: 'From',
	name: 'from',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. MyCompany',
	description:
		'Sender shown on the phone: 3–11 letters or digits (A–Z, a–z, 0–9), or a phone number of 3–15 digits with country code (needed if recipients should be able to reply)',
};

export const messageField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
	description:
		'The text; line breaks are allowed. One SMS holds 160 characters of the standard character set (letters, digits, common symbols); longer texts are split into parts of 152, each billed. A character outside it (emoji, many accents) switches the whole text to the extended character set: 70 per SMS, 67 per part.',
};

export const sendAtField: INodeProperties = {
	displayName: 'Send At',
	name: 'sendAt',
	type: 'dateTime',
	default: '',
	required: true,
	description:
		"When the gateway should send it. A date and time without offset is read in the workflow's time zone; an ISO 8601 string with offset or Unix seconds are also accepted. Must be in the future.",
};

/** Priority as each API numbers it: SOAP 1–3 (2 normal), REST 1 normal / 2 high. */
export const priorityOptions: Record<'soap' | 'rest', INodeProperties> = {
	soap: {
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		default: 2,
		options: [
			{ name: '1 – Low', value: 1, description: 'Suits group messages' },
			{ name: '2 – Normal', value: 2, description: 'Recommended for normal use' },
			{ name: '3 – High', value: 3, description: 'Suits time-critical messages such as alarms' },
		],
		description: 'Delivery priority. Messages are delivered at every priority; higher ones usually minutes sooner.',
	},
	rest: {
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		default: 1,
		options: [
			{ name: 'Normal', value: 1, description: 'The usual price' },
			{ name: 'High', value: 2, description: 'Delivered ahead of normal messages; costs more per SMS (see your iP.1 price list)' },
		],
		description: 'Delivery priority. High costs more per SMS than Normal.',
	},
};

/**
 * The default is only what the editor fills in when the option is added (version 1's earlier releases: 1).
 * A saved workflow keeps the value it was saved with, even one equal to a default: n8n keeps every value
 * set inside a collection (test/unit/actions/smsPartsDefault.test.ts).
 */
export const smsPartsOption: INodeProperties = {
	displayName: 'SMS Parts',
	name: 'maxSegments',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 3,
	description:
		'The most SMS parts one message may take. A text that needs more is refused before anything is sent, so a long text or one emoji never causes a surprise bill.',
};

/** Timeout, filled in with the default of the API's gateway (which also applies it when the option is not added). */
const timeoutOption = (defaultMs: number): INodeProperties => ({
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1000 },
	default: defaultMs,
	description:
		'Milliseconds to wait for the gateway. A send that times out is never repeated (it may have reached iP.1).',
});

export const timeoutOptions: Record<'soap' | 'rest', INodeProperties> = {
	soap: timeoutOption(SOAP_TIMEOUT_MS),
	rest: timeoutOption(REST_TIMEOUT_MS),
};

const readOptionsCollection = (api: 'soap' | 'rest'): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [timeoutOptions[api]],
});

/** The Options of an operation that sends nothing: the Timeout. */
export const readOptionsCollections: Record<'soap' | 'rest', INodeProperties> = {
	soap: readOptionsCollection('soap'),
	rest: readOptionsCollection('rest'),
};

export const parallelRequestsOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: 10,
	description: 'How many items are sent at the same time. Output keeps the input order.',
};

export const transportOption: INodeProperties = {
	displayName: 'Transport',
	name: 'transport',
	type: 'options',
	default: 'soap',
	options: [
		{
			name: 'SOAP Web Service',
			value: 'soap',
			description: 'Recommended: carries every character',
		},
		{
			name: 'URL Call (Sendsms.aspx)',
			value: 'url',
			description:
				'A plain HTTP GET, for networks that cannot make SOAP calls. It carries Western European (Latin-1) characters only: a text with others (emoji, Cyrillic, …) is refused before sending.',
		},
	],
	description: 'How the message reaches the gateway',
};

export const idField = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 12345678',
	description,
});

/* The recipients of a group send, as version 1 words them; the REST sends adapt the descriptions. */
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

/** n8n runs an unpinned node again when a later step is executed: while building, that is a second SMS. */
export const pinNotice: INodeProperties = {
	displayName:
		'While building the workflow, pin this node\'s output once it has sent (the pin icon of its output): executing a later step runs an unpinned send again, and sends the SMS again',
	name: 'pinNotice',
	type: 'notice',
	default: '',
};
