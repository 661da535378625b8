import type { INodeProperties } from 'n8n-workflow';

import { operationParameter } from '../display';
import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMessages from './getMessages.operation';
import * as schedule from './schedule.operation';
import * as send from './send.operation';

export { cancel, get, getAll, getMessages, schedule, send };

export const restOperations = {
	cancel: { name: 'Cancel', description: 'Cancel the messages of a batch that still wait to be sent', action: 'Cancel batch' },
	get: { name: 'Get', description: 'Get a batch with its price and its message counts per status', action: 'Get batch' },
	getAll: { name: 'Get Many', description: 'Get the batches sent from the account', action: 'Get many batches' },
	getMessages: { name: 'Get Messages', description: 'Get every message of a batch with its status', action: 'Get batch messages' },
	schedule: { name: 'Schedule', description: 'Send one message to many recipients at a later time', action: 'Schedule batch' },
	send: { name: 'Send', description: 'Send one message to many recipients', action: 'Send batch' },
};

export const soapOperations = {
	cancel: restOperations.cancel,
	getMessages: restOperations.getMessages,
	schedule: restOperations.schedule,
	send: restOperations.send,
};

export const description: INodeProperties[] = [
	operationParameter(['rest'], ['batch'], restOperations, 'send'),
	operationParameter(['soap'], ['batch'], soapOperations, 'send'),
	...send.description,
	...schedule.description,
	...get.description,
	...getAll.description,
	...getMessages.description,
	...cancel.description,
];
