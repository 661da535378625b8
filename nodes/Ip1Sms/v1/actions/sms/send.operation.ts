import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { sendSingleSms, singleSendProperties } from '../../../shared/soap/singleSend';

export const option = { name: 'Send', description: 'Send an SMS to one recipient', action: 'Send an SMS' };

export const properties = singleSendProperties('sms');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await sendSingleSms.call(this, items, 'sms', gateway);
}
