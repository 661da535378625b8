import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { runPerItem } from '../../../helpers/itemRunner';
import { readOptionsCollections } from '../../../shared/fields';
import { readCallOptions } from '../../../shared/ids';
import { pagingFields, readPaging } from '../../../shared/paging';
import { batchFields } from './batchCalls';
import { batchOptions } from './options';

export const option = batchOptions.getAll;

export const properties = [
	...pagingFields,
	{
		displayName: 'Newest First',
		name: 'newestFirst',
		type: 'boolean' as const,
		default: true,
		description: 'Whether to return the newest batches first',
	},
	readOptionsCollections.rest,
];

/** One item per batch. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, {
		prepare: (i) => ({
			paging: readPaging(this, i),
			order: this.getNodeParameter('newestFirst', i, true) === false ? ('ASC' as const) : ('DESC' as const),
			opts: readCallOptions(this, i),
		}),
		run: async ({ paging, order, opts }) => (await gateway.listBatches({ ...paging, order }, opts)).map(batchFields),
	});
}
