import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { runPerItem } from '../../../helpers/itemRunner';
import { idField, readOptionsCollections } from '../../../shared/fields';
import { checkRestId, readCallOptions } from '../../../shared/ids';
import { messageFields } from '../../../shared/output';
import { readString } from '../../../shared/params';
import { batchIdField } from '../batch/batchCalls';

export const option = {
	name: 'Get Status',
	description: 'Get an SMS with its delivery status and status history',
	action: 'Get SMS status',
};

export const properties = [
	batchIdField('The Batch ID from the output of SMS → Send or Schedule'),
	{ ...idField('Message ID', 'messageId', 'The Message ID from the output of SMS → Send or Schedule'), placeholder: 'e.g. 5bcf4324ee47dee41a9dbb13' },
	readOptionsCollections.rest,
];

/** The message with its status history. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, {
		prepare: (i) => ({
			batchId: checkRestId(readString(this, 'batchId', i), 'Batch ID'),
			messageId: checkRestId(readString(this, 'messageId', i), 'Message ID'),
			opts: readCallOptions(this, i),
		}),
		run: async ({ batchId, messageId, opts }) => messageFields(await gateway.getMessage(messageId, batchId, opts)),
	});
}
