import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import type { SmsTemplate } from '../../../gateway/types';
import { Ip1InputError, quoteValue } from '../../../helpers/errors';
import { readOptionsCollections } from '../../../shared/fields';
import { compact } from '../../../shared/output';
import { pagingFields, readPaging } from '../../../shared/paging';
import { readString } from '../../../shared/params';
import { runRestCall } from '../../rest/reads';

export const option = {
	name: 'Get Many',
	description: "Get the account's SMS templates, optionally of one category",
	action: 'Get many SMS templates',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		default: '',
		placeholder: 'e.g. /orders',
		description: 'Only templates of this category, written as in iP.1: / or /name, e.g. /orders or /orders/returns. Empty: every template.',
	},
	...pagingFields,
	readOptionsCollections.rest,
];

export const templateOutput = (t: SmsTemplate) =>
	compact({ templateId: t.templateId, name: t.name, category: t.category, pinned: t.pinned, body: t.body, createdAt: t.createdAt, modifiedAt: t.modifiedAt });

function readCategory(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const category = readString(ctx, 'category', itemIndex).trim();
	if (!category) return undefined;
	if (!/^\/$|^(\/[^/]+)+$/.test(category)) {
		throw new Ip1InputError('Category', `Category ${quoteValue(category)} is not written as iP.1 writes categories`, 'Start with a slash and separate levels with slashes, e.g. /orders or /orders/returns (no slash at the end).');
	}
	return category;
}

/** One output item per template. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, (i) => ({ ...readPaging(this, i), category: readCategory(this, i) }), async (paging, opts) =>
		(await gateway.listTemplates(paging, opts)).map(templateOutput),
	);
}
