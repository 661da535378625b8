import type { INodeProperties } from 'n8n-workflow';

import { operationParameter } from '../display';
import * as getBalance from './getBalance.operation';

export { getBalance };

export const operations = {
	getBalance: { name: 'Get Balance', description: 'Get the balance of the account', action: 'Get account balance' },
};

export const description: INodeProperties[] = [operationParameter(['rest', 'soap'], ['account'], operations, 'getBalance'), ...getBalance.description];
