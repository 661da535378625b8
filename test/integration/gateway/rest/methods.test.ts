// Every method of the REST gateway against the simulator, inside a real n8n execution.
import type { SendRequest } from '../../../../nodes/Ip1Sms/gateway/types';
import { KEY, opts, shown, startSim, type Sim } from './probe';

jest.setTimeout(60_000);

let s: Sim;
beforeAll(async () => {
	s = await startSim();
});
afterAll(async () => await s.sim.stop());
beforeEach(() => s.sim.reset());

const send = (over: Partial<SendRequest> = {}): SendRequest => ({
	sender: 'iP1',
	text: 'Hej',
	recipients: [
		{ to: '46701234567', itemIndex: 0 },
		{ to: '46709876543', itemIndex: 1 },
	],
	type: 'sms',
	priority: 1,
	...over,
});

describe('send', () => {
	it('sends a list: batch id, each recipient with its message id and first status, the read-back counted', async () => {
		const result = await s.run((g) => g.send(send(), opts));
		const state = s.sim.state().rest;
		expect(state.batches.map((b) => b.id)).toEqual([result.batchId]);
		const byRecipient = new Map(state.messages.map((m) => [m.recipient, m]));
		for (const m of result.messages) {
			const record = byRecipient.get(m.to)!;
			expect(m.messageId).toBe(record.id);
			// the status it had when the batch was read back (the simulator moves on meanwhile)
			expect(record.history.map((h) => h.code)).toContain(m.status?.code);
			expect(m.text).toBe('Hej');
			expect(m.segments).toBe(1);
		}
		expect(result.messages.map((m) => m.itemIndex)).toEqual([0, 1]);
		expect(result.requests).toBe(2);
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(s.hits('GET /v2/batches/{id}/messages')).toBe(1);
		expect(s.accepted()).toBe(2);
	});

	it('templated: each recipient gets the text render() predicts, as the simulator stored it', async () => {
		const request = send({
			text: 'Hej {name}, din kod är {code}. {Name} {missing}',
			recipients: [
				{ to: '46701234567', itemIndex: 0, values: { name: 'Anna', code: '1234' } },
				{ to: '46709876543', itemIndex: 1, values: { code: '99' } },
				{ to: '46705550000', itemIndex: 2 },
			],
			defaults: { name: 'kund', code: '0000' },
		});
		const { result, rendered } = await s.run(async (g) => ({
			result: await g.send(request, opts),
			rendered: request.recipients.map((r) => g.render(request.text, r.values, request.defaults)),
		}));
		const stored = new Map(s.sim.state().rest.messages.map((m) => [m.recipient, m.body]));
		expect(request.recipients.map((r) => stored.get(r.to))).toEqual(rendered);
		expect(rendered[1]).toBe('Hej kund, din kod är 99. {Name} {missing}');
		expect(result.messages.map((m) => m.text)).toEqual(rendered);
		expect(s.sim.state().rest.batches[0].templated).toBe(true);
	});

	it('render() agrees with the simulator on the edge cases of placeholders', async () => {
		const request = send({
			text: 'A {a} B {{a}} C {} D { a } E {A} F {ä-ö} G {b} H {a}{a}',
			recipients: [
				{ to: '46701234567', itemIndex: 0, values: { a: '{b}', ' a ': 'spaced', 'ä-ö': 'åäö' } },
				{ to: '46709876543', itemIndex: 1, values: { A: 'upper' } },
			],
			defaults: { b: 'default-b' },
		});
		const rendered = await s.run(async (g) => {
			await g.send(request, opts);
			return request.recipients.map((r) => g.render(request.text, r.values, request.defaults));
		});
		const stored = new Map(s.sim.state().rest.messages.map((m) => [m.recipient, m.body]));
		expect(request.recipients.map((r) => stored.get(r.to))).toEqual(rendered);
		expect(rendered[0]).toBe('A {b} B {{b}} C {} D spaced E {A} F åäö G default-b H {b}{b}');
	});

	it('every option reaches the batch as sent', async () => {
		const opens = new Date(Date.now() + 3_600_000);
		opens.setUTCMilliseconds(0);
		const result = await s.run((g) =>
			g.send(
				send({
					type: 'flash',
					priority: 2,
					characterSet: 'gsm',
					sendAt: { unixSeconds: opens.getTime() / 1000, iso: opens.toISOString() },
					deliveryReportUrl: 'http://127.0.0.1:9/dlr',
					reference: 'order-1234',
					tags: ['orders', 'vip'],
				}),
				opts,
			),
		);
		const [batch] = s.sim.state().rest.batches;
		expect(batch).toMatchObject({
			type: 'flash',
			priority: 2,
			datacoding: 'gsm',
			deliveryReportUrl: 'http://127.0.0.1:9/dlr',
			reference: 'order-1234',
			tags: ['orders', 'vip'],
		});
		expect(Date.parse(batch.deliveryWindows[0].opens)).toBe(opens.getTime());
		expect(result.messages.every((m) => m.status?.state === 'pending')).toBe(true);
		const info = await s.run((g) => g.getBatch(result.batchId!, opts));
		expect(info).toMatchObject({ type: 'flash', characterSet: 'gsm', priority: 2, sendAt: opens.toISOString(), reference: 'order-1234', tags: ['orders', 'vip'] });
	});

	it('UCS-2 is sent as ucs', async () => {
		await s.run((g) => g.send(send({ text: 'Привет', characterSet: 'ucs2' }), opts));
		expect(s.sim.state().rest.batches[0].datacoding).toBe('ucs');
	});

	it('a number listed twice gets two messages, paired in order', async () => {
		const result = await s.run((g) =>
			g.send(send({ recipients: [{ to: '46701234567', itemIndex: 0 }, { to: '46709876543', itemIndex: 1 }, { to: '46701234567', itemIndex: 2 }] }), opts),
		);
		const ids = s.sim.state().rest.messages.filter((m) => m.recipient === '46701234567').map((m) => m.id);
		expect(ids).toHaveLength(2);
		expect([result.messages[0].messageId, result.messages[2].messageId].sort()).toEqual([...ids].sort());
		expect(result.messages[0].messageId).not.toBe(result.messages[2].messageId);
	});

	it('a blacklisted recipient comes back rejected (406); the others go out', async () => {
		await s.run((g) => g.addToBlacklist('46709876543', opts));
		const result = await s.run((g) => g.send(send(), opts));
		expect(result.messages[1].status).toMatchObject({ code: 406, state: 'rejected', name: 'Blacklisted' });
		expect(result.messages[0].status?.state).not.toBe('rejected');
		expect(s.accepted()).toBe(1);
	});

	it('1000 recipients in one request', async () => {
		const recipients = Array.from({ length: 1000 }, (_, i) => ({ to: String(46700000000 + i), itemIndex: i }));
		const result = await s.run((g) => g.send(send({ recipients }), opts));
		expect(result.messages.every((m, i) => m.to === recipients[i].to && m.messageId)).toBe(true);
		expect(new Set(result.messages.map((m) => m.messageId)).size).toBe(1000);
		expect(s.hits('POST /v2/batches')).toBe(1);
		expect(s.accepted()).toBe(1000);
	});
});

