import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Ip1InputError, mustBeTitle } from '../../../helpers/errors';
import { getItemParameter } from '../../../helpers/itemParameters';
import type { Ip1RestGateway } from '../../../gateway';
import {
	conversationMessage,
	phoneNumberField,
	readPhoneNumber,
	runRestCall,
} from '../../rest/reads';
import { readOptionsCollections } from '../../../shared/fields';
import { pagingFields, readPaging } from '../../../shared/paging';

const DIRECTIONS = ['all', 'incoming', 'outgoing'] as const;
type Direction = (typeof DIRECTIONS)[number];

export const option = {
	name: 'Get Messages',
	description: 'Get the messages sent to and received from a phone number',
	action: 'Get conversation messages',
};

export const properties: INodeProperties[] = [
	phoneNumberField('The other party of the conversation: the phone number your messages went to or came from'),
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All', value: 'all', description: 'Messages sent to the number and received from it' },
			{ name: 'Incoming', value: 'incoming', description: 'Only messages received from the number' },
			{ name: 'Outgoing', value: 'outgoing', description: 'Only messages sent to the number' },
		],
		description: 'Which messages of the conversation to return',
	},
	...pagingFields,
	readOptionsCollections.rest,
];

export function readDirection(ctx: IExecuteFunctions, itemIndex: number): Direction {
	const value = getItemParameter(ctx, 'direction', itemIndex, 'all');
	if (!DIRECTIONS.includes(value as Direction)) {
		throw new Ip1InputError(
			'Direction',
			mustBeTitle('Direction', 'all, incoming or outgoing', String(value)),
			'Choose All, Incoming or Outgoing.',
		);
	}
	return value as Direction;
}

/** One output item per message, latest status each, paired to the input item. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(
		this,
		items,
		(i) => ({ phoneNumber: readPhoneNumber(this, i), direction: readDirection(this, i), paging: readPaging(this, i) }),
		async (p, opts) => (await gateway.getConversation(p.phoneNumber, p.direction, p.paging, opts)).map(conversationMessage),
	);
}
