import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { versionDescription } from '../shared/description';
import { registryProperties } from '../shared/registry';
import { restRegistry } from './actions/rest.registry';
import { soapRegistry } from './actions/soap.registry';
import { REPLY_WEBHOOK_PATH, replyWebhook } from './rest/replyWebhook';
import { searchSenders } from './rest/senderLocator';
import { searchTemplates } from './rest/templateMessage';
import { route } from './router';

const RESOURCE_NAMES = {
	account: 'Account',
	batch: 'Batch',
	blacklist: 'Blacklist',
	contact: 'Contact',
	conversation: 'Conversation',
	label: 'Label',
	mms: 'MMS Message',
	sender: 'Sender',
	sms: 'SMS',
	statusCode: 'Status Code',
	template: 'Template',
};

const properties: INodeTypeDescription['properties'] = [
	// The API at a glance: n8n shows the API parameter beside the credential (credentials depend on it),
	// where choosing a credential of the other type silently switches the API.
	{
		displayName: "This node speaks iP.1's REST API v2, with an iP.1 SMS REST API credential",
		name: 'restApiNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { api: ['rest'] } },
	},
	{
		displayName:
			"This node speaks iP.1's legacy SOAP web service (switched off by iP.1 in October 2025), with an iP.1 SMS Legacy SOAP API credential. New workflows use the REST API v2: choose it under API, or pick an iP.1 SMS REST API credential.",
		name: 'soapApiNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { api: ['soap'] } },
	},
	{
		displayName: 'API',
		name: 'api',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'REST API V2', value: 'rest', description: 'The current iP.1 API: use it with an API key from the iP.1 portal' },
			{
				name: 'SOAP Web Service (Legacy)',
				value: 'soap',
				description: 'The older SOAP and URL services of the iP.1 manuals (switched off by iP.1 in October 2025)',
			},
		],
		default: 'rest',
		description: 'Which iP.1 API the node speaks; each has its own credential',
	},
	{
		// One list for both APIs: n8n's nodes panel lists every resource parameter's actions and
		// cannot tell two lists apart by API. A resource of the other API shows a notice.
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Batch', value: 'batch', description: 'One message to many recipients' },
			{ name: 'Blacklist', value: 'blacklist', description: 'Numbers that are never sent to (REST API)' },
			{ name: 'Contact', value: 'contact', description: "The account's address book, e.g. kept in step with a CRM (REST API)" },
			{ name: 'Conversation', value: 'conversation', description: 'Messages to and from one phone number (REST API)' },
			{ name: 'Label', value: 'label', description: 'Names on contacts, to group them (REST API)' },
			{ name: 'MMS Message', value: 'mms', description: 'Pictures and files (legacy SOAP web service only)' },
			{ name: 'Sender', value: 'sender', description: 'Sender names and numbers registered on the account (REST API)' },
			{ name: 'SMS', value: 'sms' },
			{ name: 'Status Code', value: 'statusCode', description: 'What a SOAP status code means (legacy SOAP web service only)' },
			{ name: 'Template', value: 'template', description: "The account's SMS templates (REST API)" },
		],
		default: 'sms',
	},
	{
		displayName: 'MMS Message and Status Code belong to the SOAP Web Service (Legacy): choose it under API',
		name: 'soapOnlyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { api: ['rest'], resource: ['mms', 'statusCode'] } },
	},
	{
		displayName: 'Blacklist, Contact, Conversation, Label, Sender and Template belong to the REST API V2: choose it under API',
		name: 'restOnlyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { api: ['soap'], resource: ['blacklist', 'contact', 'conversation', 'label', 'sender', 'template'] } },
	},
	// REST first: n8n's nodes panel lists the actions of the first Operation parameter of a resource
	...registryProperties(restRegistry, { api: ['rest'] }),
	...registryProperties(soapRegistry, { api: ['soap'] }),
];

/**
 * Version 2: REST API v2 (the default) or the SOAP web services, each from its own operation registry.
 * Its icon is the base description's (Ip1Sms.node.ts); Ip1Sms checks it as an INodeType.
 */
export class Ip1SmsV2 {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = versionDescription(baseDescription, 2, RESOURCE_NAMES, {
			credentials: [
				{ name: 'ip1SmsRestApi', required: true, displayOptions: { show: { api: ['rest'] } } },
				{ name: 'ip1SmsApi', required: true, displayOptions: { show: { api: ['soap'] } } },
			],
			properties,
			// SMS → Send and Wait for Response: the iP.1 SMS Trigger posts the reply to the waiting
			// execution's resume URL (…/webhook-waiting/<execution id>/ip1-reply).
			webhooks: [
				{
					name: 'default',
					httpMethod: 'POST',
					responseMode: 'onReceived',
					responseData: '',
					path: REPLY_WEBHOOK_PATH,
					restartWebhook: true,
					isFullPath: true,
				},
			],
		});
	}

	/**
	 * n8n serves a restart webhook itself for as long as an execution waits: nothing is registered at
	 * publication, so there is nothing to check, create or delete (n8n never calls these for it).
	 */
	webhookMethods = {
		default: {
			async checkExists(): Promise<boolean> {
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	methods = { listSearch: { searchSenders, searchTemplates } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, properties);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await replyWebhook.call(this);
	}
}
