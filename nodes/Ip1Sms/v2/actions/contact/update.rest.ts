import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { Ip1InputError } from '../../../helpers/errors';
import { readOptionsCollections } from '../../../shared/fields';
import { runRestCall } from '../../rest/reads';
import { contactIdField, contactOutput, readContactId, readContactInput, updateFields } from './contactFields';

export const option = { name: 'Update', description: 'Change fields of a contact; the fields left out keep their values', action: 'Update contact' };

export const properties: INodeProperties[] = [contactIdField, updateFields, readOptionsCollections.rest];

/** A partial update per item: only the fields given change. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(
		this,
		items,
		(i) => {
			const input = readContactInput(this, i, 'collection');
			if (Object.keys(input).length === 0) {
				throw new Ip1InputError('Update Fields', 'Update Fields is empty', 'Add the fields to change under Update Fields, e.g. First Name.');
			}
			return { id: readContactId(this, i), input };
		},
		async ({ id, input }, opts) => contactOutput(await gateway.updateContact(id, input, opts)),
	);
}
