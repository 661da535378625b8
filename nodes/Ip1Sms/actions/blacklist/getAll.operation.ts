import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Ip1RestGateway } from '../../gateway/types';
import { pagingFields, readOptionsField, readPaging, runRestCall } from '../conversation/restReads';
import { entryOutput } from './entryOutput';

const properties: INodeProperties[] = [...pagingFields, readOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['getAll'] } }, properties);

/** One output item per blacklisted number. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1RestGateway,
): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => readPaging(this, i), async (paging, opts) =>
		(await gateway.listBlacklist(paging, opts)).map(entryOutput),
	);
}
