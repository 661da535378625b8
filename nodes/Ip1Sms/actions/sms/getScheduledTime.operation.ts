import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../gateway';
import { idField } from '../common.descriptions';
import { showFor } from '../display';
import { readOptionsCollection, runIdCall } from '../idCalls';

export const description = showFor(['soap'], ['sms'], ['getScheduledTime'], [
	idField('SMS ID', 'smsId', 'The ID of a scheduled SMS, as returned by SMS → Schedule'),
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, 'soap', { name: 'smsId', field: 'SMS ID' }, async (id, opts) => {
		const { raw, sendAt } = await gateway.getScheduledTime(id, opts);
		if (!sendAt) return { id, scheduled: false, gatewayTime: raw };
		return { id, scheduled: true, gatewayTime: raw, sendAt: sendAt.iso, sendAtUnix: sendAt.unixSeconds };
	});
}
