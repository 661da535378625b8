import { isoUtc, readBatch, readCharacterSet, readDirection, readMessage, readType } from '../../../../nodes/Ip1Sms/gateway/rest/documents';
import { opts, stubGateway } from './stub';

describe('reading documents', () => {
	it.each([
		['2018-10-23T17:43:19Z', '2018-10-23T17:43:19.000Z'],
		['2019-11-01T16:32:18.253', '2019-11-01T16:32:18.253Z'],
		['2019-11-01 16:32:18', '2019-11-01T16:32:18.000Z'],
		['2026-12-01T10:00:00+02:00', '2026-12-01T08:00:00.000Z'],
		['2026-12-01T10:00:00-0130', '2026-12-01T11:30:00.000Z'],
		['2026-12-01', '2026-12-01T00:00:00.000Z'],
	])('date %s → %s', (input, output) => expect(isoUtc(input)).toBe(output));

	it('keeps a date it cannot read, and skips an absent one', () => {
		expect(isoUtc('next tuesday')).toBe('next tuesday');
		expect(isoUtc('')).toBeUndefined();
		expect(isoUtc(null)).toBeUndefined();
	});

	it.each([
		['sms', 'sms'],
		['SMS', 'sms'],
		['Flash', 'flash'],
		[1, 'sms'],
		[0, 'flash'],
		['mms', undefined],
	])('type %j → %s', (input, output) => expect(readType(input)).toBe(output));

	it.each([
		['gsm', 'gsm'],
		['GSM', 'gsm'],
		['ucs', 'ucs2'],
		['UCS', 'ucs2'],
		[0, 'gsm'],
		[2, 'ucs2'],
		[8, undefined],
	])('datacoding %j → %s', (input, output) => expect(readCharacterSet(input)).toBe(output));

	it.each([
		['mt', 'outgoing'],
		['MO', 'incoming'],
		[0, 'outgoing'],
		[1, 'incoming'],
	])('direction %j → %s', (input, output) => expect(readDirection(input)).toBe(output));

	it('a message document, its history newest first whatever the order given', () => {
		const info = readMessage({
			id: 5,
			batchId: 'b1',
			recipient: 46701234567,
			sender: 'iP1',
			body: 'Hej Anna',
			direction: 'MT',
			segments: '1',
			price: 0.0416,
			currency: 'EUR',
			reference: 'order-1234',
			statuses: [
				{ code: 101, created: '2026-11-30T10:00:00' },
				{ code: 201, duration: 1, created: '2026-11-30T10:00:05Z' },
				{ code: 111, created: '2026-11-30T10:00:02Z' },
			],
		});
		expect(info).toMatchObject({
			messageId: '5',
			batchId: 'b1',
			to: '46701234567',
			from: 'iP1',
			text: 'Hej Anna',
			direction: 'outgoing',
			segments: 1,
			price: 0.0416,
			currency: 'EUR',
			reference: 'order-1234',
		});
		expect(info.status).toMatchObject({ code: 201, state: 'delivered', at: '2026-11-30T10:00:05.000Z' });
		expect(info.history?.map((s) => s.code)).toEqual([201, 111, 101]);
	});

	it('a message without statuses is not taken for delivered', () => {
		expect(readMessage({ id: 'm1' }).status).toMatchObject({ code: 0, state: 'pending' });
		expect(readMessage({ id: 'm1', status: 203 }).status).toMatchObject({ code: 203, state: 'cancelled' });
	});

	it('a batch document', () => {
		expect(
			readBatch({
				id: '5bc86b6e85c7209830f96936',
				sender: 'iP1',
				body: 'Hej {name}',
				type: 'SMS',
				datacoding: 0,
				priority: 1,
				templated: true,
				priceSummary: { total: 0.125, currency: 'EUR', average: 0.0416 },
				messageSummary: { '101': { messages: 43, sms: 86 }, '201': { messages: 142, sms: 284 } },
				deliveryWindows: [{ opens: '2026-12-01T08:00:00Z', closes: '2026-12-08T08:00:00Z' }],
				deliveryReportUrl: 'https://x',
				reference: 'order-1234',
				tags: ['orders'],
				created: '2026-11-30T10:00:00',
			}),
		).toEqual({
			batchId: '5bc86b6e85c7209830f96936',
			from: 'iP1',
			text: 'Hej {name}',
			type: 'sms',
			characterSet: 'gsm',
			priority: 1,
			createdAt: '2026-11-30T10:00:00.000Z',
			sendAt: '2026-12-01T08:00:00.000Z',
			reference: 'order-1234',
			tags: ['orders'],
			deliveryReportUrl: 'https://x',
			price: { total: 0.125, average: 0.0416, currency: 'EUR' },
			statusCounts: { '101': { messages: 43, segments: 86 }, '201': { messages: 142, segments: 284 } },
		});
	});

	it("the vendor's own example: MT, GSM, a batch-level status (kept as a code) and currency in lower case", () => {
		const batch = readBatch({ id: 'b1', direction: 'MT', type: 'flash', datacoding: 'GSM', status: 112, priceSummary: { total: 1, currency: 'sek' } });
		expect(batch).toMatchObject({ type: 'flash', characterSet: 'gsm', statusCode: 112, price: { total: 1, currency: 'SEK' } });
		expect(readBatch({ id: 'b1' })).not.toHaveProperty('statusCode');
		expect(readMessage({ id: 'm1', currency: ' eur ', direction: 'MT' })).toMatchObject({ currency: 'EUR', direction: 'outgoing' });
	});
});

