import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { smsSendProperties } from '../../rest/sendFields';
import { sendSingle } from '../../rest/runSend';

export const option = { name: 'Send', description: 'Send an SMS to one recipient per item (Type: SMS or Flash)', action: 'Send SMS' };

export const properties = smsSendProperties(false);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await sendSingle(this, items, gateway, false);
}
