import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { bundleProperties } from '../../../shared/soap/bundleFields';
import { sendBundle } from '../../../shared/soap/bundleSend';

export const option = { name: 'Send', description: 'Send one message to many recipients', action: 'Send a group SMS' };

export const properties = bundleProperties(false);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await sendBundle.call(this, items, false, gateway);
}
