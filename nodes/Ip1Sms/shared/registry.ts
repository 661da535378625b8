/*
 * An operation registry: resource → operation → operation module. The node's Operation parameters,
 * the fields each operation shows and the router are all built from it, so an operation exists
 * exactly when its module is listed in a registry (docs/adding-an-operation.md).
 */
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

export interface OperationOption {
	name: string;
	description: string;
	action: string;
}

/** What an operation file exports. */
export interface Operation<Gateway> {
	option: OperationOption;
	/** Its fields, without display options: the registry shows them for its resource and operation. */
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Gateway): Promise<INodeExecutionData[]>;
}

/** Resource → operation → module. A resource's first operation is its default. */
export type Registry<Gateway> = Record<string, Record<string, Operation<Gateway>>>;

/**
 * The Operation parameter of every resource and the fields of every operation. `show` adds display
 * options to all of them (version 2: the API the registry serves).
 */
export function registryProperties<G>(registry: Registry<G>, show: IDataObject = {}): INodeProperties[] {
	const properties: INodeProperties[] = [];
	for (const [resource, operations] of Object.entries(registry)) {
		const operationParameter: INodeProperties = {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { ...show, resource: [resource] } } as INodeProperties['displayOptions'],
			options: Object.entries(operations)
				.map(([value, { option }]) => ({ name: option.name, value, description: option.description, action: option.action }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: '',
		};
		operationParameter.default = Object.keys(operations)[0];
		properties.push(operationParameter);
	}
	for (const [resource, operations] of Object.entries(registry)) {
		for (const [operation, module] of Object.entries(operations)) {
			properties.push(
				...updateDisplayOptions({ show: { ...show, resource: [resource], operation: [operation] } } as never, module.properties),
			);
		}
	}
	return properties;
}

/** The registry's module for a resource and operation; undefined for one it does not list. */
export function findOperation<G>(registry: Registry<G>, resource: string, operation: string): Operation<G> | undefined {
	const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
	return has(registry, resource) && has(registry[resource], operation) ? registry[resource][operation] : undefined;
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

/** The name of an action as the editor shows it: "SMS → Get Scheduled Time". */
export function actionName(properties: INodeProperties[], resource: string, operation: string): string {
	return `${optionName(properties, 'resource', resource)} → ${optionName(properties, 'operation', operation, resource)}`;
}

/** The error for an action no registry of the node lists (a workflow saved by hand, or by another version). */
export function unknownAction(node: INode, resource: string, operation: string): NodeOperationError {
	return new NodeOperationError(node, `The action ${resource} → ${operation} does not exist in this node version`, {
		description: 'Choose a resource and an operation from the lists.',
	});
}
