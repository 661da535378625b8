/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// What n8n's nodes panel lists for a node, computed the way n8n 2.40.7's editor does it
// (workflows.store: for each resource parameter shown at the default version, the actions of the
// FIRST operation parameter that names the resource, whatever else its display options say). n8n adds a
// "Custom API Call" option to the latest version of a node whose credential authenticates generically
// (load-nodes-and-credentials.js, injectCustomApiCallOptions); the panel does not list it as an action.
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

const CUSTOM_API_CALL_KEY = '__CUSTOM_API_CALL__';

function shownAtVersion(property: INodeProperties, version: number): boolean {
	const versions = property.displayOptions?.show?.['@version'] as Array<number | { _cnd: { gte?: number; eq?: number } }> | undefined;
	if (!versions) return true;
	return versions.some((v) => (typeof v === 'number' ? v === version : v._cnd.gte !== undefined ? version >= v._cnd.gte : version === v._cnd.eq));
}

export function panelActions(description: Pick<INodeTypeDescription, 'properties' | 'defaultVersion' | 'version'>): string[] {
	const version = description.defaultVersion ?? (Array.isArray(description.version) ? Math.max(...description.version) : description.version);
	const actions: string[] = [];
	for (const resource of description.properties.filter((p) => p.name === 'resource' && shownAtVersion(p, version))) {
		for (const option of (resource.options ?? []) as Array<{ value: string; name: string }>) {
			if (option.value === CUSTOM_API_CALL_KEY) continue;
			const operation = description.properties.find(
				(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(option.value) && shownAtVersion(p, version),
			);
			for (const o of (operation?.options ?? []) as Array<{ action?: string; name: string; value: string }>) {
				if (o.value !== CUSTOM_API_CALL_KEY) actions.push(o.action ?? `${option.name} ${o.name}`);
			}
		}
	}
	return actions;
}
