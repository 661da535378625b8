import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { sendSingleSms, singleSendProperties } from './singleSend';

export const description = updateDisplayOptions(
	{ show: { resource: ['sms'], operation: ['sendFlash'] } },
	singleSendProperties('flash'),
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendSingleSms.call(this, items, 'flash');
}
