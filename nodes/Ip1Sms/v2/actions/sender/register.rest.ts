import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { runRestCall } from '../../rest/reads';
import { compact } from '../../../shared/output';
import { readSender, senderField } from './senderField';
import { readOptionsCollections } from '../../../shared/fields';

export const option = {
	name: 'Register',
	description: 'Register a sender name or number so that messages can be sent from it',
	action: 'Register sender',
};

export const properties: INodeProperties[] = [
	senderField('The sender name or number to register, as recipients will see it'),
	readOptionsCollections.rest,
];

/** Registers a sender so that messages may be sent from it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readSender(this, i), async (sender, opts) => {
		const registered = await gateway.registerSender(sender, opts);
		return compact({ sender: registered.sender, createdAt: registered.createdAt });
	});
}
