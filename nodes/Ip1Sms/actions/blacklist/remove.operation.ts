import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Ip1RestGateway } from '../../gateway/types';
import { phoneNumberField, readOptionsField, readPhoneNumber, runRestCall } from '../conversation/restReads';

const properties: INodeProperties[] = [
	phoneNumberField('The blacklisted phone number that may receive messages again'),
	readOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['remove'] } }, properties);

/** Removes a number from the blacklist. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1RestGateway,
): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readPhoneNumber(this, i), async (phoneNumber, opts) => {
		await gateway.removeFromBlacklist(phoneNumber, opts);
		return { phoneNumber, removed: true };
	});
}
