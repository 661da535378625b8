import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { Ip1InputError } from '../../../helpers/errors';
import { getItemParameter } from '../../../helpers/itemParameters';
import { readOptionsCollections } from '../../../shared/fields';
import { compact } from '../../../shared/output';
import { runRestCall } from '../../rest/reads';
import { checkContactId, readList } from '../contact/contactFields';
import { labelField, readLabel } from './labelField';

export const option = { name: 'Add Contacts', description: 'Put a label on contacts (a new label is made by using it)', action: 'Add contacts to label' };

export const properties: INodeProperties[] = [
	labelField('The label to put on the contacts'),
	{
		displayName: 'Contact IDs',
		name: 'contactIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 606312a5d233ab8484e18404, 606312a5d233ab8484e18405',
		description: 'IDs of the contacts, separated by commas (or an expression giving a list), e.g. from Contact → Create or Get Many',
	},
	readOptionsCollections.rest,
];

function readContactIds(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const ids = readList(getItemParameter(ctx, 'contactIds', itemIndex, '')).map((id) => checkContactId(id, 'Contact IDs'));
	if (!ids.length) throw new Ip1InputError('Contact IDs', 'Contact IDs is empty', 'Give at least one contact ID, e.g. mapped from Contact → Get Many.');
	return ids;
}

/** One request per item: the label on every contact it names. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => ({ label: readLabel(this, i), ids: readContactIds(this, i) }), async ({ label, ids }, opts) => {
		const summary = await gateway.addLabel(label, ids, opts);
		return compact({ label: summary.label, contactIds: ids, contactCount: summary.contactCount });
	});
}
