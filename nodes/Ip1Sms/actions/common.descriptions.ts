import type { INodeProperties } from 'n8n-workflow';

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

export const priorityOption: INodeProperties = {
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
};

/**
 * The default is only what the editor fills in when the option is added (earlier releases: 1). A saved
 * workflow keeps the value it was saved with, even one equal to a default: n8n keeps every value set
 * inside a collection (test/unit/actions/smsPartsDefault.test.ts).
 */
export const maxSegmentsOption: INodeProperties = {
	displayName: 'SMS Parts',
	name: 'maxSegments',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 3,
	description:
		'The most SMS parts one message may take. A text that needs more is refused before anything is sent, so a long text or one emoji never causes a surprise bill.',
};

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1000 },
	default: 30000,
	description:
		'Milliseconds to wait for the gateway. A send that times out is never repeated (it may have reached iP.1).',
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
