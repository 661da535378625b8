import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Ip1RestGateway } from '../../gateway/types';
import { phoneNumberField, readOptionsField, readPhoneNumber, runRestCall } from '../conversation/restReads';
import { entryOutput } from './entryOutput';

const properties: INodeProperties[] = [
	phoneNumberField('The phone number that must never receive messages from this account'),
	readOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['add'] } }, properties);

/** Adds a number to the blacklist: iP.1 refuses every later message to it. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1RestGateway,
): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readPhoneNumber(this, i), async (phoneNumber, opts) =>
		entryOutput(await gateway.addToBlacklist(phoneNumber, opts)),
	);
}