describe('other calls', () => {
	it('balance from /api/me in PascalCase or camelCase, negative too', async () => {
		for (const body of [
			{ Account: 'ip1-12345', Organization: 'Acme', Type: 'Swedish', Balance: -3.5, Currency: 'SEK' },
			{ account: 'ip1-12345', type: 'Swedish', balance: '-3.5', currency: 'SEK' },
		]) {
			const stub = await stubGateway(() => ({ status: 200, body }));
			expect(await stub.gateway.getBalance(opts)).toEqual({ balance: -3.5, currency: 'SEK', accountType: 'Swedish', accountId: 'ip1-12345' });
			expect(stub.calls[0].url.pathname).toBe('/api/me');
		}
	});

	it('a balance answer without a balance is an error', async () => {
		const stub = await stubGateway(() => ({ status: 200, body: { Account: 'ip1-1' } }));
		await expect(stub.gateway.getBalance(opts)).rejects.toThrow(/unexpected/);
	});

	it('cancel: 200 with the batch, 204 without, 409 when nothing waited', async () => {
		const answers = [
			{ status: 200, body: { id: 'b1', messageSummary: { '203': { messages: 2, sms: 2 } } } },
			{ status: 204 },
			{ status: 409, body: { title: 'Nothing to cancel', status: 409 } },
		];
		const results = [];
		for (const answer of answers) {
			const stub = await stubGateway(() => answer);
			results.push(await stub.gateway.cancelBatch('b1', opts));
			expect(stub.calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual(['DELETE /v2/batches/b1']);
		}
		expect(results).toEqual([
			{ cancelled: true, batch: { batchId: 'b1', statusCounts: { '203': { messages: 2, segments: 2 } } } },
			{ cancelled: true },
			{ cancelled: false },
		]);
	});

	it('a batch cancelled or read for many items is asked once per execution', async () => {
		const stub = await stubGateway((req) => (req.method === 'DELETE' ? { status: 200, body: { id: 'b1' } } : { status: 200, body: { id: 'b1', sender: 'x' } }));
		await Promise.all([1, 2, 3].map((i) => stub.gateway.cancelBatch('b1', { itemIndex: i, timeout: 1000 })));
		await stub.gateway.getBatch('b1', opts);
		await stub.gateway.getBatch('b1', { itemIndex: 9, timeout: 1000 });
		expect(stub.calls.map((c) => c.method)).toEqual(['DELETE', 'GET']);
	});

	it('a shared failure is reported on each item that asked', async () => {
		const stub = await stubGateway(() => ({ status: 404 }));
		const errors = await Promise.all([1, 2].map((i) => stub.gateway.getBatch('b1', { itemIndex: i, timeout: 1000 }).catch((e) => e)));
		expect(errors.map((e) => e.context.itemIndex)).toEqual([1, 2]);
		expect(errors[1].message).toBe(errors[0].message);
		expect(stub.calls).toHaveLength(1);
	});

	it('paths: ids and numbers encoded, conversation directions, senders and blacklist', async () => {
		const stub = await stubGateway((req) => {
			if (req.method === 'PUT') return { status: 200, body: {} };
			if (req.method === 'DELETE') return { status: 204 };
			if (req.url.pathname.endsWith('/summary'))
				return { status: 200, body: { participant: '46701234567', totalMessageCount: 3, totalSmsCount: 4, mobileTerminatedMessages: { '201': { messages: 2, sms: 3 } }, mobileOriginatedMessages: { '101': { messages: 1, sms: 1 } } } };
			if (req.url.pathname.includes('/messages/')) return { status: 200, body: { id: 'm 1', statuses: [{ code: 201 }] } };
			if (req.url.pathname === '/v2/me/senders') return { status: 200, body: [{ sender: 'iP1', created: '2026-01-01T00:00:00Z' }] };
			return { status: 200, body: [] };
		});
		const g = stub.gateway;
		await g.getMessage('m 1', 'b/1', opts);
		await g.getConversation('46701234567', 'all', { returnAll: true, limit: 0 }, opts);
		await g.getConversation('46701234567', 'outgoing', { returnAll: true, limit: 0 }, opts);
		await g.getConversation('46701234567', 'incoming', { returnAll: true, limit: 0 }, opts);
		expect(await g.getConversationSummary('46701234567', opts)).toEqual({
			participant: '46701234567',
			totalMessages: 3,
			totalSegments: 4,
			outgoing: { '201': { messages: 2, segments: 3 } },
			incoming: { '101': { messages: 1, segments: 1 } },
		});
		expect(await g.listSenders(opts)).toEqual([{ sender: 'iP1', createdAt: '2026-01-01T00:00:00.000Z' }]);
		expect(await g.registerSender('ACME AB', opts)).toEqual({ sender: 'ACME AB' });
		await g.removeSender('ACME AB', opts);
		expect(await g.addToBlacklist('46701234567', opts)).toEqual({ phoneNumber: '46701234567' });
		await g.removeFromBlacklist('46701234567', opts);
		expect(stub.calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
			'GET /v2/batches/b%2F1/messages/m%201',
			'GET /v2/conversations/46701234567',
			'GET /v2/conversations/46701234567/mt',
			'GET /v2/conversations/46701234567/mo',
			'GET /v2/conversations/46701234567/summary',
			'GET /v2/me/senders',
			'PUT /v2/me/senders/ACME%20AB',
			'DELETE /v2/me/senders/ACME%20AB',
			'PUT /v2/blacklist/46701234567',
			'DELETE /v2/blacklist/46701234567',
		]);
		expect(stub.calls.filter((c) => c.method !== 'GET').every((c) => c.body === undefined)).toBe(true);
	});

	it('reading a message needs its batch id', async () => {
		const stub = await stubGateway(() => ({ status: 200, body: {} }));
		await expect(stub.gateway.getMessage('m1', undefined, opts)).rejects.toThrow('Batch ID is required to read a message');
		expect(stub.calls).toHaveLength(0);
	});

	it('a credential with a bad Base URL or no key fails before any request', async () => {
		await expect(stubGateway(() => ({ status: 200 }), { apiKey: 'k', baseUrl: 'api.ip1sms.com' })).rejects.toThrow(/Base URL/);
		await expect(stubGateway(() => ({ status: 200 }), { apiKey: ' ', baseUrl: 'https://api.ip1sms.com' })).rejects.toThrow(/API Key is empty/);
		const stub = await stubGateway(() => ({ status: 200, body: { Balance: 1 } }), { apiKey: 'k', baseUrl: 'https://api.ip1sms.com/// ' });
		await stub.gateway.getBalance(opts);
		expect(stub.calls[0].url.href).toBe('https://api.ip1sms.com/api/me');
	});
});
