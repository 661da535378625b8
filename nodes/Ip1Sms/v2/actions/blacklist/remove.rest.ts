import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { phoneNumberField, readPhoneNumber, runRestCall } from '../../rest/reads';
import { readOptionsCollections } from '../../../shared/fields';

export const option = {
	name: 'Remove',
	description: 'Remove a phone number from the blacklist so that it can receive messages again',
	action: 'Remove number from blacklist',
};

export const properties: INodeProperties[] = [
	phoneNumberField('The blacklisted phone number that may receive messages again'),
	readOptionsCollections.rest,
];

/** Removes a number from the blacklist. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readPhoneNumber(this, i), async (phoneNumber, opts) => {
		await gateway.removeFromBlacklist(phoneNumber, opts);
		return { phoneNumber, removed: true };
	});
}
