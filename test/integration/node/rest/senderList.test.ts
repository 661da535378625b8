/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Issue 24: From in the REST sends is a resource locator. Its list is the account's registered senders
// (GET /v2/me/senders, read through the credential as n8n's list search does), By Value takes anything
// else, and a From saved as a plain string (before it was a locator) still sends.
import type { ILoadOptionsFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { Ip1SmsRestApi } from '../../../../credentials/Ip1SmsRestApi.credentials';
import { ip1SmsVersion } from '../../../support/nodeVersions';
import { searchSenders } from '../../../../nodes/Ip1Sms/v2/rest/senderLocator';
import { items, REST_ACCOUNT, REST_KEY, startRestGateway, type RestGateway } from './restGateway';

jest.setTimeout(60_000);

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway({ accounts: [{ ...REST_ACCOUNT, senders: ['Shop24', 'Acme'] }] });
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

/** The list search's context as n8n gives it: the credential, and a request helper that applies its `authenticate`. */
function loadOptionsContext(apiKey = REST_KEY): ILoadOptionsFunctions {
	const credentials = { apiKey, baseUrl: `${gw.sim.url}/` };
	return {
		getCredentials: async () => credentials,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: { method: string; url: string }) => {
				const authenticate = new Ip1SmsRestApi().authenticate as (c: object, r: object) => Promise<{ headers: Record<string, string> }>;
				const { headers } = await authenticate(credentials, { ...request, headers: {} });
				const response = await fetch(request.url, { method: request.method, headers });
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				return await response.json();
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

it('the list names every registered sender of the account, iP1 and iP1sms among them', async () => {
	const { results } = await searchSenders.call(loadOptionsContext());
	expect(results.map((r) => r.value).sort()).toEqual(['Acme', 'Shop24', 'iP1', 'iP1sms']);
	expect(results.every((r) => r.name === r.value)).toBe(true);
	expect(gw.calls()).toEqual({ 'GET /v2/me/senders': 1 });
});

it('typing filters the list, in any case', async () => {
	const { results } = await searchSenders.call(loadOptionsContext(), 'SHOP');
	expect(results.map((r) => r.value)).toEqual(['Shop24']);
});

it('a wrong key fails the list (n8n shows the failure in it)', async () => {
	await expect(searchSenders.call(loadOptionsContext('wrong'))).rejects.toThrow('HTTP 401');
});

it('the node declares From as a locator with a list and By Value, and the list method on version 2', () => {
	const description = ip1SmsVersion(2).description;
	const froms = description.properties.filter((p) => p.name === 'from' && (p.displayOptions?.show?.api as string[] | undefined)?.includes('rest'));
	expect(froms.length).toBeGreaterThan(0);
	for (const from of froms) {
		expect(from.type).toBe('resourceLocator');
		expect(from.modes?.map((m) => [m.name, m.type])).toEqual([['list', 'list'], ['value', 'string']]);
		expect(from.modes?.[0].typeOptions?.searchListMethod).toBe('searchSenders');
		expect(from.description).toMatch(/registered/);
	}
	expect(typeof (ip1SmsVersion(2) as any).methods.listSearch.searchSenders).toBe('function');
});

describe('sends with From as a locator', () => {
	const send = (from: string | INodeParameterResourceLocator) => ({ resource: 'sms', operation: 'send', to: '46701234567', from, message: 'Hej' });

	it('From List: the chosen sender', async () => {
		const result = await gw.run(send({ __rl: true, mode: 'list', value: 'Shop24' }));
		expect(result.error).toBeUndefined();
		expect(gw.sim.state().rest.batches.map((b) => b.sender)).toEqual(['Shop24']);
		expect(result.items[0].json.from).toBe('Shop24');
	});

	it('By Value with an expression, per item', async () => {
		const result = await gw.run(send({ __rl: true, mode: 'value', value: '={{ $json.from }}' }), { input: items({ from: 'Acme' }, { from: 'iP1' }) });
		expect(result.error).toBeUndefined();
		expect(gw.sim.state().rest.batches.map((b) => b.sender)).toEqual(['Acme', 'iP1']);
	});

	it('a From saved as a plain string still sends; an empty locator is refused before any request', async () => {
		expect((await gw.run(send('iP1'))).error).toBeUndefined();
		gw.sim.reset();
		// n8n itself refuses a required locator left empty, before the node runs
		await expect(gw.run(send({ __rl: true, mode: 'list', value: '' }))).rejects.toThrow('Parameter "From" is required');
		expect(gw.requests()).toBe(0);
	});

	it('Batch → Send (Combine) reads the locator too', async () => {
		const result = await gw.run(
			{ resource: 'batch', operation: 'send', mode: 'combine', to: '={{ $json.phone }}', from: { __rl: true, mode: 'list', value: 'Shop24' }, message: 'Hej' },
			{ input: items({ phone: '46701234567' }, { phone: '46701234568' }) },
		);
		expect(result.error).toBeUndefined();
		expect(gw.sim.state().rest.batches.map((b) => b.sender)).toEqual(['Shop24']);
	});
});
