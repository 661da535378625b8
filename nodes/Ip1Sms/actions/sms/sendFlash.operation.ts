import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	fromField,
	maxSegmentsOption,
	messageField,
	parallelRequestsOption,
	priorityOption,
	timeoutOption,
	toField,
	transportOption,
} from '../common.descriptions';
import { sendSingleSms } from './singleSend';

const properties: INodeProperties[] = [
	toField,
	fromField,
	messageField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [maxSegmentsOption, parallelRequestsOption, priorityOption, timeoutOption, transportOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['sendFlash'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendSingleSms.call(this, items, 'flash');
}
