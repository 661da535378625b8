import type { INodeProperties } from 'n8n-workflow';

/** Path under the node's webhook id: the URL is `<n8n>/webhook/<webhook id>/ip1-sms`. */
export const WEBHOOK_PATH = 'ip1-sms';

const v1 = { '@version': [1, 1.1] };
const v2 = { '@version': [{ _cnd: { gte: 2 } }] };

const receivingNumbers: INodeProperties = {
	displayName: 'Receiving Numbers',
	name: 'receivingNumbers',
	type: 'string',
	default: '',
	placeholder: 'e.g. 46701234567, +44 7700 900123',
	description:
		'Your iP.1 numbers this trigger takes incoming SMS for, in international form (country code first, with or without + or 00), comma-separated. An SMS to another number is acknowledged and starts nothing. Leave empty for all.',
};

const secretOptions: INodeProperties[] = [
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'A shared secret that every call must carry as a query parameter: register the URL at iP.1 as …/ip1-sms?secret=your-secret. Calls with a missing or wrong secret get 401 and start nothing.',
	},
	{
		displayName: 'Secret Parameter Name',
		name: 'keyParameterName',
		type: 'string',
		default: 'secret',
		description: 'Name of the query parameter that carries the secret',
	},
];

const soapOptions: INodeProperties[] = [
	{
		displayName: 'Include Raw Query',
		name: 'includeRawQuery',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the undecoded query string of the callback to the output as rawQuery',
		displayOptions: { hide: { '/api': ['rest'] } },
	},
	{
		displayName: 'Text Encoding',
		name: 'textEncoding',
		type: 'options',
		default: 'auto',
		description:
			"How the characters of the callback's text are read. Auto-Detect reads UTF-8 when the text is valid UTF-8, otherwise Latin-1 (what iP.1 sends).",
		options: [
			{ name: 'Auto-Detect', value: 'auto' },
			{ name: 'Latin-1 (ISO-8859-1)', value: 'iso-8859-1' },
			{ name: 'UTF-8', value: 'utf-8' },
		],
		displayOptions: { hide: { '/api': ['rest'] } },
	},
];

const resumeUrlOption: INodeProperties = {
	displayName: 'Resume URL',
	name: 'resumeUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook-waiting',
	description:
		"Where this n8n serves waiting executions. Empty: this trigger's own URL with /webhook-waiting (n8n's default). Set it when n8n's waiting-webhook endpoint has another name or address.",
	displayOptions: { show: { '/resumeWaiting': [true] } },
};

export const properties: INodeProperties[] = [
	{
		displayName:
			"Register this node's Production URL as the Callback URL in the iP.1 portal (Settings). Add ?secret=… if you set a Secret.",
		name: 'callbackNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: v1 },
	},
	{
		displayName: 'API',
		name: 'api',
		type: 'options',
		noDataExpression: true,
		default: 'rest',
		options: [
			{
				name: 'REST API',
				value: 'rest',
				description: 'Webhooks of the iP.1 REST API v2: incoming SMS and delivery reports',
			},
			{
				name: 'SOAP Callback (Legacy)',
				value: 'soap',
				description: 'The GET callback of the SOAP-era gateway: incoming SMS only',
			},
		],
		displayOptions: { show: v2 },
	},
	{
		displayName:
			'Use the Production URL as the incoming-SMS URL in the iP.1 portal, or as Delivery Report URL in the iP.1 SMS node.',
		name: 'restNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...v2, api: ['rest'] } },
	},
	{
		displayName: 'Use the Production URL as the Callback URL in the iP.1 portal.',
		name: 'soapNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...v2, api: ['soap'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		noDataExpression: true,
		required: true,
		default: ['incomingSms'],
		description:
			'What starts the workflow. A webhook of another event is acknowledged and starts nothing.',
		options: [
			// action: the nodes panel's entry, which n8n otherwise writes "On incoming sms"
			{
				name: 'Delivery Report',
				value: 'deliveryReport',
				description: 'A sent message changed status',
				action: 'On Delivery Report',
			},
			{ name: 'Incoming SMS', value: 'incomingSms', description: 'An SMS arrived at your number', action: 'On Incoming SMS' },
		],
		displayOptions: { show: { ...v2, api: ['rest'] } },
	},
	{
		displayName: 'Resume Waiting Executions',
		name: 'resumeWaiting',
		type: 'boolean',
		default: false,
		description:
			'Whether an incoming SMS that replies to an iP.1 SMS node\'s Send and Wait for Response resumes the execution waiting for it, instead of starting this workflow. Reads the conversation with the number through the REST API credential.',
		displayOptions: { show: { ...v2, api: ['rest'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...soapOptions, resumeUrlOption, receivingNumbers, ...secretOptions],
	},
];

export const triggerPanel = {
	header: 'Waiting for iP.1 to call the URL',
	executionsHelp: {
		inactive:
			'While testing, use the Test URL at iP.1 and click "Execute step" (or call the URL yourself). Publish the workflow to have the Production URL start it.',
		active:
			'The workflow is published: every call iP.1 makes to the Production URL starts an execution.',
	},
	activationHint: 'Register the Production URL at iP.1, then publish the workflow.',
};
