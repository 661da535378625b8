import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../gateway/types';
import { runPerItem } from '../../helpers/itemRunner';
import { showFor } from '../display';
import { readOptionsCollection } from '../idCalls';
import { readOptions, readTimeout } from '../params';
import { pagingFields, readPaging } from '../conversation/restReads';
import { batchFields } from './batchCalls';

export const description = showFor(['rest'], ['batch'], ['getAll'], [
	...pagingFields,
	{
		displayName: 'Newest First',
		name: 'newestFirst',
		type: 'boolean',
		default: true,
		description: 'Whether to return the newest batches first',
	},
	readOptionsCollection,
]);

/** One item per batch. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, {
		prepare: (i) => ({
			paging: readPaging(this, i),
			order: this.getNodeParameter('newestFirst', i, true) === false ? ('ASC' as const) : ('DESC' as const),
			opts: { itemIndex: i, timeout: readTimeout(readOptions(this, i)) },
		}),
		run: async ({ paging, order, opts }) => (await gateway.listBatches({ ...paging, order }, opts)).map(batchFields),
	});
}
