// What n8n's nodes panel lists for the node, computed the way n8n 2.40.7's editor does it
// (workflows.store: for each resource parameter shown at the default version, the actions of the
// FIRST operation parameter that names the resource, whatever else its display options say).
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { Ip1Sms } from '../../nodes/Ip1Sms/Ip1Sms.node';

function shownAtVersion(property: INodeProperties, version: number): boolean {
	const versions = property.displayOptions?.show?.['@version'] as Array<number | { _cnd: { gte?: number; eq?: number } }> | undefined;
	if (!versions) return true;
	return versions.some((v) => (typeof v === 'number' ? v === version : v._cnd.gte !== undefined ? version >= v._cnd.gte : version === v._cnd.eq));
}

function panelActions(description: INodeTypeDescription): string[] {
	const version = description.defaultVersion ?? 1;
	const actions: string[] = [];
	for (const resource of description.properties.filter((p) => p.name === 'resource' && shownAtVersion(p, version))) {
		for (const option of (resource.options ?? []) as Array<{ value: string; name: string }>) {
			const operation = description.properties.find(
				(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(option.value) && shownAtVersion(p, version),
			);
			for (const o of (operation?.options ?? []) as Array<{ action?: string; name: string }>) actions.push(o.action ?? `${option.name} ${o.name}`);
		}
	}
	return actions;
}

it('lists each action once, the REST ones for SMS, Batch and Account (the default API)', () => {
	const actions = panelActions(new Ip1Sms().description);
	expect(new Set(actions).size).toBe(actions.length);
	expect(actions).toEqual(expect.arrayContaining(['Send SMS', 'Schedule SMS', 'Get SMS status', 'Cancel scheduled SMS', 'Send batch', 'Get many batches', 'Get batch messages', 'Get account balance']));
	expect(actions).not.toContain('Send a flash SMS');
	expect(actions).not.toContain('Send a group SMS');
	const smsBatchAccount = actions.filter((a) => /\b(SMS|batch|batches|account)\b/.test(a));
	expect(smsBatchAccount).toHaveLength(11);
	expect(smsBatchAccount.filter((a) => /\b(a|an|the)\b/i.test(a))).toEqual([]);
});
