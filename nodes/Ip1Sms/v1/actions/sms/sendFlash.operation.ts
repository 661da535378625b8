import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { sendSingleSms, singleSendProperties } from '../../../shared/soap/singleSend';

export const option = {
	name: 'Send Flash',
	description: 'Send a flash SMS, shown at once and not stored on the phone',
	action: 'Send a flash SMS',
};

export const properties = singleSendProperties('flash');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await sendSingleSms.call(this, items, 'flash', gateway);
}
