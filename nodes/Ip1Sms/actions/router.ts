import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { resolveGateway, type SoapGateway } from '../gateway';
import type { Ip1RestGateway } from '../gateway/types';
import * as account from './account/Account.resource';
import * as batch from './batch/Batch.resource';
import * as blacklist from './blacklist/Blacklist.resource';
import * as conversation from './conversation/Conversation.resource';
import * as groupSms from './groupSms/GroupSms.resource';
import * as mms from './mms/Mms.resource';
import * as sender from './sender/Sender.resource';
import * as sms from './sms/Sms.resource';
import * as statusCode from './statusCode/StatusCode.resource';

type Operation<G> = { execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: G): Promise<INodeExecutionData[]> };
type Operations<Op extends string, G> = Record<Op, Operation<G>>;

/* Typed by the operation lists the UI shows: an operation without its module does not compile. */
const soapResources: {
	sms: Operations<keyof typeof sms.soapOperations, SoapGateway>;
	groupSms: Operations<keyof typeof groupSms.operations, SoapGateway>;
	batch: Operations<keyof typeof batch.soapOperations, SoapGateway>;
	mms: Operations<'send' | 'getStatus', SoapGateway>;
	account: Operations<keyof typeof account.operations, SoapGateway>;
	statusCode: Operations<'describe', SoapGateway>;
} = {
	sms,
	groupSms,
	batch: { send: batch.send, schedule: batch.schedule, getMessages: batch.getMessages, cancel: batch.cancel },
	mms,
	account,
	statusCode,
};

const restResources: {
	sms: Operations<keyof typeof sms.restOperations, Ip1RestGateway>;
	batch: Operations<keyof typeof batch.restOperations, Ip1RestGateway>;
	conversation: Operations<'getMessages' | 'getSummary', Ip1RestGateway>;
	sender: Operations<'getAll' | 'register' | 'remove', Ip1RestGateway>;
	blacklist: Operations<'getAll' | 'add' | 'remove', Ip1RestGateway>;
	account: Operations<keyof typeof account.operations, Ip1RestGateway>;
} = { sms, batch, conversation, sender, blacklist, account };

function lookup<G>(table: Record<string, Record<string, Operation<G>>>, resource: string, operation: string): Operation<G> | undefined {
	return Object.prototype.hasOwnProperty.call(table, resource) && Object.prototype.hasOwnProperty.call(table[resource], operation)
		? table[resource][operation]
		: undefined;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const gateway = await resolveGateway(this);
	if (gateway.api === 'rest') {
		const action = lookup<Ip1RestGateway>(restResources, resource, operation);
		if (action) return [await action.execute.call(this, items, gateway)];
	} else {
		const action = lookup<SoapGateway>(soapResources, resource, operation);
		if (action) return [await action.execute.call(this, items, gateway)];
	}
	const other = gateway.api === 'rest' ? 'SOAP Web Service (Legacy)' : 'REST API V2';
	throw new NodeOperationError(this.getNode(), `"${resource}: ${operation}" is not available with the ${gateway.api === 'rest' ? 'REST API' : 'SOAP web service'}`, {
		description: `Choose API → ${other}, or another action.`,
	});
}
