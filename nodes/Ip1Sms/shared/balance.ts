import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1Gateway } from '../gateway';
import { runPerItem } from '../helpers/itemRunner';
import type { OperationOption } from './registry';
import { compact } from './output';
import { readOptions, readTimeout } from './params';

export const getBalanceOption: OperationOption = {
	name: 'Get Balance',
	description: 'Get the balance of the account',
	action: 'Get account balance',
};

/** SOAP: balance, raw (the gateway's text), accountId. REST: balance, currency, accountType. */
export async function runGetBalance(ctx: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1Gateway): Promise<INodeExecutionData[]> {
	return await runPerItem(ctx, items, {
		prepare: (i) => readTimeout(readOptions(ctx, i)),
		run: async (timeout, i) => {
			const b = await gateway.getBalance({ itemIndex: i, timeout });
			return compact({ balance: b.balance, currency: b.currency, accountType: b.accountType, raw: b.raw, accountId: b.accountId });
		},
	});
}
