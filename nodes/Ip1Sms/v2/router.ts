import { NodeOperationError, type IExecuteFunctions, type INode, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { createRestGateway, createSoapGateway } from '../gateway';
import type { Api } from '../gateway/types';
import { actionName, findOperation, unknownAction } from '../shared/registry';
import { restRegistry } from './actions/rest.registry';
import { soapRegistry } from './actions/soap.registry';

/** Runs the chosen action on the chosen API's registry; one gateway per execution. */
export async function route(this: IExecuteFunctions, properties: INodeProperties[]): Promise<INodeExecutionData[][]> {
	const api: Api = this.getNodeParameter('api', 0, 'rest') === 'soap' ? 'soap' : 'rest';
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const items = this.getInputData();
	if (api === 'rest') {
		const action = findOperation(restRegistry, resource, operation);
		if (action) return [await action.execute.call(this, items, await createRestGateway(this))];
		if (findOperation(soapRegistry, resource, operation)) throw notAvailable(this.getNode(), properties, resource, operation, api);
	} else {
		const action = findOperation(soapRegistry, resource, operation);
		if (action) return [await action.execute.call(this, items, await createSoapGateway(this))];
		if (findOperation(restRegistry, resource, operation)) throw notAvailable(this.getNode(), properties, resource, operation, api);
	}
	throw unknownAction(this.getNode(), resource, operation);
}

/** The error for an action of the other API, named as the editor shows it: "SMS → Get Scheduled Time". */
export function notAvailable(node: INode, properties: INodeProperties[], resource: string, operation: string, api: Api): NodeOperationError {
	const other = properties.find((p) => p.name === 'api')?.options?.find((o) => 'value' in o && o.value !== api)?.name ?? '';
	return new NodeOperationError(
		node,
		`${actionName(properties, resource, operation)} is not available with the ${api === 'rest' ? 'REST API' : 'SOAP web service'}`,
		{ description: `Choose API → ${other}, or another action.` },
	);
}
