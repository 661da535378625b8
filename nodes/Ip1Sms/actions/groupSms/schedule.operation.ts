import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../gateway';
import { showFor } from '../display';
import { bundleProperties } from './bundle.descriptions';
import { sendBundle } from './bundleSend';

/** Version 1's Group Message → Schedule, and Batch → Schedule under SOAP in version 2. */
export const description = showFor(['soap'], ['groupSms', 'batch'], ['schedule'], bundleProperties(true));

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await sendBundle.call(this, items, true, gateway);
}
