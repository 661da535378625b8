/**
 * Read Message IDs (issue 11): an option of every REST send action (SMS → Send / Schedule, Batch →
 * Send / Schedule in both modes), on by default, described with its cost; no SOAP action has it.
 */
import type { INodeProperties } from 'n8n-workflow';

import { ip1SmsVersion } from '../../support/nodeVersions';

const { properties } = ip1SmsVersion(2).description;

/** The Options collections shown for an API, resource and operation. */
function optionsFor(api: string, resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => {
		const show = p.displayOptions?.show ?? {};
		return p.name === 'options' && show.api?.includes(api) && show.resource?.includes(resource) && show.operation?.includes(operation);
	});
}

const readMessageIds = (collection: INodeProperties) => (collection.options as INodeProperties[]).find((o) => o.name === 'readMessageIds');

it.each([
	['sms', 'send'],
	['sms', 'schedule'],
	['batch', 'send'],
	['batch', 'schedule'],
])('REST %s → %s has Read Message IDs: boolean, on by default, its cost in the description', (resource, operation) => {
	const collections = optionsFor('rest', resource, operation);
	expect(collections).toHaveLength(1);
	const option = readMessageIds(collections[0]);
	expect(option).toMatchObject({ displayName: 'Read Message IDs', type: 'boolean', default: true });
	expect(option?.displayOptions).toBeUndefined(); // shown in both Batch modes
	expect(option?.description).toMatch(/^Whether /);
	expect(option?.description).toMatch(/one more request per batch of up to 1,000 recipients/);
	expect(option?.description).toMatch(/batch ID only/);
});

it('no SOAP action has it', () => {
	const soap = properties.filter((p) => p.name === 'options' && p.displayOptions?.show?.api?.includes('soap'));
	expect(soap.length).toBeGreaterThan(0);
	expect(soap.filter(readMessageIds)).toEqual([]);
});
