// Wired into the node (version 2, REST API) and the router by the node: exports `description` and the
// operations `getAll`, `register`, `remove`, each `execute(this, items, gateway: Ip1RestGateway)`.
import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as register from './register.operation';
import * as remove from './remove.operation';

export { getAll, register, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sender'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the senders registered on the account',
				action: 'Get many senders',
			},
			{
				name: 'Register',
				value: 'register',
				description: 'Register a sender name or number so that messages can be sent from it',
				action: 'Register sender',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove a registered sender',
				action: 'Remove sender',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...register.description,
	...remove.description,
];
