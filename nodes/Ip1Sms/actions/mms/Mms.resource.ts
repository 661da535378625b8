import type { INodeProperties } from 'n8n-workflow';

import * as getStatus from './getStatus.operation';
import * as send from './send.operation';

export { getStatus, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['mms'] } },
		options: [
			{ name: 'Get Status', value: 'getStatus', description: 'Get the delivery status of an MMS', action: 'Get the status of an MMS' },
			{ name: 'Send', value: 'send', description: 'Send an MMS with files from binary data', action: 'Send an MMS' },
		],
		default: 'send',
	},
	...send.description,
	...getStatus.description,
];
