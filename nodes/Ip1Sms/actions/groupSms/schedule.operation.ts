import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { fromField, messageField, sendAtField } from '../common.descriptions';
import { bundleOptions, modeField, recipientField, recipientsField, templateFieldsField } from './bundle.descriptions';
import { sendBundle } from './bundleSend';

const properties: INodeProperties[] = [
	modeField,
	recipientsField,
	recipientField,
	fromField,
	messageField,
	templateFieldsField,
	sendAtField,
	bundleOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['groupSms'], operation: ['schedule'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendBundle.call(this, items, true);
}
