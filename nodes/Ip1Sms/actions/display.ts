import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { Api } from '../gateway/types';

/**
 * Fields shown for a resource's operation under the given API(s). Version 1 has a hidden `api`
 * parameter fixed to SOAP, so the SOAP fields show in version 1 and in version 2 with SOAP chosen.
 */
export function showFor(apis: Api[], resource: string[], operation: string[], properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { api: apis, resource, operation } }, properties);
}

export interface OperationOption {
	name: string;
	description: string;
	action: string;
}

/** The Operation parameter of a resource under the given API(s), from a map the router is typed by. */
export function operationParameter<Op extends string>(
	apis: Api[],
	resource: string[],
	operations: Record<Op, OperationOption>,
	defaultOperation: Op,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: apis, resource } },
		options: (Object.entries(operations) as Array<[Op, OperationOption]>)
			.map(([value, o]) => ({ value, ...o }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}
