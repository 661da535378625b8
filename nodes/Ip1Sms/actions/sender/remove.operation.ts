import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Ip1RestGateway } from '../../gateway/types';
import { readOptionsField, runRestCall } from '../conversation/restReads';
import { readSender, senderField } from './senderField';

const properties: INodeProperties[] = [senderField('The registered sender name or number to remove'), readOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['sender'], operation: ['remove'] } }, properties);

/** Removes a registered sender: messages can no longer be sent from it. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1RestGateway,
): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readSender(this, i), async (sender, opts) => {
		await gateway.removeSender(sender, opts);
		return { sender, removed: true };
	});
}