describe('reads', () => {
	it('getMessage: the status history, newest first', async () => {
		const sent = await s.run((g) => g.send(send(), opts));
		const info = await s.run((g) => g.getMessage(sent.messages[0].messageId!, sent.batchId, opts));
		const record = s.sim.state().rest.messages.find((m) => m.id === info.messageId)!;
		expect(info).toMatchObject({ batchId: sent.batchId, to: '46701234567', from: 'iP1', text: 'Hej', direction: 'outgoing', segments: 1 });
		expect(info.status.code).toBe(record.status);
		expect(info.history?.map((h) => h.code)).toEqual(record.history.map((h) => h.code).reverse());
		expect(info.history?.every((h) => h.at?.endsWith('Z'))).toBe(true);
	});

	it('getMessage of an unknown id: a 404 error naming the item', async () => {
		const sent = await s.run((g) => g.send(send(), opts));
		const error = await s.run((g) => g.getMessage('aaaaaaaaaaaaaaaaaaaaaaaa', sent.batchId, { itemIndex: 4, timeout: 5000 })).catch((e) => e);
		expect(error.message).toBe('iP.1 could not read message aaaaaaaaaaaaaaaaaaaaaaaa: not found (HTTP 404)');
		expect(error.description).toMatch(/^Not Found\. Message or batch not found\./);
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(4);
	});

	it('getBatchMessages: Return All over pages, and Limit', async () => {
		s.sim.setRest({ maxPageSize: 50 });
		try {
			const recipients = Array.from({ length: 120 }, (_, i) => ({ to: String(46700000000 + i), itemIndex: i }));
			const sent = await s.run((g) => g.send(send({ recipients }), opts));
			const before = s.hits('GET /v2/batches/{id}/messages');
			const all = await s.run((g) => g.getBatchMessages(sent.batchId!, { returnAll: true, limit: 0 }, opts));
			expect(all.map((m) => m.to)).toEqual(recipients.map((r) => r.to));
			// 1000 is refused once (400), then 50 at a time
			expect(s.hits('GET /v2/batches/{id}/messages') - before).toBe(4);
			const some = await s.run((g) => g.getBatchMessages(sent.batchId!, { returnAll: false, limit: 70 }, opts));
			expect(some.map((m) => m.to)).toEqual(recipients.slice(0, 70).map((r) => r.to));
		} finally {
			s.sim.setRest({ maxPageSize: 1000 });
		}
	});

	it('getBatch and listBatches in both orders', async () => {
		const a = await s.run((g) => g.send(send({ text: 'first' }), opts));
		const b = await s.run((g) => g.send(send({ text: 'second' }), opts));
		const batch = await s.run((g) => g.getBatch(a.batchId!, opts));
		expect(batch).toMatchObject({ batchId: a.batchId, from: 'iP1', text: 'first', type: 'sms', priority: 1 });
		expect(batch.price?.currency).toBe('SEK');
		expect(Object.values(batch.statusCounts ?? {}).reduce((n, c) => n + c.messages, 0)).toBe(2);
		expect(batch.createdAt).toMatch(/Z$/);
		const asc = await s.run((g) => g.listBatches({ returnAll: true, limit: 0 }, opts));
		const desc = await s.run((g) => g.listBatches({ returnAll: true, limit: 0, order: 'DESC' }, opts));
		expect(asc.map((x) => x.batchId)).toEqual([a.batchId, b.batchId]);
		expect(desc.map((x) => x.batchId)).toEqual([b.batchId, a.batchId]);
		const one = await s.run((g) => g.listBatches({ returnAll: false, limit: 1 }, opts));
		expect(one.map((x) => x.batchId)).toEqual([a.batchId]);
	});

	it('conversation: all, outgoing, incoming, and the summary', async () => {
		await s.run((g) => g.send(send({ recipients: [{ to: '46701234567', itemIndex: 0 }] }), opts));
		await s.sim.injectRestIncoming({ sender: '46701234567', recipient: 'iP1', body: 'Svar', url: 'http://127.0.0.1:9/in' });
		const [all, out, inc, summary] = await s.run(async (g) => [
			await g.getConversation('46701234567', 'all', { returnAll: true, limit: 0 }, opts),
			await g.getConversation('46701234567', 'outgoing', { returnAll: true, limit: 0 }, opts),
			await g.getConversation('46701234567', 'incoming', { returnAll: true, limit: 0 }, opts),
			await g.getConversationSummary('46701234567', opts),
		] as const);
		expect(all.map((m) => m.direction).sort()).toEqual(['incoming', 'outgoing']);
		expect(out.map((m) => [m.direction, m.text])).toEqual([['outgoing', 'Hej']]);
		expect(inc.map((m) => [m.direction, m.text, m.from])).toEqual([['incoming', 'Svar', '46701234567']]);
		expect(summary).toMatchObject({ participant: '46701234567', totalMessages: 2, totalSegments: 2 });
		expect(Object.values(summary.outgoing).reduce((n, c) => n + c.messages, 0)).toBe(1);
		expect(Object.values(summary.incoming).reduce((n, c) => n + c.messages, 0)).toBe(1);
	});

	it('balance', async () => {
		expect(await s.run((g) => g.getBalance(opts))).toEqual({ balance: 1000, currency: 'SEK', accountType: 'Swedish', accountId: 'ip1-12345' });
	});
});

