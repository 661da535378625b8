import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { phoneNumberField, readPhoneNumber, runRestCall } from '../../rest/reads';
import { entryOutput } from './entryOutput';
import { readOptionsCollections } from '../../../shared/fields';

export const option = {
	name: 'Add',
	description: 'Add a phone number that must never receive messages from this account',
	action: 'Add number to blacklist',
};

export const properties: INodeProperties[] = [
	phoneNumberField('The phone number that must never receive messages from this account'),
	readOptionsCollections.rest,
];

/** Adds a number to the blacklist: iP.1 refuses every later message to it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readPhoneNumber(this, i), async (phoneNumber, opts) =>
		entryOutput(await gateway.addToBlacklist(phoneNumber, opts)),
	);
}
