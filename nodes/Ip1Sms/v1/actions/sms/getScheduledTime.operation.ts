import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { idField, readOptionsCollections } from '../../../shared/fields';
import { checkSoapId, runIdCall } from '../../../shared/ids';

export const option = {
	name: 'Get Scheduled Time',
	description: 'Get when a scheduled SMS will be sent',
	action: 'Get the scheduled time of an SMS',
};

export const properties = [
	idField('SMS ID', 'smsId', 'The ID of a scheduled SMS, as returned by SMS → Schedule'),
	readOptionsCollections.soap,
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, { name: 'smsId', field: 'SMS ID', check: checkSoapId }, async (id, opts) => {
		const { raw, sendAt } = await gateway.getScheduledTime(id, opts);
		if (!sendAt) return { id, scheduled: false, gatewayTime: raw };
		return { id, scheduled: true, gatewayTime: raw, sendAt: sendAt.iso, sendAtUnix: sendAt.unixSeconds };
	});
}
