import { retryAfterMs } from '../../../../nodes/Ip1Sms/gateway/rest/client';
import { NOT_RESENT } from '../../../../nodes/Ip1Sms/gateway/rest/problems';
import { oneRecipient, opts, rejection, stubGateway, type Answer } from './stub';

const created: Answer = {
	status: 201,
	body: { id: 'b1', messages: [{ id: 'm1', recipient: '46701234567', statuses: [{ code: 101 }] }] },
};

/** Answers from a list in order; the last repeats. */
const script = (...answers: Answer[]) => (_: unknown, n: number) => answers[Math.min(n, answers.length - 1)];

describe('reads are retried', () => {
	it.each([
		['HTTP 500', { status: 500 }],
		['HTTP 503', { status: 503, body: 'Service Unavailable' }],
		['a cut connection', { network: 'ECONNRESET' }],
		['a timeout', { network: 'ECONNABORTED', message: 'timeout of 5000ms exceeded' }],
		['a refused connection', { network: 'ECONNREFUSED' }],
	] as [string, Answer][])('after %s', async (_, failure) => {
		const stub = await stubGateway(script(failure, { status: 200, body: { Balance: 12.5, Currency: 'SEK' } }));
		expect(await stub.gateway.getBalance(opts)).toMatchObject({ balance: 12.5, currency: 'SEK' });
		expect(stub.calls).toHaveLength(2);
		expect(stub.pauses).toHaveLength(1);
	});

	it.each([
		['an empty 200', { status: 200 }],
		['a cut JSON 200', { status: 200, body: '{"Balance": 12.5, "Curr' }],
		['a text 200', { status: 200, body: 'Service temporarily unavailable' }],
	] as [string, Answer][])('after %s: a read always answers JSON', async (_, failure) => {
		const stub = await stubGateway(script(failure, { status: 200, body: { Balance: 12.5 } }));
		expect(await stub.gateway.getBalance(opts)).toMatchObject({ balance: 12.5 });
		expect(stub.calls).toHaveLength(2);
	});

	it('a reply that is never JSON fails after three tries', async () => {
		const stub = await stubGateway(script({ status: 200, body: '<html>maintenance</html>' }));
		const error = await rejection(stub.gateway.getBalance(opts));
		// the call would make the title too long: the description names it
		expect(error.message).toBe('iP.1 answered with something that is not JSON when asked to do this');
		expect(error.description).toBe('Asked to read the account balance. The gateway or the network is having trouble; try again later. The answer began: <html>maintenance</html>');
		expect(stub.calls).toHaveLength(3);
	});

	it('three times at most, then the error names the item', async () => {
		const stub = await stubGateway(script({ status: 503 }));
		const error = await rejection(stub.gateway.getBatch('b1', opts));
		expect(stub.calls).toHaveLength(3);
		expect(error.message).toBe('iP.1 failed to read batch b1 (HTTP 503)');
		expect(error.description).toMatch(/try again later/);
		expect((error.context as { itemIndex: number }).itemIndex).toBe(3);
	});

	it('not after a 4xx other than 429', async () => {
		const stub = await stubGateway(script({ status: 404 }));
		await rejection(stub.gateway.getBatch('b1', opts));
		expect(stub.calls).toHaveLength(1);
	});

	it('every page of a paged read on its own', async () => {
		const stub = await stubGateway(
			script(
				{ status: 200, body: [{ msisdn: '1' }], headers: { link: '</v2/blacklist?start=1>; rel="next"' } },
				{ status: 502 },
				{ status: 200, body: [{ msisdn: '2' }], headers: { link: '</v2/blacklist?start=0>; rel="first"' } },
			),
		);
		const rows = await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts);
		expect(rows.map((r) => r.phoneNumber)).toEqual(['1', '2']);
		expect(stub.calls.map((c) => c.url.searchParams.get('start'))).toEqual(['0', '1', '1']);
	});
});

