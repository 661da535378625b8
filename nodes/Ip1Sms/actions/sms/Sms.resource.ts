import type { INodeProperties } from 'n8n-workflow';

import { operationParameter } from '../display';
import * as cancel from './cancel.operation';
import * as getScheduledTime from './getScheduledTime.operation';
import * as getStatus from './getStatus.operation';
import * as schedule from './schedule.operation';
import * as send from './send.operation';
import * as sendFlash from './sendFlash.operation';

export { cancel, getScheduledTime, getStatus, schedule, send, sendFlash };

export const soapOperations = {
	cancel: { name: 'Cancel', description: 'Cancel a scheduled SMS', action: 'Cancel a scheduled SMS' },
	getScheduledTime: { name: 'Get Scheduled Time', description: 'Get when a scheduled SMS will be sent', action: 'Get the scheduled time of an SMS' },
	getStatus: { name: 'Get Status', description: 'Get the delivery status of an SMS', action: 'Get the status of an SMS' },
	schedule: { name: 'Schedule', description: 'Send an SMS at a later time', action: 'Schedule an SMS' },
	send: { name: 'Send', description: 'Send an SMS to one recipient', action: 'Send an SMS' },
	sendFlash: { name: 'Send Flash', description: 'Send a flash SMS, shown at once and not stored on the phone', action: 'Send a flash SMS' },
};

export const restOperations = {
	cancel: { name: 'Cancel', description: 'Cancel a scheduled SMS that has not gone out yet', action: 'Cancel scheduled SMS' },
	getStatus: { name: 'Get Status', description: 'Get an SMS with its delivery status and status history', action: 'Get SMS status' },
	schedule: { name: 'Schedule', description: 'Send an SMS to one recipient at a later time', action: 'Schedule SMS' },
	send: { name: 'Send', description: 'Send an SMS to one recipient per item (Type: SMS or Flash)', action: 'Send SMS' },
};

export const description: INodeProperties[] = [
	// REST first: n8n's nodes panel lists the actions of the first Operation parameter of a resource
	operationParameter(['rest'], ['sms'], restOperations, 'send'),
	operationParameter(['soap'], ['sms'], soapOperations, 'send'),
	...send.description,
	...sendFlash.description,
	...schedule.description,
	...cancel.description,
	...getStatus.description,
	...getScheduledTime.description,
];
