import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as getScheduledTime from './getScheduledTime.operation';
import * as getStatus from './getStatus.operation';
import * as schedule from './schedule.operation';
import * as send from './send.operation';
import * as sendFlash from './sendFlash.operation';

export { cancel, getScheduledTime, getStatus, schedule, send, sendFlash };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a scheduled SMS', action: 'Cancel a scheduled SMS' },
			{ name: 'Get Scheduled Time', value: 'getScheduledTime', description: 'Get when a scheduled SMS will be sent', action: 'Get the scheduled time of an SMS' },
			{ name: 'Get Status', value: 'getStatus', description: 'Get the delivery status of an SMS', action: 'Get the status of an SMS' },
			{ name: 'Schedule', value: 'schedule', description: 'Send an SMS at a later time', action: 'Schedule an SMS' },
			{ name: 'Send', value: 'send', description: 'Send an SMS to one recipient', action: 'Send an SMS' },
			{ name: 'Send Flash', value: 'sendFlash', description: 'Send a flash SMS, shown at once and not stored on the phone', action: 'Send a flash SMS' },
		],
		default: 'send',
	},
	...send.description,
	...sendFlash.description,
	...schedule.description,
	...cancel.description,
	...getStatus.description,
	...getScheduledTime.description,
];
