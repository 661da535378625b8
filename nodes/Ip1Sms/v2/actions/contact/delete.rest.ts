import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { runRestCall } from '../../rest/reads';
import { contactIdField, readContactId } from './contactFields';

export const option = { name: 'Delete', description: 'Delete a contact from the iP.1 address book', action: 'Delete contact' };

export const properties: INodeProperties[] = [contactIdField, readOptionsCollections.rest];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readContactId(this, i), async (contactId, opts) => {
		await gateway.deleteContact(contactId, opts);
		return { contactId, deleted: true };
	});
}
