import { NodeApiError } from 'n8n-workflow';

import { NOT_RESENT } from '../../../../nodes/Ip1Sms/gateway/rest/problems';
import { KEY, oneRecipient, opts, rejection, shown, stubGateway } from './stub';

const problem = {
	type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
	title: 'One or more validation errors occurred.',
	status: 400,
	traceId: '00-abc-def-00',
	errors: { Sender: ['The sender is not registered.'], Body: ['The body must not be empty.', 'Too long.'] },
};


describe('error answers', () => {
	it('a validation problem document: short title, field errors in the description, HTTP code, item', async () => {
		const stub = await stubGateway(() => ({ status: 400, body: problem, headers: { 'content-type': 'application/problem+json' } }));
		const error = await rejection(stub.gateway.send(oneRecipient, opts));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('iP.1 refused to send the message (HTTP 400)');
		expect(error.description).toContain('One or more validation errors occurred.');
		expect(error.description).toContain('Sender: The sender is not registered.');
		expect(error.description).toContain('Body: The body must not be empty. Too long.');
		expect(error.httpCode).toBe('400');
		expect((error.context as { itemIndex: number }).itemIndex).toBe(3);
		expect(stub.calls).toHaveLength(1);
	});

	it('a 404 problem names what was not found and how to check', async () => {
		const stub = await stubGateway(() => ({ status: 404, body: { title: 'Message or batch not found', status: 404 } }));
		const error = await rejection(stub.gateway.getMessage('m1', 'b1', opts));
		expect(error.message).toBe('iP.1 could not read message m1: not found (HTTP 404)');
		expect(error.description).toMatch(/^Message or batch not found\. Check the id/);
		expect(error.httpCode).toBe('404');
	});

	it('401 with an empty body (ASP.NET default) says the key was not accepted', async () => {
		const stub = await stubGateway(() => ({ status: 401, headers: { 'www-authenticate': 'Bearer' } }));
		const error = await rejection(stub.gateway.getBalance(opts));
		expect(error.message).toBe('iP.1 did not accept the API key (HTTP 401)');
		expect(error.description).toMatch(/Check the API Key in the iP\.1 SMS REST API credential/);
		expect(error.httpCode).toBe('401');
	});

	it('a plain text body is shown, on one line and shortened', async () => {
		const text = 'Sender is not allowed\non this account. ' + 'x'.repeat(1000);
		const stub = await stubGateway(() => ({ status: 403, body: text }));
		const error = await rejection(stub.gateway.registerSender('ACME', opts));
		expect(error.message).toBe('iP.1 does not allow this API key to register the sender ACME (HTTP 403)');
		expect(error.description).toMatch(/^Sender is not allowed on this account\. x+…/);
		expect(String(error.description).length).toBeLessThan(500);
	});

	it('an HTML error page becomes its text', async () => {
		const stub = await stubGateway(() => ({
			status: 502,
			body: '<html><head><style>body{}</style></head><body><h1>502 Bad Gateway</h1></body></html>',
		}));
		const error = await rejection(stub.gateway.send(oneRecipient, opts));
		expect(error.message).toBe('iP.1 failed to send the message (HTTP 502)');
		expect(error.description).toMatch(/^502 Bad Gateway The messages may have reached iP\.1/);
	});

	it('an empty body gives the status and the advice only', async () => {
		const stub = await stubGateway(() => ({ status: 409 }));
		const error = await rejection(stub.gateway.removeSender('ACME', opts));
		expect(error.message).toBe('iP.1 refused to remove the sender ACME (HTTP 409)');
		expect(error.description).toBe('It is not in a state that allows this any more.');
	});

	it('other JSON error shapes are read too', async () => {
		const stub = await stubGateway(() => ({ status: 422, body: { message: 'Invalid MSISDN', errors: [{ field: 'msisdn', message: 'digits only' }] } }));
		const error = await rejection(stub.gateway.addToBlacklist('abc', opts));
		expect(error.description).toContain('Invalid MSISDN. msisdn: digits only.');
	});

	it('a redirect is not followed and names where to point the Base URL', async () => {
		const stub = await stubGateway(() => ({ status: 301, headers: { location: 'https://api2.example.test/v2/batches?key=x' } }));
		const error = await rejection(stub.gateway.getBatch('b1', opts));
		expect(error.message).toBe('iP.1 sent the request elsewhere (HTTP 301)');
		expect(error.description).toContain('https://api2.example.test.');
		expect(error.description).not.toContain('key=x');
		expect(stub.calls).toHaveLength(1);
	});
});

