import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { fromField, messageField } from '../common.descriptions';
import { bundleOptions, modeField, recipientField, recipientsField, templateFieldsField } from './bundle.descriptions';
import { sendBundle } from './bundleSend';

const properties: INodeProperties[] = [
	modeField,
	recipientsField,
	recipientField,
	fromField,
	messageField,
	templateFieldsField,
	bundleOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['groupSms'], operation: ['send'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendBundle.call(this, items, false);
}
