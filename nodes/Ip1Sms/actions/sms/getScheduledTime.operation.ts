import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../gateway';
import { parseStockholmLocal } from '../../helpers/dates';
import { soapCall } from '../../gateway/soap/request';
import { idField } from '../common.descriptions';
import { showFor } from '../display';
import { readOptionsCollection, runIdCall } from '../idCalls';

export const description = showFor(['soap'], ['sms'], ['getScheduledTime'], [
	idField('SMS ID', 'smsId', 'The ID of a scheduled SMS, as returned by SMS → Schedule'),
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, 'soap', { name: 'smsId', field: 'SMS ID' }, async (id, opts) => {
		const { text } = await soapCall.call(this, gateway.creds, 'sms', 'tidpunkt', [{ name: 'id', text: id }], { ...opts, repeatable: true });
		const parsed = parseStockholmLocal(text);
		if (!parsed) return { id, scheduled: false, gatewayTime: text };
		return { id, scheduled: true, gatewayTime: text, sendAt: parsed.iso, sendAtUnix: parsed.unixSeconds };
	});
}
