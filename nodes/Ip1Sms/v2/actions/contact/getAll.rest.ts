import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { pagingFields, readPaging } from '../../../shared/paging';
import { readString } from '../../../shared/params';
import { runRestCall } from '../../rest/reads';
import { contactOutput } from './contactFields';

export const option = { name: 'Get Many', description: 'Get the contacts, optionally only those with a label', action: 'Get many contacts' };

export const properties: INodeProperties[] = [
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		placeholder: 'e.g. customers',
		description: 'Only contacts with this label. Empty: every contact.',
	},
	...pagingFields,
	readOptionsCollections.rest,
];

/** One output item per contact. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(
		this,
		items,
		(i) => ({ ...readPaging(this, i), label: readString(this, 'label', i).trim() || undefined }),
		async (paging, opts) => (await gateway.listContacts(paging, opts)).map(contactOutput),
	);
}
