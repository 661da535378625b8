import { NodeOperationError } from 'n8n-workflow';

import { render } from '../../../../nodes/Ip1Sms/gateway/rest';
import type { SendRequest } from '../../../../nodes/Ip1Sms/gateway/types';
import { opts, rejection, stubGateway, type Answer, type Recorded } from './stub';

const base: SendRequest = {
	sender: 'iP1',
	text: 'Hej {name}',
	recipients: [
		{ to: '46701234567', itemIndex: 0 },
		{ to: '46709876543', itemIndex: 1 },
	],
	type: 'sms',
	priority: 1,
};

const message = (id: string, recipient: string, code = 101, extra: Record<string, unknown> = {}) => ({
	id,
	batchId: 'b1',
	recipient,
	body: 'Hej',
	segments: 1,
	statuses: [{ code, duration: code >= 200 ? 1 : 0, created: '2026-11-30T10:00:05Z' }],
	...extra,
});

/** POST answers `post`; GET …/messages answers `messages` (paged in one page). */
function server(post: Answer, messages: unknown[] = []) {
	return (req: Recorded): Answer => {
		if (req.method === 'POST') return post;
		if (req.url.pathname === '/v2/batches/b1/messages') return { status: 200, body: messages, headers: { link: '</v2/batches/b1/messages?start=0>; rel="self"' } };
		return { status: 404 };
	};
}

describe('the send request', () => {
	it('a plain list when nobody has template values; unset options left out', async () => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1' } }));
		await stub.gateway.send({ ...base, text: 'Hej' }, opts);
		expect(stub.calls[0].method).toBe('POST');
		expect(stub.calls[0].url.href).toBe('https://api.example.test/v2/batches');
		expect(stub.calls[0].headers['Content-Type']).toBe('application/json');
		expect(stub.calls[0].body).toEqual({ sender: 'iP1', recipients: ['46701234567', '46709876543'], body: 'Hej', type: 'sms', priority: 1 });
	});

	it('every option in its wire form', async () => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1' } }));
		await stub.gateway.send(
			{
				...base,
				type: 'flash',
				priority: 2,
				characterSet: 'ucs2',
				sendAt: { unixSeconds: 1796112000, iso: '2026-12-01T08:00:00.000Z' },
				deliveryReportUrl: 'https://n8n.example/webhook/dlr',
				reference: 'order-1234',
				tags: ['orders', 'vip'],
			},
			opts,
		);
		expect(stub.calls[0].body).toMatchObject({
			type: 'flash',
			priority: 2,
			datacoding: 'ucs',
			deliveryWindows: [{ opens: '2026-12-01T08:00:00.000Z' }],
			deliveryReportUrl: 'https://n8n.example/webhook/dlr',
			reference: 'order-1234',
			tags: ['orders', 'vip'],
		});
		expect((stub.calls[0].body as { deliveryWindows: object[] }).deliveryWindows[0]).not.toHaveProperty('closes');
	});

	it('GSM is sent as gsm', async () => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1' } }));
		await stub.gateway.send({ ...base, characterSet: 'gsm' }, opts);
		expect((stub.calls[0].body as { datacoding: string }).datacoding).toBe('gsm');
	});

	it('the recipients object with default when any recipient has values', async () => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1' } }));
		await stub.gateway.send(
			{
				...base,
				recipients: [
					{ to: '46701234567', itemIndex: 0, values: { name: 'Anna' } },
					{ to: '46709876543', itemIndex: 1 },
				],
				defaults: { name: 'kund' },
			},
			opts,
		);
		expect((stub.calls[0].body as { recipients: unknown }).recipients).toEqual({
			'46701234567': { name: 'Anna' },
			'46709876543': {},
			default: { name: 'kund' },
		});
	});

	it('a number twice in a templated send is refused before any request, on the second one’s item', async () => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1' } }));
		const error = await rejection(
			stub.gateway.send(
				{
					...base,
					recipients: [
						{ to: '46701234567', itemIndex: 0, values: { name: 'A' } },
						{ to: '46701234567', itemIndex: 7, values: { name: 'B' } },
					],
				},
				opts,
			),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The number 46701234567 is listed twice in one send with template values');
		expect((error.context as { itemIndex: number }).itemIndex).toBe(7);
		expect(stub.calls).toHaveLength(0);
	});

	it('no recipients, or more than one request may carry: refused before any request', async () => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1' } }));
		await rejection(stub.gateway.send({ ...base, recipients: [] }, opts));
		const many = Array.from({ length: stub.gateway.maxRecipientsPerRequest + 1 }, (_, i) => ({ to: String(46700000000 + i), itemIndex: i }));
		const error = await rejection(stub.gateway.send({ ...base, recipients: many }, opts));
		expect(error.message).toBe('Too many recipients for one request (1001)');
		expect(stub.calls).toHaveLength(0);
	});
});

