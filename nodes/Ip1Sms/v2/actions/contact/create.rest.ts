import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { phoneNumberField, runRestCall } from '../../rest/reads';
import { additionalFields, createdOutput, createOptions, readNewContact } from './contactFields';

export const option = {
	name: 'Create',
	description: 'Add a contact to the iP.1 address book; waits for the import by default, so that the output has its ID',
	action: 'Create contact',
};

export const properties: INodeProperties[] = [phoneNumberField("The contact's phone number"), additionalFields, createOptions];

/** One contact per item. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readNewContact(this, i), async ({ input, synchronous }, opts) =>
		createdOutput(await gateway.createContact(input, synchronous, opts), input),
	);
}
