// Wired into the node (version 2, REST API) and the router by the node: exports `description` and the
// operations `getMessages`, `getSummary`, each `execute(this, items, gateway: Ip1RestGateway)`.
import type { INodeProperties } from 'n8n-workflow';

import * as getMessages from './getMessages.operation';
import * as getSummary from './getSummary.operation';

export { getMessages, getSummary };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Get Messages',
				value: 'getMessages',
				description: 'Get the messages sent to and received from a phone number',
				action: 'Get messages of a conversation',
			},
			{
				name: 'Get Summary',
				value: 'getSummary',
				description: 'Count the messages sent to and received from a phone number, per status',
				action: 'Get summary of a conversation',
			},
		],
		default: 'getMessages',
	},
	...getMessages.description,
	...getSummary.description,
];