describe('the send answer, in every form', () => {
	const all = [message('m1', '46701234567'), message('m2', '46709876543')];

	it('201 with the batch document: ids and first statuses read from the batch messages', async () => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1', sender: 'iP1', messageSummary: { '101': { messages: 2, sms: 2 } } } }, all));
		const result = await stub.gateway.send(base, opts);
		expect(result.batchId).toBe('b1');
		expect(result.messages.map((m) => [m.to, m.itemIndex, m.messageId, m.status?.code, m.status?.state])).toEqual([
			['46701234567', 0, 'm1', 101, 'pending'],
			['46709876543', 1, 'm2', 101, 'pending'],
		]);
		expect(result.requests).toBe(2);
		expect(stub.calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual(['POST /v2/batches', 'GET /v2/batches/b1/messages']);
	});

	it('200 with a bare id', async () => {
		const stub = await stubGateway(server({ status: 200, body: { id: 'b1' } }, all));
		const result = await stub.gateway.send(base, opts);
		expect(result).toMatchObject({ batchId: 'b1', requests: 2 });
		expect(result.messages.map((m) => m.messageId)).toEqual(['m1', 'm2']);
	});

	it('an id as a number is a string', async () => {
		const stub = await stubGateway((req) => (req.method === 'POST' ? { status: 200, body: { id: 123456 } } : { status: 200, body: [] }));
		expect((await stub.gateway.send(base, opts)).batchId).toBe('123456');
	});

	it('an array of messages: nothing more to read', async () => {
		const stub = await stubGateway(server({ status: 200, body: [all[1], all[0]] }));
		const result = await stub.gateway.send(base, opts);
		expect(result).toMatchObject({ batchId: 'b1', requests: 1 });
		expect(result.messages.map((m) => m.messageId)).toEqual(['m1', 'm2']);
	});

	it('an array holding the batch document', async () => {
		const stub = await stubGateway(server({ status: 200, body: [{ id: 'b1', sender: 'iP1' }] }, all));
		expect(await stub.gateway.send(base, opts)).toMatchObject({ batchId: 'b1', requests: 2 });
	});

	it('a batch document with its messages: nothing more to read', async () => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1', messages: all } }));
		const result = await stub.gateway.send(base, opts);
		expect(result.requests).toBe(1);
		expect(result.messages[1]).toMatchObject({ messageId: 'm2', text: 'Hej', segments: 1 });
	});

	it('an empty 201 with only a Location header', async () => {
		const stub = await stubGateway(server({ status: 201, headers: { location: '/v2/batches/b1' } }, all));
		expect(await stub.gateway.send(base, opts)).toMatchObject({ batchId: 'b1', requests: 2 });
	});

	it('a bare id as text or as a JSON string', async () => {
		for (const body of ['b1', '"b1"']) {
			const stub = await stubGateway(server({ status: 201, body, headers: { 'content-type': 'text/plain' } }, all));
			expect(await stub.gateway.send(base, opts)).toMatchObject({ batchId: 'b1' });
		}
	});

	it('an answer that names no batch: "may have been sent", never sent again', async () => {
		const stub = await stubGateway(server({ status: 200, body: { ok: true } }));
		const error = await rejection(stub.gateway.send(base, opts));
		expect(error.message).toBe('iP.1 accepted the send (HTTP 200) but its answer names no batch');
		expect(error.description).toMatch(/^The messages may have reached iP\.1\. They were not sent again/);
		expect(stub.calls).toHaveLength(1);
	});

	it('a recipient listed twice takes the messages of that number in order', async () => {
		const stub = await stubGateway(
			server({ status: 201, body: { id: 'b1' } }, [message('m3', '46701234567'), message('m2', '46709876543'), message('m1', '46701234567')]),
		);
		const result = await stub.gateway.send({ ...base, text: 'Hej', recipients: [base.recipients[0], base.recipients[1], { to: '46701234567', itemIndex: 2 }] }, opts);
		expect(result.messages.map((m) => [m.itemIndex, m.messageId])).toEqual([
			[0, 'm3'],
			[1, 'm2'],
			[2, 'm1'],
		]);
	});

	it('a rejected recipient comes back with its 4xx status, not as an error', async () => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1' } }, [message('m1', '46701234567'), message('m2', '46709876543', 406)]));
		const result = await stub.gateway.send(base, opts);
		expect(result.messages[1].status).toMatchObject({ code: 406, name: 'Blacklisted', state: 'rejected' });
		expect(result.messages[0].status?.state).toBe('pending');
	});

	const thousand = Array.from({ length: 1000 }, (_, i) => message(`m${i}`, String(46700000000 + i)));
	const thousandRecipients = thousand.map((r, i) => ({ to: r.recipient, itemIndex: i }));

	it('the batch messages are read over every page and each request is counted', async () => {
		const stub = await stubGateway((req) => {
			if (req.method === 'POST') return { status: 201, body: { id: 'b1' } };
			const start = Number(req.url.searchParams.get('start'));
			const limit = Math.min(400, Number(req.url.searchParams.get('limit'))); // a server whose pages hold 400
			const next = start + limit < thousand.length ? `, </v2/batches/b1/messages?start=${start + limit}&limit=${limit}>;rel=next` : '';
			return { status: 200, body: thousand.slice(start, start + limit), headers: { link: `</v2/batches/b1/messages?start=${start}>;rel=self${next}` } };
		});
		const result = await stub.gateway.send({ ...base, recipients: thousandRecipients }, opts);
		expect(result.messages.every((m, i) => m.messageId === `m${i}`)).toBe(true);
		expect(result.requests).toBe(4);
	});

	it('1,000 recipients are read in one request even from a server that sends no Link header', async () => {
		const stub = await stubGateway((req) => {
			if (req.method === 'POST') return { status: 201, body: { id: 'b1' } };
			const start = Number(req.url.searchParams.get('start'));
			return { status: 200, body: thousand.slice(start, start + Number(req.url.searchParams.get('limit'))) };
		});
		const result = await stub.gateway.send({ ...base, recipients: thousandRecipients }, opts);
		expect(result.messages.every((m, i) => m.messageId === `m${i}`)).toBe(true);
		expect(stub.calls.map((c) => `${c.method} ${c.url.pathname}?${c.url.searchParams}`)).toEqual([
			'POST /v2/batches?',
			'GET /v2/batches/b1/messages?start=0&limit=1000',
		]);
	});

	it('a failed read-back does not fail the send: the messages are out, the ids are missing', async () => {
		const stub = await stubGateway((req) => (req.method === 'POST' ? { status: 201, body: { id: 'b1' } } : { status: 503 }));
		const result = await stub.gateway.send(base, opts);
		expect(result.batchId).toBe('b1');
		expect(result.messages.map((m) => m.messageId)).toEqual([undefined, undefined]);
		expect(result.requests).toBe(4);
		expect(stub.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
	});
});

