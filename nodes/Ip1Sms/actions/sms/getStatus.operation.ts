import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { AnyGateway } from '../../gateway';
import { runPerItem } from '../../helpers/itemRunner';
import { idField } from '../common.descriptions';
import { showFor } from '../display';
import { checkIdFor, readOptionsCollection, runStatusCall } from '../idCalls';
import { readOptions, readString, readTimeout } from '../params';
import { batchIdField } from '../batch/batchCalls';
import { messageFields } from '../send/sendOutput';

export const description = [
	...showFor(['soap'], ['sms'], ['getStatus'], [
		idField('SMS ID', 'smsId', 'The ID iP.1 returned when the SMS was sent'),
		readOptionsCollection,
	]),
	...showFor(['rest'], ['sms'], ['getStatus'], [
		batchIdField('The Batch ID from the output of SMS → Send or Schedule'),
		{ ...idField('Message ID', 'messageId', 'The Message ID from the output of SMS → Send or Schedule'), placeholder: 'e.g. 5bcf4324ee47dee41a9dbb13' },
		readOptionsCollection,
	]),
];

/** Version 1 and SOAP: the status code; REST: the message with its status history. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: AnyGateway): Promise<INodeExecutionData[]> {
	if (gateway.api === 'soap') return await runStatusCall.call(this, items, gateway, { name: 'smsId', field: 'SMS ID' }, 'sms');
	return await runPerItem(this, items, {
		prepare: (i) => ({
			batchId: checkIdFor('rest', readString(this, 'batchId', i), 'Batch ID'),
			messageId: checkIdFor('rest', readString(this, 'messageId', i), 'Message ID'),
			opts: { itemIndex: i, timeout: readTimeout(readOptions(this, i)) },
		}),
		run: async ({ batchId, messageId, opts }) => messageFields(await gateway.getMessage(messageId, batchId, opts)),
	});
}
