// Blacklist → Add in either of iP.1's documented forms: PUT /v2/blacklist/{msisdn}, and POST
// /v2/blacklist only when the PUT's route does not exist (404 or 405), once. (Against the simulator:
// test/integration/gateway/rest/vendorForms.test.ts.)
import { opts, stubGateway, type Answer } from './stub';

const NUMBER = '46701234567';
const entry = { msisdn: NUMBER, created: '2026-12-07T10:00:00Z' };

describe('Blacklist → Add', () => {
	it.each([404, 405])('PUT answered %i: the POST form once, with the number in its body', async (status) => {
		const stub = await stubGateway((_, n): Answer => (n === 0 ? { status } : { status: 201, body: entry }));
		expect(await stub.gateway.addToBlacklist(NUMBER, opts)).toEqual({ phoneNumber: NUMBER, createdAt: '2026-12-07T10:00:00.000Z' });
		expect(stub.calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([`PUT /v2/blacklist/${NUMBER}`, 'POST /v2/blacklist']);
		expect(stub.calls[1].body).toEqual({ msisdn: NUMBER });
	});

	it.each([400, 403, 409, 500])('PUT answered %i: that error, no POST', async (status) => {
		const stub = await stubGateway(() => ({ status, body: { title: 'No', status } }));
		const error = await stub.gateway.addToBlacklist(NUMBER, opts).catch((e) => e);
		expect(error.httpCode).toBe(String(status));
		expect(stub.calls.every((c) => c.method === 'PUT')).toBe(true);
		expect(stub.calls).toHaveLength(1);
	});

	it('both forms missing (404, then 405): the POST\'s error, naming the call; nothing more', async () => {
		const stub = await stubGateway((_, n): Answer => (n === 0 ? { status: 404 } : { status: 405 }));
		const error = await stub.gateway.addToBlacklist(NUMBER, opts).catch((e) => e);
		expect(error.message).toBe(`iP.1 refused to add ${NUMBER} to the blacklist (HTTP 405)`);
		expect(error.context.itemIndex).toBe(opts.itemIndex);
		expect(stub.calls).toHaveLength(2);
	});

	it('a cut connection on the POST: not repeated, the advice of a change', async () => {
		const stub = await stubGateway((_, n): Answer => (n === 0 ? { status: 405 } : { network: 'ECONNRESET' }));
		const error = await stub.gateway.addToBlacklist(NUMBER, opts).catch((e) => e);
		expect(error.description).toMatch(/ The change may have reached iP\.1\. It was not repeated/);
		expect(stub.calls).toHaveLength(2);
	});
});
