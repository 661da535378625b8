// What n8n's nodes panel lists for the node (test/support/panelActions.ts): the default version's actions,
// for each resource those of its first Operation parameter, which is the REST registry's where it has the resource.
import { Ip1SmsTrigger } from '../../nodes/Ip1SmsTrigger/Ip1SmsTrigger.node';
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

describe('issue 24: a REST user reads the panel without stumbling', () => {
	const description = ip1SmsVersion(2).description;
	const actions = panelActions(description);
	const soapOnly = resourcesOf(description).filter((r) => !(r in restRegistry));
	function resourcesOf(d: typeof description): string[] {
		return (d.properties.find((p) => p.name === 'resource')?.options ?? []).map((o) => String((o as { value: string }).value));
	}

	it('every action of the SOAP API alone is marked legacy, and its resource\'s description too; no REST action is', () => {
		expect(soapOnly.sort()).toEqual(['mms', 'statusCode']);
		const legacy = soapOnly.flatMap((r) => registryActions(soapRegistry, r));
		expect([...legacy].sort()).toEqual(['Describe status code (legacy SOAP)', 'Get MMS status (legacy SOAP)', 'Send MMS (legacy SOAP)']);
		expect(actions.filter((a) => /legacy/i.test(a)).sort()).toEqual([...legacy].sort());
		const resourceNames = (description.properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ name: string; value: string }>;
		expect(resourceNames.filter((o) => /legacy/i.test(`${o.name} ${(o as { description?: string }).description ?? ''}`)).map((o) => o.value).sort()).toEqual(['mms', 'statusCode']);
	});

	it('one phrasing: no article in any action of version 2, either API ("Send MMS", not "Send an MMS")', () => {
		const all = [...Object.keys(restRegistry).flatMap((r) => registryActions(restRegistry, r)), ...Object.keys(soapRegistry).filter((r) => r !== 'groupSms').flatMap((r) => registryActions(soapRegistry, r))];
		expect(all.filter((a) => /\b(a|an|the)\b/i.test(a))).toEqual([]);
		expect(actions).not.toContain('Send an MMS');
	});

	it('the trigger\'s entries read "On Incoming SMS" and "On Delivery Report" (n8n would write "On incoming sms")', () => {
		const trigger = new Ip1SmsTrigger().description;
		const events = trigger.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
		// n8n 2.40.7 (workflows.store): an option's `action`, else "On " + its name in sentence case
		expect(((events?.options ?? []) as Array<{ action?: string }>).map((o) => o.action).sort()).toEqual(['On Delivery Report', 'On Incoming SMS']);
	});
});
