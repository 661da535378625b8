import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { getIp1Credentials } from '../../gateway/soap/credentials';
import { soapCall } from '../../gateway/soap/request';
import { expectCode, gatewayRejection } from '../../gateway/soap/results';
import { readOptionsCollection } from '../idCalls';
import { runPerItem } from '../../helpers/itemRunner';
import { readOptions, readTimeout } from '../params';

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getBalance'] } }, [
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const creds = await getIp1Credentials.call(this);
	return await runPerItem(this, items, {
		prepare: (i): number => readTimeout(readOptions(this, i)),
		run: async (timeout, i) => {
			const params = [
				{ name: 'Konto', text: creds.accountId },
				{ name: 'Passwd', text: creds.apiKey },
			];
			const { text } = await soapCall.call(this, creds, 'sms', 'balans', params, { itemIndex: i, timeout, repeatable: true });
			// A balance always has a decimal separator (250.00); a bare integer is a status code (101: wrong key).
			const match = /^(-?\d+)[.,](\d+)$/.exec(text);
			if (!match) throw gatewayRejection(this, expectCode(this, text, 'balans', i), 'sms', i, 'refused the balance request');
			return { balance: Number(`${match[1]}.${match[2]}`), raw: text, accountId: creds.accountId };
		},
	});
}
