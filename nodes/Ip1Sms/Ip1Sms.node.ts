import {
	NodeConnectionTypes,
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as batch from './actions/batch/Batch.resource';
import * as blacklist from './actions/blacklist/Blacklist.resource';
import * as conversation from './actions/conversation/Conversation.resource';
import * as groupSms from './actions/groupSms/GroupSms.resource';
import * as mms from './actions/mms/Mms.resource';
import { router } from './actions/router';
import * as sender from './actions/sender/Sender.resource';
import * as sms from './actions/sms/Sms.resource';
import * as statusCode from './actions/statusCode/StatusCode.resource';

const RESOURCE_NAMES = {
	account: 'Account',
	batch: 'Batch',
	blacklist: 'Blacklist',
	conversation: 'Conversation',
	groupSms: 'Group Message',
	mms: 'MMS Message',
	sender: 'Sender',
	sms: 'SMS',
	statusCode: 'Status Code',
};

export class Ip1Sms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iP.1 SMS',
		name: 'ip1Sms',
		icon: { light: 'file:../../icons/ip1.svg', dark: 'file:../../icons/ip1.dark.svg' },
		group: ['output'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: `={{ ${JSON.stringify(RESOURCE_NAMES)}[$parameter["resource"]] + ": " + $parameter["operation"].replace(/([A-Z])/g, " $1").toLowerCase() }}`,
		description: 'Send and track SMS through iP.1 (REST API v2 or the legacy SOAP web service)',
		// A full URL: n8n appends its utm query to a codex URL, which would land inside the #anchor.
		documentationUrl: 'https://github.com/n8n-nodes-ip1/n8n-nodes-ip1#operations',
		defaults: { name: 'iP.1 SMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ip1SmsRestApi', required: true, displayOptions: { show: { api: ['rest'] } } },
			{ name: 'ip1SmsApi', required: true, displayOptions: { show: { api: ['soap'] } } },
		],
		properties: [
			{
				// Version 1 speaks only the SOAP web service.
				displayName: 'API',
				name: 'api',
				type: 'hidden',
				default: 'soap',
				displayOptions: { show: { '@version': [1] } },
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
				displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
				description: 'Which iP.1 API the node speaks; each has its own credential',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { '@version': [1] } },
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Group Message', value: 'groupSms', description: 'One message to many recipients (an iP.1 bundle)' },
					{ name: 'MMS Message', value: 'mms' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'Status Code', value: 'statusCode' },
				],
				default: 'sms',
			},
			{
				// One list for both APIs: n8n's nodes panel lists every resource parameter's actions and
				// cannot tell two lists apart by API. A resource of the other API shows a notice.
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Batch', value: 'batch', description: 'One message to many recipients' },
					{ name: 'Blacklist', value: 'blacklist', description: 'Numbers that are never sent to (REST API)' },
					{ name: 'Conversation', value: 'conversation', description: 'Messages to and from one phone number (REST API)' },
					{ name: 'MMS Message', value: 'mms', description: 'Pictures and files (SOAP web service)' },
					{ name: 'Sender', value: 'sender', description: 'Sender names and numbers registered on the account (REST API)' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'Status Code', value: 'statusCode', description: 'What a SOAP status code means (SOAP web service)' },
				],
				default: 'sms',
			},
			{
				displayName: 'MMS Message and Status Code belong to the SOAP Web Service (Legacy): choose it under API',
				name: 'soapOnlyNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }], api: ['rest'], resource: ['mms', 'statusCode'] } },
			},
			{
				displayName: 'Blacklist, Conversation and Sender belong to the REST API V2: choose it under API',
				name: 'restOnlyNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }], api: ['soap'], resource: ['blacklist', 'conversation', 'sender'] } },
			},
			...sms.description,
			...batch.description,
			...groupSms.description,
			...updateDisplayOptions({ show: { api: ['soap'] } }, [...mms.description, ...statusCode.description]),
			...updateDisplayOptions({ show: { api: ['rest'] } }, [...conversation.description, ...sender.description, ...blacklist.description]),
			...account.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
