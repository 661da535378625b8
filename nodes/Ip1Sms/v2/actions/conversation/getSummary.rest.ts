import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { phoneNumberField, readPhoneNumber, runRestCall } from '../../rest/reads';
import { readOptionsCollections } from '../../../shared/fields';
import { statusCountFields } from '../../../shared/output';

export const option = {
	name: 'Get Summary',
	description: 'Count the messages sent to and received from a phone number, per status',
	action: 'Get conversation summary',
};

export const properties: INodeProperties[] = [
	phoneNumberField('The other party of the conversation: the phone number your messages went to or came from'),
	readOptionsCollections.rest,
];

/** Message and SMS-part counts per status, for each direction. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readPhoneNumber(this, i), async (phoneNumber, opts) => {
		const summary = await gateway.getConversationSummary(phoneNumber, opts);
		return {
			phoneNumber: summary.participant,
			totalMessages: summary.totalMessages,
			totalSegments: summary.totalSegments,
			outgoing: statusCountFields(summary.outgoing),
			incoming: statusCountFields(summary.incoming),
		};
	});
}
