// Wired into the node (version 2, REST API) and the router by the node: exports `description` and the
// operations `getAll`, `add`, `remove`, each `execute(this, items, gateway: Ip1RestGateway)`.
import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export { add, getAll, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blacklist'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add a phone number that must never receive messages from this account',
				action: 'Add number to blacklist',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the blacklisted phone numbers (added here, or by a STOP reply)',
				action: 'Get many blacklisted numbers',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove a phone number from the blacklist so that it can receive messages again',
				action: 'Remove number from blacklist',
			},
		],
		default: 'getAll',
	},
	...add.description,
	...getAll.description,
	...remove.description,
];
