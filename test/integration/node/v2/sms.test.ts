// Version 2, REST API: SMS → Send, Schedule, Get Status, Cancel against the simulator.
import { items, startRestGateway, REST_KEY, type RestGateway } from '../rest/restGateway';

jest.setTimeout(60_000); // the first run of a file also loads n8n-core and compiles the node

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway();
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const ANNA = '46701234567';
const BO = '46709876543';
const send = (extra: Record<string, unknown> = {}) => ({ resource: 'sms', operation: 'send', to: '+46 70-123 45 67', from: 'iP1', message: 'Hej på dig', ...extra });

async function blacklist(msisdn: string) {
	const res = await fetch(`${gw.sim.url}/v2/blacklist/${msisdn}`, { method: 'PUT', headers: { authorization: `Bearer ${REST_KEY}` } });
	expect(res.ok).toBe(true);
}

describe('SMS → Send', () => {
	it('sends one message per item, paired, with batch id, message id and first status as the simulator stored them', async () => {
		const result = await gw.run(send({ to: '={{ $json.phone }}', message: '={{ "Hej " + $json.name }}' }), {
			input: items({ phone: ANNA, name: 'Anna' }, { phone: '+' + BO, name: 'Bo' }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		const stored = gw.sim.state().rest;
		expect(stored.calls['POST /v2/batches']).toBe(2);
		for (const [i, item] of result.items.entries()) {
			expect(item.pairedItem).toEqual({ item: i });
			const json = item.json;
			const message = stored.messages.find((m) => m.id === json.messageId)!;
			expect(message).toBeDefined();
			expect(json.batchId).toBe(message.batchId);
			expect(typeof json.batchId).toBe('string');
			expect(json.to).toBe(message.recipient);
			expect(json.message).toBe(message.body);
			expect(message.history.map((h) => h.code)).toContain(json.statusCode);
			expect(['pending', 'delivered']).toContain(json.state);
			expect(json).not.toHaveProperty('final');
		}
		expect(result.items.map((i) => i.json.message)).toEqual(['Hej Anna', 'Hej Bo']);
		expect(stored.messages.map((m) => m.recipient).sort()).toEqual([ANNA, BO]);
	});

	it('Auto character set: GSM for plain text, UCS-2 only when a character needs it; segments as the contract counts', async () => {
		const plain = await gw.run(send({ message: 'x'.repeat(161) }));
		expect(plain.items[0].json).toMatchObject({ characterSet: 'GSM', characters: 161, segments: 2 });
		const emoji = await gw.run(send({ message: 'Hej 😀' }));
		expect(emoji.items[0].json).toMatchObject({ characterSet: 'UCS-2', characters: 5, segments: 1 }); // the emoji is one character (two UCS-2 units)
		const batches = gw.sim.state().rest.batches;
		expect(batches.map((b) => b.datacoding)).toEqual(['gsm', 'ucs']);
		const messages = gw.sim.state().rest.messages;
		expect(messages.map((m) => m.segments)).toEqual([2, 1]);
	});

	it('Type Flash, Priority High, Reference, Tags and Delivery Report URL reach the batch', async () => {
		const result = await gw.run(
			send({ options: { type: 'flash', priority: 2, reference: 'order-1', tags: 'orders, vip', deliveryReportUrl: 'http://127.0.0.1:1/reports' } }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ type: 'flash', priority: 'high', reference: 'order-1', tags: ['orders', 'vip'] });
		const [batch] = gw.sim.state().rest.batches;
		expect(batch).toMatchObject({ type: 'flash', priority: 2, reference: 'order-1', tags: ['orders', 'vip'], deliveryReportUrl: 'http://127.0.0.1:1/reports' });
	});

	it('refuses before any request: GSM chosen for an emoji text, a text over SMS Parts, a bad number (naming field and item)', async () => {
		const gsm = await gw.run(send({ message: 'Hej 😀', options: { characterSet: 'gsm' } }));
		expect(gsm.error?.message).toMatch(/^Message .*standard character set.*\[item 0\]$/);
		expect(gsm.error?.description).toMatch(/Character Set/);
		const parts = await gw.run(send({ message: 'x'.repeat(500), options: { maxSegments: 3 } }));
		expect(parts.error?.message).toMatch(/Message needs 4 SMS parts, more than SMS Parts \(3\) \[item 0\]/);
		const bad = await gw.run(send({ to: '={{ $json.phone }}' }), { input: items({ phone: ANNA }, { phone: '0701234567' }) });
		expect(bad.error?.message).toMatch(/\[item 1\]/);
		expect(gw.requests()).toBe(0);
	});

	it('a recipient the gateway rejects (blacklisted) is an error for that item; Continue On Fail gives an error item', async () => {
		await blacklist(BO);
		const failed = await gw.run(send({ to: BO }));
		expect(failed.error?.message).toBe(`iP.1 rejected the message to ${BO} (code 406)`);
		expect(failed.error?.description).toBe('Status Blacklisted. Not sent: the number is on the blacklist (it may have replied STOP).');
		const cont = await gw.run(send({ to: '={{ $json.phone }}' }), { input: items({ phone: ANNA }, { phone: BO }), continueOnFail: true });
		expect(cont.items).toHaveLength(2);
		expect(cont.items[0].json.state).toBeDefined();
		expect(cont.items[1].json).toMatchObject({ to: BO, statusCode: 406, state: 'rejected' });
		expect(cont.items[1].json.error).toMatch(/rejected/);
		expect(cont.items[1].pairedItem).toEqual({ item: 1 });
	});

	it('a rejection code iP.1 does not document: the code once in the title, the class and its meaning in the description', async () => {
		const defaults = gw.sim.state().rest.settings.statusSuffixes;
		gw.sim.setRest({ statusSuffixes: { ...defaults, '4990': 499 } });
		try {
			const failed = await gw.run(send({ to: '46701234990' }));
			expect(failed.error?.message).toBe('iP.1 rejected the message to 46701234990 (code 499)');
			expect(failed.error?.description).toBe('Status Rejected. Not sent: iP.1 rejected the message. Check the number, the sender and the text.');
		} finally {
			gw.sim.setRest({ statusSuffixes: defaults });
		}
	});
});

describe('SMS → Schedule, Get Status, Cancel', () => {
	it('schedules from a date/time in the workflow time zone, reads the status history, cancels once', async () => {
		const when = new Date(Math.ceil((Date.now() + 2 * 86400_000) / 1000) * 1000);
		const local = new Intl.DateTimeFormat('sv-SE', {
			timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
		}).format(when).replace(' ', 'T');
		const scheduled = await gw.run({ ...send(), operation: 'schedule', sendAt: local }, { timezone: 'America/New_York' });
		expect(scheduled.error).toBeUndefined();
		const out = scheduled.items[0].json;
		expect(out.sendAtUnix).toBe(when.getTime() / 1000);
		const [batch] = gw.sim.state().rest.batches;
		expect(new Date(batch.deliveryWindows[0].opens).getTime()).toBe(when.getTime());
		expect(out.state).toBe('pending');

		const status = await gw.run({ resource: 'sms', operation: 'getStatus', batchId: out.batchId as string, messageId: out.messageId as string });
		expect(status.error).toBeUndefined();
		expect(status.items[0].json).toMatchObject({ messageId: out.messageId, batchId: out.batchId, to: ANNA, state: 'pending' });
		expect(Array.isArray(status.items[0].json.history)).toBe(true);

		const cancel = await gw.run(
			{ resource: 'sms', operation: 'cancel', batchId: '={{ $json.batchId }}' },
			{ input: items({ batchId: out.batchId as string }, { batchId: out.batchId as string }) },
		);
		expect(cancel.error).toBeUndefined();
		expect(cancel.items).toHaveLength(1);
		expect(cancel.items[0].json).toMatchObject({ batchId: out.batchId, cancelled: true, inputItems: [0, 1] });
		expect(cancel.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(gw.calls()['DELETE /v2/batches/{id}']).toBe(1);

		const after = await gw.run({ resource: 'sms', operation: 'getStatus', batchId: out.batchId as string, messageId: out.messageId as string });
		expect(after.items[0].json).toMatchObject({ state: 'cancelled', statusCode: 203 });
	});

	it('refuses a Send At in the past and a missing Message ID before any request', async () => {
		const past = await gw.run({ ...send(), operation: 'schedule', sendAt: '2020-01-01T10:00:00' });
		expect(past.error?.message).toMatch(/Send At.*\[item 0\]/);
		const noId = await gw.run(
			{ resource: 'sms', operation: 'getStatus', batchId: '5bc86b6e85c7209830f96936', messageId: '={{ $json.id }}' },
			{ input: items({ id: '' }) },
		);
		expect(noId.error?.message).toMatch(/Message ID is empty \[item 0\]/);
		expect(gw.requests()).toBe(0);
	});
});
