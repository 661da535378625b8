import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { smsSendProperties } from '../../rest/sendFields';
import { sendSingle } from '../../rest/runSend';

export const option = { name: 'Schedule', description: 'Send an SMS to one recipient at a later time', action: 'Schedule SMS' };

export const properties = smsSendProperties(true);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await sendSingle(this, items, gateway, true);
}
