import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { compact } from '../../../shared/output';
import { runRestCall } from '../../rest/reads';
import { readSender, senderField } from './senderField';

export const option = { name: 'Get', description: 'Get one registered sender', action: 'Get sender' };

export const properties = [senderField('The registered sender name or number to read'), readOptionsCollections.rest];

/** One item per input item: the sender as the account has it registered; an error for one it does not have. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readSender(this, i), async (sender, opts) => {
		const found = await gateway.getSender(sender, opts);
		return compact({ sender: found.sender, createdAt: found.createdAt });
	});
}