describe('a send is never repeated once it may have arrived', () => {
	it.each([
		['HTTP 500', { status: 500 }],
		['HTTP 502', { status: 502, body: '<h1>Bad Gateway</h1>' }],
		['HTTP 504', { status: 504 }],
		['a cut connection', { network: 'ECONNRESET' }],
		['a closed socket', { network: 'EPIPE' }],
		['a timeout', { network: 'ECONNABORTED', message: 'timeout of 5000ms exceeded' }],
		['an unknown network error', { network: 'ERR_SOMETHING' }],
	] as [string, Answer][])('after %s: one request, "may have been sent"', async (_, failure) => {
		const stub = await stubGateway(script(failure, created));
		const error = await rejection(stub.gateway.send(oneRecipient, opts));
		expect(stub.calls).toHaveLength(1);
		expect(stub.pauses).toHaveLength(0);
		expect(error.description).toMatch(/^(.* )?The messages may have reached iP\.1\. They were not sent again/);
	});

	it.each([
		['empty', undefined],
		['cut JSON', '{"id":"b1","sen'],
	])('an accepted send with an %s body is read by its Location header, not sent again', async (_, body) => {
		const stub = await stubGateway((req) =>
			req.method === 'POST'
				? { status: 201, body, headers: { location: '/v2/batches/b1' } }
				: { status: 200, body: [{ id: 'm1', recipient: '46701234567', statuses: [{ code: 101 }] }] },
		);
		const result = await stub.gateway.send(oneRecipient, opts);
		expect(result).toMatchObject({ batchId: 'b1', requests: 2, messages: [{ messageId: 'm1' }] });
	});

	it('a timeout says so, with the timeout used', async () => {
		const stub = await stubGateway(script({ network: 'ECONNABORTED', message: 'timeout of 5000ms exceeded' }));
		const error = await rejection(stub.gateway.send(oneRecipient, opts));
		expect(error.message).toBe('iP.1 did not answer within 5000 ms when asked to send the message');
		expect(error.description).toBe(`${NOT_RESENT} (ECONNABORTED)`);
		expect(stub.calls[0].timeout).toBe(5000);
	});

	it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])(
		'is retried after %s: the request surely never reached iP.1',
		async (code) => {
			const stub = await stubGateway(script({ network: code }, created));
			const result = await stub.gateway.send(oneRecipient, opts);
			expect(result.batchId).toBe('b1');
			expect(stub.calls.filter((c) => c.method === 'POST')).toHaveLength(2);
			expect(result.requests).toBe(2);
		},
	);

	it('a connection that is never possible fails after three tries, saying nothing was sent', async () => {
		const stub = await stubGateway(script({ network: 'ECONNREFUSED' }));
		const error = await rejection(stub.gateway.send(oneRecipient, opts));
		expect(stub.calls).toHaveLength(3);
		expect(error.message).toBe('Could not connect to iP.1 at https://api.example.test: connection refused');
		expect(error.description).toMatch(/^Nothing was sent/);
	});

	it('429 is retried after Retry-After seconds: the gateway refused it', async () => {
		const stub = await stubGateway(script({ status: 429, headers: { 'retry-after': '2' } }, created));
		const result = await stub.gateway.send(oneRecipient, opts);
		expect(result.messages[0].messageId).toBe('m1');
		expect(stub.calls).toHaveLength(2);
		expect(stub.pauses).toEqual([2000]);
	});

	it('429 with Retry-After as an HTTP date waits until then', async () => {
		const at = new Date(Date.now() + 10_000).toUTCString();
		const stub = await stubGateway(script({ status: 429, headers: { 'retry-after': at } }, created));
		await stub.gateway.send(oneRecipient, opts);
		expect(stub.pauses).toHaveLength(1);
		expect(stub.pauses[0]).toBeGreaterThan(5_000);
		expect(stub.pauses[0]).toBeLessThanOrEqual(10_000);
	});

	it('429 without Retry-After backs off on its own', async () => {
		const stub = await stubGateway(script({ status: 429 }, created));
		await stub.gateway.send(oneRecipient, opts);
		expect(stub.calls).toHaveLength(2);
		expect(stub.pauses[0]).toBeGreaterThan(0);
	});

	it('429 asking for a longer pause than 30 s fails at once, nothing sent', async () => {
		const stub = await stubGateway(script({ status: 429, headers: { 'retry-after': '120' } }, created));
		const error = await rejection(stub.gateway.send(oneRecipient, opts));
		expect(stub.calls).toHaveLength(1);
		expect(stub.pauses).toHaveLength(0);
		expect(error.message).toBe('iP.1 refused to send the message now: too many requests (HTTP 429)');
		expect(error.description).toMatch(/^iP\.1 asks to wait 120 s before the next request\. Nothing was done\./);
		expect(error.httpCode).toBe('429');
	});

	it('429 every time: three tries, then the error', async () => {
		const stub = await stubGateway(script({ status: 429, headers: { 'retry-after': '1' } }));
		const error = await rejection(stub.gateway.send(oneRecipient, opts));
		expect(stub.calls).toHaveLength(3);
		expect(error.httpCode).toBe('429');
	});
});

describe('changes (PUT, DELETE) are repeated only when surely not done', () => {
	it('DELETE after a 500: one request', async () => {
		const stub = await stubGateway(script({ status: 500 }, { status: 200, body: { id: 'b1' } }));
		const error = await rejection(stub.gateway.cancelBatch('b1', opts));
		expect(stub.calls).toHaveLength(1);
		expect(error.description).toMatch(/may have reached iP\.1\. It was not repeated/);
	});

	it('DELETE after a cut: one request', async () => {
		const stub = await stubGateway(script({ network: 'ECONNRESET' }));
		await rejection(stub.gateway.removeFromBlacklist('46701234567', opts));
		expect(stub.calls).toHaveLength(1);
	});

	it('DELETE after 429 and after a refused connection: retried', async () => {
		const stub = await stubGateway(script({ status: 429, headers: { 'retry-after': '0' } }, { network: 'ECONNREFUSED' }, { status: 204 }));
		await stub.gateway.removeSender('ACME', opts);
		expect(stub.calls).toHaveLength(3);
		expect(stub.pauses[0]).toBe(0);
	});

	it('PUT after a 503: one request', async () => {
		const stub = await stubGateway(script({ status: 503 }));
		await rejection(stub.gateway.registerSender('ACME', opts));
		expect(stub.calls).toHaveLength(1);
	});
});

describe('Retry-After', () => {
	it.each([
		['3', 3000],
		['0', 0],
		['1.5', 1500],
		[' 10 ', 10000],
	])('%s seconds', (header, ms) => expect(retryAfterMs(header)).toBe(ms));

	it('an HTTP date, never negative', () => {
		const now = Date.parse('2026-11-30T10:00:00Z');
		expect(retryAfterMs('Mon, 30 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(retryAfterMs('Mon, 30 Nov 2026 09:00:00 GMT', now)).toBe(0);
	});

	it('absent or unreadable', () => {
		expect(retryAfterMs(undefined)).toBeUndefined();
		expect(retryAfterMs('soon')).toBeUndefined();
		expect(retryAfterMs('-5')).toBeUndefined();
	});
});
