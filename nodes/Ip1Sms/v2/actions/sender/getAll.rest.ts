import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { runRestCall } from '../../rest/reads';
import { compact } from '../../../shared/output';
import { readOptionsCollections } from '../../../shared/fields';

export const option = {
	name: 'Get Many',
	description: 'Get the senders registered on the account',
	action: 'Get many senders',
};

export const properties: INodeProperties[] = [readOptionsCollections.rest];

/** One output item per registered sender. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, () => undefined, async (_, opts) =>
		(await gateway.listSenders(opts)).map((s) => compact({ sender: s.sender, createdAt: s.createdAt })),
	);
}
