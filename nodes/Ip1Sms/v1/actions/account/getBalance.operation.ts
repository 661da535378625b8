import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { getBalanceOption, runGetBalance } from '../../../shared/balance';
import { readOptionsCollections } from '../../../shared/fields';

export const option = getBalanceOption;

export const properties = [readOptionsCollections.soap];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runGetBalance(this, items, gateway);
}
