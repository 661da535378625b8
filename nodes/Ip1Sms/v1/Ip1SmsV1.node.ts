import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { createSoapGateway } from '../gateway';
import { versionDescription } from '../shared/description';
import { findOperation, registryProperties, unknownAction } from '../shared/registry';
import { registry } from './actions/registry';

const RESOURCE_NAMES = {
	account: 'Account',
	groupSms: 'Group Message',
	mms: 'MMS Message',
	sms: 'SMS',
	statusCode: 'Status Code',
};

/**
 * Version 1: the SOAP web services and URL call of iP.1's manuals. Frozen: its parameters, outputs and
 * errors do not change. Its icon is the base description's (Ip1Sms.node.ts); Ip1Sms checks it as an INodeType.
 */
export class Ip1SmsV1 {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = versionDescription(baseDescription, 1, RESOURCE_NAMES, {
			credentials: [{ name: 'ip1SmsApi', required: true }],
			properties: [
				{
					// Version 1 speaks only the SOAP web service; saved workflows carry no other value.
					displayName: 'API',
					name: 'api',
					type: 'hidden',
					default: 'soap',
				},
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
				...registryProperties(registry),
			],
		});
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const action = findOperation(registry, resource, operation);
		if (!action) throw unknownAction(this.getNode(), resource, operation);
		return [await action.execute.call(this, this.getInputData(), await createSoapGateway(this))];
	}
}
