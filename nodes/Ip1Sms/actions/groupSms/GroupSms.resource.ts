import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as getStatus from './getStatus.operation';
import * as schedule from './schedule.operation';
import * as send from './send.operation';

export { cancel, getStatus, schedule, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['groupSms'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a scheduled group SMS', action: 'Cancel a scheduled group SMS' },
			{ name: 'Get Status', value: 'getStatus', description: 'Get the status of every message of a group SMS', action: 'Get the status of a group SMS' },
			{ name: 'Schedule', value: 'schedule', description: 'Send one message to many recipients at a later time', action: 'Schedule a group SMS' },
			{ name: 'Send', value: 'send', description: 'Send one message to many recipients', action: 'Send a group SMS' },
		],
		default: 'send',
	},
	...send.description,
	...schedule.description,
	...cancel.description,
	...getStatus.description,
];
