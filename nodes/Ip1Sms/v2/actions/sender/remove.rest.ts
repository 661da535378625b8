import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { runRestCall } from '../../rest/reads';
import { readSender, senderField } from './senderField';
import { readOptionsCollections } from '../../../shared/fields';

export const option = {
	name: 'Remove',
	description: 'Remove a registered sender',
	action: 'Remove sender',
};

export const properties: INodeProperties[] = [senderField('The registered sender name or number to remove'), readOptionsCollections.rest];

/** Removes a registered sender: messages can no longer be sent from it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readSender(this, i), async (sender, opts) => {
		await gateway.removeSender(sender, opts);
		return { sender, removed: true };
	});
}
