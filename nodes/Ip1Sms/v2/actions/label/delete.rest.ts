import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { readOptionsCollections } from '../../../shared/fields';
import { compact } from '../../../shared/output';
import { runRestCall } from '../../rest/reads';
import { labelField, readLabel } from './labelField';

export const option = { name: 'Delete', description: 'Remove a label from every contact that has it; the contacts stay', action: 'Delete label' };

export const properties: INodeProperties[] = [labelField('The label to remove from every contact'), readOptionsCollections.rest];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readLabel(this, i), async (label, opts) => {
		const summary = await gateway.deleteLabel(label, opts);
		return compact({ label: summary.label, deleted: true, contactCount: summary.contactCount });
	});
}
