import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../gateway';
import { showFor } from '../display';
import { sendSingleSms, singleSendProperties } from './singleSend';

/** SOAP only: under REST, Flash is SMS → Send's Type option. */
export const description = showFor(['soap'], ['sms'], ['sendFlash'], singleSendProperties('flash'));

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await sendSingleSms.call(this, items, 'flash', gateway);
}
