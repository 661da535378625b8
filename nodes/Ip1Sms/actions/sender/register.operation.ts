import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Ip1RestGateway } from '../../gateway/types';
import { readOptionsField, runRestCall } from '../conversation/restReads';
import { compact } from '../send/sendOutput';
import { readSender, senderField } from './senderField';

const properties: INodeProperties[] = [
	senderField('The sender name or number to register, as recipients will see it'),
	readOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['sender'], operation: ['register'] } }, properties);

/** Registers a sender so that messages may be sent from it. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1RestGateway,
): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readSender(this, i), async (sender, opts) => {
		const registered = await gateway.registerSender(sender, opts);
		return compact({ sender: registered.sender, createdAt: registered.createdAt });
	});
}
