import type { INodeProperties } from 'n8n-workflow';

import { operationParameter } from '../display';
import * as cancel from './cancel.operation';
import * as getStatus from './getStatus.operation';
import * as schedule from './schedule.operation';
import * as send from './send.operation';

export { cancel, getStatus, schedule, send };

/** Version 1 only: version 2 calls a group send a Batch (actions/batch). */
export const operations = {
	cancel: { name: 'Cancel', description: 'Cancel a scheduled group SMS', action: 'Cancel a scheduled group SMS' },
	getStatus: { name: 'Get Status', description: 'Get the status of every message of a group SMS', action: 'Get the status of a group SMS' },
	schedule: { name: 'Schedule', description: 'Send one message to many recipients at a later time', action: 'Schedule a group SMS' },
	send: { name: 'Send', description: 'Send one message to many recipients', action: 'Send a group SMS' },
};

export const description: INodeProperties[] = [
	operationParameter(['soap'], ['groupSms'], operations, 'send'),
	...send.description,
	...schedule.description,
	...cancel.description,
	...getStatus.description,
];