const ACCOUNT_ID = 'ip1-12345';

describe('cancel', () => {
	const later = () => {
		const at = new Date(Date.now() + 3_600_000);
		return { unixSeconds: Math.floor(at.getTime() / 1000), iso: at.toISOString() };
	};

	it('cancels what waits; the batch is asked once per execution however many items carry it', async () => {
		const sent = await s.run((g) => g.send(send({ sendAt: later() }), opts));
		const results = await s.run((g) => Promise.all([0, 1, 2].map((i) => g.cancelBatch(sent.batchId!, { itemIndex: i, timeout: 5000 }))));
		expect(results.every((r) => r.cancelled)).toBe(true);
		expect(results[0].batch?.statusCounts?.['203']?.messages).toBe(2);
		expect(s.hits('DELETE /v2/batches/{id}')).toBe(1);
		expect(s.sim.state().rest.messages.map((m) => m.status)).toEqual([203, 203]);
		// a later execution: nothing waits any more
		expect(await s.run((g) => g.cancelBatch(sent.batchId!, opts))).toEqual({ cancelled: false });
	});

	it('a 204 answer is a cancel too', async () => {
		s.sim.setRest({ deleteAnswer: 'noContent' });
		try {
			const sent = await s.run((g) => g.send(send({ sendAt: later() }), opts));
			expect(await s.run((g) => g.cancelBatch(sent.batchId!, opts))).toEqual({ cancelled: true });
			expect(s.sim.state().rest.messages.map((m) => m.status)).toEqual([203, 203]);
		} finally {
			s.sim.setRest({ deleteAnswer: 'ok' });
		}
	});

	it('an unknown batch is a 404 error', async () => {
		const error = await s.run((g) => g.cancelBatch('aaaaaaaaaaaaaaaaaaaaaaaa', opts)).catch((e) => e);
		expect(error.httpCode).toBe('404');
	});
});

