import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Ip1Gateway } from '../../gateway/types';
import { runPerItem } from '../../helpers/itemRunner';
import { showFor } from '../display';
import { readOptionsCollection } from '../idCalls';
import { readOptions, readTimeout } from '../params';
import { compact } from '../send/sendOutput';

export const description = showFor(['rest', 'soap'], ['account'], ['getBalance'], [readOptionsCollection]);

/** SOAP: balance, raw (the gateway's text), accountId. REST: balance, currency, accountType. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1Gateway): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, {
		prepare: (i): number => readTimeout(readOptions(this, i)),
		run: async (timeout, i) => {
			const b = await gateway.getBalance({ itemIndex: i, timeout });
			return compact({ balance: b.balance, currency: b.currency, accountType: b.accountType, raw: b.raw, accountId: b.accountId });
		},
	});
}
