import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { AnyGateway } from '../../gateway';
import { showFor } from '../display';
import { sendBundle } from '../groupSms/bundleSend';
import { batchSendProperties } from '../send/fields';
import { sendCombined, sendLists } from '../send/runSend';

/** Under SOAP the fields are Group Message → Schedule's (actions/groupSms), shown for Batch too. */
export const description = showFor(['rest'], ['batch'], ['schedule'], batchSendProperties(true));

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: AnyGateway): Promise<INodeExecutionData[]> {
	if (gateway.api === 'soap') return await sendBundle.call(this, items, true, gateway);
	const combine = this.getNodeParameter('mode', 0, 'list') === 'combine';
	return combine ? await sendCombined(this, items, gateway, true) : await sendLists(this, items, gateway, true);
}
