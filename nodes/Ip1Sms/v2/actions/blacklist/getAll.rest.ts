import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { runRestCall } from '../../rest/reads';
import { entryOutput } from './entryOutput';
import { readOptionsCollections } from '../../../shared/fields';
import { pagingFields, readPaging } from '../../../shared/paging';

export const option = {
	name: 'Get Many',
	description: 'Get the blacklisted phone numbers (added here, or by a STOP reply)',
	action: 'Get many blacklisted numbers',
};

export const properties: INodeProperties[] = [...pagingFields, readOptionsCollections.rest];

/** One output item per blacklisted number. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readPaging(this, i), async (paging, opts) =>
		(await gateway.listBlacklist(paging, opts)).map(entryOutput),
	);
}
