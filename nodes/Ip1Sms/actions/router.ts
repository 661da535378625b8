import { NodeOperationError, type IExecuteFunctions, type INode, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { resolveGateway, type SoapGateway } from '../gateway';
import type { Api, Ip1RestGateway } from '../gateway/types';
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
	// Imported here, not at the top: the node's module imports this one.
	const { Ip1Sms } = await import('../Ip1Sms.node');
	throw notAvailable(this.getNode(), new Ip1Sms().description.properties, resource, operation, gateway.api);
}

/** The display name of a resource or operation value, as the node's options list it; the value itself if none does. */
function optionName(properties: INodeProperties[], parameter: string, value: string, resource?: string): string {
	for (const property of properties) {
		if (property.name !== parameter || !property.options) continue;
		const shownFor = property.displayOptions?.show?.resource;
		if (resource !== undefined && shownFor && !shownFor.includes(resource)) continue;
		const option = property.options.find((o) => 'value' in o && o.value === value);
		if (option) return option.name;
	}
	return value;
}

/** The error for an action of the other API, named as the editor shows it: "SMS → Get Scheduled Time". */
export function notAvailable(node: INode, properties: INodeProperties[], resource: string, operation: string, api: Api): NodeOperationError {
	const action = `${optionName(properties, 'resource', resource)} → ${optionName(properties, 'operation', operation, resource)}`;
	return new NodeOperationError(node, `${action} is not available with the ${api === 'rest' ? 'REST API' : 'SOAP web service'}`, {
		description: `Choose API → ${optionName(properties, 'api', api === 'rest' ? 'soap' : 'rest')}, or another action.`,
	});
}