describe('the API key never shows', () => {
	const echoes = {
		plain: KEY,
		bearer: `Authorization: Bearer ${KEY}`,
		url: encodeURIComponent(KEY),
		base64: Buffer.from(KEY).toString('base64'),
		html: KEY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
		lower: KEY.toLowerCase(),
	};

	it.each(Object.entries(echoes))('not when an error body echoes it (%s) as text', async (_, echo) => {
		const stub = await stubGateway(() => ({ status: 400, body: `bad token ${echo}` }));
		const error = await rejection(stub.gateway.getBalance(opts));
		expect(error.description).toMatch(/^bad token (Authorization: Bearer )?\*\*\* /);
		expect(shown(error)).not.toContain(KEY);
		expect(shown(error).toLowerCase()).not.toContain(echo.toLowerCase());
	});

	it.each(Object.entries(echoes))('not when a problem document echoes it (%s)', async (_, echo) => {
		const stub = await stubGateway(() => ({ status: 400, body: { title: `Key ${echo} refused`, errors: { [echo]: [echo] } } }));
		const error = await rejection(stub.gateway.getBatch('b', opts));
		expect(shown(error).toLowerCase()).not.toContain(echo.toLowerCase());
	});

	it('not from a network error, whose request held the Authorization header', async () => {
		const stub = await stubGateway(() => ({ network: 'ECONNRESET', message: `socket hang up Bearer ${KEY}` }));
		const error = await rejection(stub.gateway.send(oneRecipient, opts));
		expect(error.message).toBe('The connection to iP.1 was cut when asked to send the message: connection reset');
		expect(error.description).toBe(`${NOT_RESENT} (ECONNRESET)`);
		expect(shown(error)).not.toContain(KEY);
	});

	it('not in a result whose strings echo it', async () => {
		const stub = await stubGateway(() => ({ status: 200, body: { id: 'b1', reference: `ref ${KEY}`, tags: [echoes.base64] } }));
		const batch = await stub.gateway.getBatch('b1', opts);
		expect(batch.reference).toBe('ref ***');
		expect(JSON.stringify(batch)).not.toContain(KEY);
		expect(JSON.stringify(batch)).not.toContain(echoes.base64);
	});

	it('not when JSON escapes its characters in the raw answer', async () => {
		const raw = `{"id":"b1","reference":"ref ${KEY.replace(/"/g, '\\"').replace(/Ö/g, '\\u00d6').replace(/</g, '\\u003c')}"}`;
		expect(raw).not.toContain(KEY);
		const stub = await stubGateway(() => ({ status: 200, body: raw }));
		const batch = await stub.gateway.getBatch('b1', opts);
		expect(batch.reference).toBe('ref ***');
	});

	it('not in a problem title JSON-escaped in the raw answer', async () => {
		const raw = `{"title":"bad key ${KEY.replace(/"/g, '\\"')}","status":400}`;
		const stub = await stubGateway(() => ({ status: 400, body: raw }));
		const error = await rejection(stub.gateway.getBalance(opts));
		expect(error.description).toMatch(/^bad key \*\*\*/);
		expect(shown(error)).not.toContain(KEY);
	});

	it('is sent only as the Bearer header', async () => {
		const stub = await stubGateway(() => ({ status: 200, body: { Balance: 1 } }));
		await stub.gateway.getBalance(opts);
		expect(stub.calls[0].headers.Authorization).toBe(`Bearer ${KEY}`);
		expect(stub.calls[0].url.href).not.toContain(encodeURIComponent(KEY));
	});
});

describe('a long call', () => {
	it('is named in the description, so that the title stays short', async () => {
		const stub = await stubGateway(() => ({ status: 403, body: { title: 'Forbidden' } }));
		const id = 'a'.repeat(24);
		const error = await rejection(stub.gateway.getBatchMessages(id, { returnAll: true, limit: 0 }, opts));
		expect(error.message).toBe('iP.1 does not allow this API key to do this (HTTP 403)');
		expect(error.description).toBe(
			`Asked to read the messages of batch ${id}. Forbidden. The API key may not do this: check its rights in the iP.1 portal.`,
		);
	});
});
