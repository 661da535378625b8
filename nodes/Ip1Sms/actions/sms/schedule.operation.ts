import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { AnyGateway } from '../../gateway';
import { showFor } from '../display';
import { smsSendProperties } from '../send/fields';
import { sendSingle } from '../send/runSend';
import { sendSingleSms, singleSendProperties } from './singleSend';

export const description = [
	...showFor(['soap'], ['sms'], ['schedule'], singleSendProperties('scheduled')),
	...showFor(['rest'], ['sms'], ['schedule'], smsSendProperties(true)),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: AnyGateway): Promise<INodeExecutionData[]> {
	if (gateway.api === 'soap') return await sendSingleSms.call(this, items, 'scheduled', gateway);
	return await sendSingle(this, items, gateway, true);
}
