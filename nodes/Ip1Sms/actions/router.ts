import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as account from './account/Account.resource';
import * as groupSms from './groupSms/GroupSms.resource';
import * as mms from './mms/Mms.resource';
import * as sms from './sms/Sms.resource';
import * as statusCode from './statusCode/StatusCode.resource';

type Operation = { execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	sms: { send: sms.send, sendFlash: sms.sendFlash, schedule: sms.schedule, cancel: sms.cancel, getStatus: sms.getStatus, getScheduledTime: sms.getScheduledTime },
	groupSms: { send: groupSms.send, schedule: groupSms.schedule, cancel: groupSms.cancel, getStatus: groupSms.getStatus },
	mms: { send: mms.send, getStatus: mms.getStatus },
	account: { getBalance: account.getBalance },
	statusCode: { describe: statusCode.describe },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const action = resources[resource]?.[operation];
	if (!action) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	return [await action.execute.call(this, items)];
}
