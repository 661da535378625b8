import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { batchSendProperties } from '../../rest/sendFields';
import { sendCombined, sendLists } from '../../rest/runSend';
import { batchOptions } from './options';

export const option = batchOptions.send;

export const properties = batchSendProperties(false);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	const combine = this.getNodeParameter('mode', 0, 'list') === 'combine';
	return combine ? await sendCombined(this, items, gateway, false) : await sendLists(this, items, gateway, false);
}
