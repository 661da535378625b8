// What n8n's nodes panel lists for the node (test/support/panelActions.ts): the default version's actions,
// for each resource those of its first Operation parameter, which is the REST registry's where it has the resource.
import { restRegistry } from '../../nodes/Ip1Sms/v2/actions/rest.registry';
import { soapRegistry } from '../../nodes/Ip1Sms/v2/actions/soap.registry';
import type { Registry } from '../../nodes/Ip1Sms/shared/registry';
import { ip1SmsVersion } from '../support/nodeVersions';
import { panelActions } from '../support/panelActions';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
function registryActions(registry: Registry<unknown>, resource: string): string[] {
	return Object.values(registry[resource] ?? {}).map((o) => o.option).sort(byName).map((o) => o.action);
}

it('lists each action once: the REST registry\'s for its resources (the default API), the SOAP registry\'s for the others', () => {
	const description = ip1SmsVersion(2).description;
	expect(description.version).toBe(2);
	const actions = panelActions(description);
	expect(new Set(actions).size).toBe(actions.length);
	const resources = (description.properties.find((p) => p.name === 'resource')?.options ?? []).map((o) => String((o as { value: string }).value));
	const expected = resources.flatMap((r) => (r in restRegistry ? registryActions(restRegistry, r) : registryActions(soapRegistry, r)));
	expect(actions).toEqual(expected);
	expect(actions).toEqual(expect.arrayContaining(['Send SMS', 'Schedule SMS', 'Get SMS status', 'Send batch', 'Get account balance']));
	expect(actions).not.toContain('Send a flash SMS');
	expect(actions).not.toContain('Send a group SMS');
	const restActions = resources.filter((r) => r in restRegistry).flatMap((r) => registryActions(restRegistry, r));
	expect(restActions.filter((a) => /\b(a|an|the)\b/i.test(a))).toEqual([]);
});
