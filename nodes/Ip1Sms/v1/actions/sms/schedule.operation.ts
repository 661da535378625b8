import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { sendSingleSms, singleSendProperties } from '../../../shared/soap/singleSend';

export const option = { name: 'Schedule', description: 'Send an SMS at a later time', action: 'Schedule an SMS' };

export const properties = singleSendProperties('scheduled');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await sendSingleSms.call(this, items, 'scheduled', gateway);
}
