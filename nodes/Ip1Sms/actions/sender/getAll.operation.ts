import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Ip1RestGateway } from '../../gateway/types';
import { readOptionsField, runRestCall } from '../conversation/restReads';
import { compact } from '../send/sendOutput';

const properties: INodeProperties[] = [readOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['sender'], operation: ['getAll'] } }, properties);

/** One output item per registered sender. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1RestGateway,
): Promise<INodeExecutionData[]> {
	return await runRestCall(this, items, () => undefined, async (_, opts) =>
		(await gateway.listSenders(opts)).map((s) => compact({ sender: s.sender, createdAt: s.createdAt })),
	);
}