describe('senders and blacklist', () => {
	it('register, list, remove a sender', async () => {
		expect(await s.run((g) => g.registerSender('Acme', opts))).toMatchObject({ sender: 'Acme' });
		expect((await s.run((g) => g.listSenders(opts))).map((x) => x.sender)).toEqual(expect.arrayContaining(['iP1', 'iP1sms', 'Acme']));
		expect(await s.run((g) => g.getSender('acme', opts))).toMatchObject({ sender: 'Acme' });
		await s.run((g) => g.send(send({ sender: 'Acme' }), opts));
		await s.run((g) => g.removeSender('Acme', opts));
		expect((await s.run((g) => g.listSenders(opts))).map((x) => x.sender)).not.toContain('Acme');
		const error = await s.run((g) => g.send(send({ sender: 'Acme' }), opts)).catch((e) => e);
		expect(error.message).toBe('iP.1 refused to send the messages (HTTP 400)');
		expect(error.description).toMatch(/Sender: The sender 'Acme' is not registered for this account\./);
	});

	it('add, list (paged), remove blacklist entries', async () => {
		const numbers = Array.from({ length: 5 }, (_, i) => String(46701000000 + i));
		await s.run(async (g) => {
			for (const n of numbers) await g.addToBlacklist(n, opts);
		});
		const listed = await s.run((g) => g.listBlacklist({ returnAll: true, limit: 0 }, opts));
		expect(listed.map((e) => e.phoneNumber)).toEqual(numbers);
		expect(listed.every((e) => e.createdAt?.endsWith('Z'))).toBe(true);
		expect((await s.run((g) => g.listBlacklist({ returnAll: false, limit: 2 }, opts))).map((e) => e.phoneNumber)).toEqual(numbers.slice(0, 2));
		await s.run((g) => g.removeFromBlacklist(numbers[0], opts));
		expect(s.sim.state().rest.blacklist[ACCOUNT_ID]).toEqual(numbers.slice(1));
	});
});

describe('credential', () => {
	it('a wrong key: 401, and the key in neither message nor description', async () => {
		const error = await s.run((g) => g.getBalance(opts), { apiKey: 'wrong-key-123' }).catch((e) => e);
		expect(error.message).toBe('iP.1 did not accept the API key (HTTP 401)');
		expect(error.httpCode).toBe('401');
		expect(shown(error)).not.toContain('wrong-key-123');
	});

	it('is read once per execution, however many requests it makes', async () => {
		await s.run(async (g) => {
			const sent = await g.send(send(), opts);
			await g.getBatch(sent.batchId!, opts);
			await g.getBalance(opts);
		});
		expect(s.hits('POST /v2/batches') + s.hits('GET /v2/batches/{id}/messages') + s.hits('GET /v2/batches/{id}') + s.hits('GET /api/me')).toBe(4);
		expect(s.credentialReads()).toBe(1);
	});

	it('the key reaches iP.1 as the Bearer header of every call, and shows nowhere', async () => {
		const result = await s.run((g) => g.send(send(), opts));
		expect(result.batchId).toBeTruthy();
		expect(JSON.stringify(s.sim.state().rest)).not.toContain(KEY);
	});
});
