import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as groupSms from './actions/groupSms/GroupSms.resource';
import * as mms from './actions/mms/Mms.resource';
import { router } from './actions/router';
import * as sms from './actions/sms/Sms.resource';
import * as statusCode from './actions/statusCode/StatusCode.resource';

export class Ip1Sms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iP.1 SMS',
		name: 'ip1Sms',
		icon: { light: 'file:../../icons/ip1.svg', dark: 'file:../../icons/ip1.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send, schedule, cancel and track SMS and MMS through the iP.1 SMS gateway',
		defaults: { name: 'iP.1 SMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ip1SmsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Group Message', value: 'groupSms', description: 'One message to many recipients (an iP.1 bundle)' },
					{ name: 'MMS Message', value: 'mms' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'Status Code', value: 'statusCode' },
				],
				default: 'sms',
			},
			...sms.description,
			...groupSms.description,
			...mms.description,
			...account.description,
			...statusCode.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
