import type { INodeProperties } from 'n8n-workflow';

import * as describe from './describe.operation';

export { describe };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['statusCode'] } },
		options: [
			{ name: 'Describe', value: 'describe', description: 'Get the meaning of a status code', action: 'Describe a status code' },
		],
		default: 'describe',
	},
	...describe.description,
];
