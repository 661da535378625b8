import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { bundleProperties } from './bundle.descriptions';
import { sendBundle } from './bundleSend';

export const description = updateDisplayOptions(
	{ show: { resource: ['groupSms'], operation: ['send'] } },
	bundleProperties(false),
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendBundle.call(this, items, false);
}
