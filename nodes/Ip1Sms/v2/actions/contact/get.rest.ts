import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { runRestCall } from '../../rest/reads';
import { contactIdField, contactOutput, readContactId } from './contactFields';

export const option = { name: 'Get', description: 'Get one contact by its ID', action: 'Get contact' };

export const properties: INodeProperties[] = [contactIdField, readOptionsCollections.rest];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readContactId(this, i), async (id, opts) => contactOutput(await gateway.getContact(id, opts)));
}
