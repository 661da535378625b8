/* Return All / Limit over an API's paging: Batch → Get Messages (both APIs) and the REST lists. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { Ip1InputError, mustBeTitle } from '../helpers/errors';
import { getItemParameter } from '../helpers/itemParameters';
import type { Paging } from '../gateway/types';

export const pagingFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export function readPaging(ctx: IExecuteFunctions, itemIndex: number): Paging {
	const returnAll = getItemParameter(ctx, 'returnAll', itemIndex, false);
	if (typeof returnAll !== 'boolean') {
		throw new Ip1InputError(
			'Return All',
			mustBeTitle('Return All', 'true or false', String(returnAll)),
			'Switch Return All on or off, or map true or false.',
		);
	}
	if (returnAll) return { returnAll, limit: 0 };
	const raw = getItemParameter(ctx, 'limit', itemIndex, 50);
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		throw new Ip1InputError('Limit', 'Limit is empty', 'Set Limit to how many results to return, or switch on Return All.');
	}
	const limit = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new Ip1InputError(
			'Limit',
			mustBeTitle('Limit', 'a whole number of 1 or more', String(raw)),
			'Set Limit to how many results to return, or switch on Return All.',
		);
	}
	return { returnAll, limit };
}