describe('Read Message IDs off (readMessageIds: false)', () => {
	const off: SendRequest = { ...base, readMessageIds: false };
	const all = [message('m1', '46701234567'), message('m2', '46709876543')];
	const batchDoc = (summary: Record<string, { messages: number; sms: number }>) => ({ status: 201, body: { id: 'b1', sender: 'iP1', messageSummary: summary } });

	it('one request: the batch id, and the status every message has, without message ids', async () => {
		const stub = await stubGateway(server(batchDoc({ '103': { messages: 2, sms: 2 } }), all));
		const result = await stub.gateway.send(off, opts);
		expect(stub.calls.map((c) => c.method)).toEqual(['POST']);
		expect(result).toMatchObject({ batchId: 'b1', requests: 1 });
		expect(result.messages.map((m) => [m.to, m.itemIndex, m.messageId, m.status?.code, m.status?.state])).toEqual([
			['46701234567', 0, undefined, 103, 'pending'],
			['46709876543', 1, undefined, 103, 'pending'],
		]);
	});

	it('a bare id: the batch id only', async () => {
		const stub = await stubGateway(server({ status: 200, body: { id: 'b1' } }, all));
		const result = await stub.gateway.send(off, opts);
		expect(result).toEqual({ batchId: 'b1', requests: 1, messages: [{ to: '46701234567', itemIndex: 0 }, { to: '46709876543', itemIndex: 1 }] });
	});

	it('counts of several statuses, or not one per recipient: no status is guessed', async () => {
		const summaries: Array<Record<string, { messages: number; sms: number }>> = [{ '101': { messages: 1, sms: 1 }, '102': { messages: 1, sms: 1 } }, { '103': { messages: 3, sms: 3 } }];
		for (const summary of summaries) {
			const stub = await stubGateway(server(batchDoc(summary), all));
			const result = await stub.gateway.send(off, opts);
			expect(result.requests).toBe(1);
			expect(result.messages.map((m) => m.status)).toEqual([undefined, undefined]);
		}
	});

	it('counts that say a recipient was refused: the messages are read, to name it', async () => {
		const stub = await stubGateway(server(batchDoc({ '103': { messages: 1, sms: 1 }, '406': { messages: 1, sms: 0 } }), [all[0], message('m2', '46709876543', 406)]));
		const result = await stub.gateway.send(off, opts);
		expect(result.requests).toBe(2);
		expect(result.messages.map((m) => [m.to, m.messageId, m.status?.state])).toEqual([
			['46701234567', 'm1', 'pending'],
			['46709876543', 'm2', 'rejected'],
		]);
	});

	it('a single recipient refused: its status from the counts, in one request', async () => {
		const stub = await stubGateway(server(batchDoc({ '406': { messages: 1, sms: 0 } })));
		const result = await stub.gateway.send({ ...off, recipients: [base.recipients[0]] }, opts);
		expect(result.requests).toBe(1);
		expect(result.messages[0]).toMatchObject({ to: '46701234567', status: { code: 406, state: 'rejected' } });
	});

	it('a read after a refusal that fails does not fail the send (sent once, no status guessed)', async () => {
		const stub = await stubGateway((req) => (req.method === 'POST' ? batchDoc({ '103': { messages: 1, sms: 1 }, '406': { messages: 1, sms: 0 } }) : { status: 503 }));
		const result = await stub.gateway.send(off, opts);
		expect(result.batchId).toBe('b1');
		expect(result.messages.map((m) => [m.messageId, m.status])).toEqual([
			[undefined, undefined],
			[undefined, undefined],
		]);
		expect(stub.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
	});

	it.each([true, false, undefined])('an answer that carries the messages is never read again (readMessageIds %s)', async (readMessageIds) => {
		const stub = await stubGateway(server({ status: 201, body: { id: 'b1', messages: all } }));
		const result = await stub.gateway.send({ ...base, readMessageIds }, opts);
		expect(result.requests).toBe(1);
		expect(result.messages.map((m) => m.messageId)).toEqual(['m1', 'm2']);
	});
});

describe('render', () => {
	it.each([
		['Hej {name}', { name: 'Anna' }, undefined, 'Hej Anna'],
		['Hej {name}', {}, { name: 'kund' }, 'Hej kund'],
		['Hej {name}', { name: 'Anna' }, { name: 'kund' }, 'Hej Anna'],
		['Hej {name}', undefined, undefined, 'Hej {name}'],
		['Hej {Name}', { name: 'Anna' }, undefined, 'Hej {Name}'],
		['{a}{b}{a}', { a: '1', b: '2' }, undefined, '121'],
		['{ a }', { a: '1', ' a ': '2' }, undefined, '2'],
		['{}{{a}}', { a: 'x' }, undefined, '{}{x}'],
		['Pris: {price} kr', { price: '' }, { price: '10' }, 'Pris:  kr'],
		['{toString}', {}, undefined, '{toString}'],
		['{a}', { a: '{b}', b: 'no' }, undefined, '{b}'],
	])('%s with %j and default %j is %s', (text, values, defaults, expected) => {
		expect(render(text, values as Record<string, string> | undefined, defaults as Record<string, string> | undefined)).toBe(expected);
	});
});
