import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { getBalanceOption, runGetBalance } from '../../../shared/balance';
import { readOptionsCollections } from '../../../shared/fields';

export const option = getBalanceOption;

export const properties = [readOptionsCollections.rest];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	return await runGetBalance(this, items, gateway);
}
