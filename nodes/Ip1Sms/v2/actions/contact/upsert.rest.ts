import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { phoneNumberField, runRestCall } from '../../rest/reads';
import { additionalFields, contactOutput, createdOutput, createOptions, readNewContact } from './contactFields';

export const option = {
	name: 'Upsert',
	description: 'Update the contact with this phone number, or create it when there is none; the output says which',
	action: 'Create or update contact',
};

export const properties: INodeProperties[] = [
	phoneNumberField('The phone number that finds the contact (and the new contact\'s number)'),
	additionalFields,
	createOptions,
];

/**
 * Finds the contacts with the number: updates the first (oldest) one, or creates a contact. `action`
 * says which; `matches` how many contacts had the number, when more than one.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(
		this,
		items,
		(i) => readNewContact(this, i),
		async ({ input, synchronous }, opts) => {
			const found = await gateway.findContactsByPhone(input.phoneNumber!, opts);
			if (found.length) {
				const updated = await gateway.updateContact(found[0].contactId, input, opts);
				return { action: 'updated', ...contactOutput(updated), ...(found.length > 1 ? { matches: found.length } : {}) };
			}
			return { action: 'created', ...createdOutput(await gateway.createContact(input, synchronous, opts), input) };
		},
	);
}
