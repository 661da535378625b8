/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The iP.1 SMS REST API credential: its `authenticate` function (the header is exactly `Bearer <key>`), and
// its test request run as n8n's credentials tester runs it (n8n 2.40 services/credentials-tester.service.js,
// runRequestTest: a node whose only property routes the credential's `test.request`, executed by n8n-core's
// RoutingNode, which sends it through httpRequestWithAuthentication, so `authenticate` is applied to it as to
// every request of the node) against the simulator: the right key passes, a wrong one fails without showing.
import type { IHttpRequestOptions, INodeType } from 'n8n-workflow';

import { Ip1SmsRestApi } from '../../../../credentials/Ip1SmsRestApi.credentials';
import { runNode } from '../../../support/n8nCore';
import { REST_KEY, startRestGateway, type RestGateway } from './restGateway';

jest.setTimeout(60_000);

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway();
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const credential = new Ip1SmsRestApi();

describe('authenticate', () => {
	const authenticate = credential.authenticate as (c: object, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

	it('is a function: n8n calls it directly, with no expression to evaluate per request', () => {
		expect(typeof credential.authenticate).toBe('function');
	});

	it('adds exactly `Bearer <key>` and keeps the request as it was', async () => {
		const request: IHttpRequestOptions = { url: 'https://api.ip1sms.com/v2/batches', method: 'POST', headers: { Accept: 'application/json' }, body: '{}' };
		const key = ' k3y {{ $json.x }} öß&<x> ';
		const out = await authenticate({ apiKey: key, baseUrl: 'https://api.ip1sms.com' }, request);
		expect(out).toEqual({ ...request, headers: { Accept: 'application/json', Authorization: `Bearer ${key}` } });
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});

	it('a request without headers gets only the Authorization header', async () => {
		expect((await authenticate({ apiKey: 'abc' }, { url: 'https://x.test/' })).headers).toEqual({ Authorization: 'Bearer abc' });
	});
});

/** The node n8n's credentials tester builds for a credential with a `test` request. */
function testerNode(): INodeType {
	return {
		description: {
			displayName: 'Temp-Node',
			name: 'tempNode',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'] as any,
			outputs: ['main'] as any,
			credentials: [{ name: credential.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: credential.test!.request }, default: '' }],
		},
	};
}

const testCredential = async (apiKey: string) =>
	await runNode({
		nodeType: testerNode(),
		parameters: {},
		credentialTypes: [credential],
		credentials: { [credential.name]: { apiKey, baseUrl: `${gw.sim.url}/` } },
	});

describe('the credential test (GET /api/me), run by n8n-core as the credentials tester runs it', () => {
	it('passes with the right key: the request carried the key', async () => {
		const result = await testCredential(REST_KEY);
		expect(result.error).toBeUndefined();
		expect(gw.calls()).toEqual({ 'GET /api/me': 1 });
	});

	it('fails with a wrong key (HTTP 401), and the key shows nowhere in the error', async () => {
		const wrong = 'wr0ng-Key-öß&<x>';
		const result = await testCredential(wrong);
		expect(result.error).toBeDefined();
		expect((result.error as { httpCode?: string }).httpCode).toBe('401');
		expect(gw.calls()).toEqual({});
		const shown = JSON.stringify({ message: result.error!.message, description: result.error!.description, error: result.error });
		expect(shown).not.toContain(wrong);
		expect(shown).not.toContain(encodeURIComponent(wrong));
	});
});

