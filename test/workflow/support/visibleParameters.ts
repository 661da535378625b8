/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// What the editor shows of a node version for each API, resource, operation and Mode: the parameters
// n8n displays (NodeHelpers.displayParameter), without their own display options, keys sorted. Two
// descriptions with the same map show the same fields with the same names, defaults and options.
import { NodeHelpers, type INode, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
	}
	return value;
}

function shown(property: INodeProperties): unknown {
	const { displayOptions, ...rest } = property;
	return canonical(rest);
}

export function visibleParameters(description: INodeTypeDescription, version: number, apis: string[]): Record<string, unknown[]> {
	const node = { typeVersion: version, parameters: {} } as unknown as INode;
	const visible = (parameters: Record<string, unknown>) =>
		description.properties.filter((p) => NodeHelpers.displayParameter(parameters as never, p, node, description));
	const map: Record<string, unknown[]> = {};
	for (const api of apis) {
		const resources = (visible({ api }).find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
		for (const { value: resource } of resources) {
			const operations = visible({ api, resource }).filter((p) => p.name === 'operation');
			map[`${api} ${resource}`] = operations.map(shown);
			for (const { value: operation } of (operations[0]?.options ?? []) as Array<{ value: string }>) {
				for (const mode of ['list', 'combine']) {
					map[`${api} ${resource} ${operation} ${mode}`] = visible({ api, resource, operation, mode }).map(shown);
				}
			}
		}
	}
	return map;
}
