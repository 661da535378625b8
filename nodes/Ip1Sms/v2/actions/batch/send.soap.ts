import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { bundleProperties, combineNoticeSoapChecked } from '../../../shared/soap/bundleFields';
import { sendBundle } from '../../../shared/soap/bundleSend';
import { batchOptions } from './options';

/** The fields and the send of version 1's Group Message → Send (an iP.1 bundle). */
export const option = batchOptions.send;

export const properties = bundleProperties(false, combineNoticeSoapChecked);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await sendBundle.call(this, items, false, gateway);
}
