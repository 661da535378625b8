/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { ACCOUNT, items, startGateway, type Gateway } from './gateway';

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway({ accounts: [{ ...ACCOUNT, balance: 1_000_000 }] });
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

describe('Group Message → Send (recipient list per item)', () => {
	it('normalises and de-duplicates the list, sends one bundle, Get Status gives one item per message', async () => {
		const sent = await gw.run({
			resource: 'groupSms',
			operation: 'send',
			mode: 'list',
			recipients: '+46 70-123 45 67, 0046701234567; 46731234567\n46701235151',
			from: 'Club',
			message: 'Training is cancelled tonight',
		});
		expect(sent.error).toBeUndefined();
		const out = sent.items[0].json;
		expect(out.recipients).toEqual(['46701234567', '46731234567', '46701235151']);
		expect(out).toMatchObject({ recipientCount: 3, segments: 1, totalSegments: 3 });
		const state = gw.sim.state();
		expect(state.calls.smsBundle).toBe(1);
		expect(state.bundles[0].id).toBe(out.bundleId);
		expect(state.bundles[0].messageIds).toHaveLength(3);

		const status = await gw.run({ resource: 'groupSms', operation: 'getStatus', bundleId: out.bundleId as string });
		expect(status.items).toHaveLength(3);
		expect(status.items.map((i) => i.json.id)).toEqual(state.bundles[0].messageIds);
		expect(status.items.map((i) => i.json.final)).toEqual(['delivered', 'delivered', 'failed']);
		expect(status.items.every((i) => i.json.bundleId === out.bundleId)).toBe(true);
		expect(status.items.every((i) => JSON.stringify(i.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
	});

	it('takes a list from an expression, and names a bad entry with its position', async () => {
		const ok = await gw.run(
			{ resource: 'groupSms', operation: 'send', mode: 'list', recipients: '={{ $json.numbers }}', from: 'Club', message: 'x' },
			{ input: items({ numbers: ['46701234567', '+46731234567'] }) },
		);
		expect(ok.items[0].json.recipientCount).toBe(2);
		const bad = await gw.run(
			{ resource: 'groupSms', operation: 'send', mode: 'list', recipients: '46701234567, 07012, 46731234567', from: 'Club', message: 'x' },
		);
		expect(bad.error?.message).toMatch(/07012/);
		expect(bad.error?.message).toMatch(/\[item 0\]/);
		const empty = await gw.run({ resource: 'groupSms', operation: 'send', mode: 'list', recipients: ' , ', from: 'Club', message: 'x' });
		expect(empty.error?.message).toMatch(/Recipients/);
		expect(gw.sim.state().calls.smsBundle).toBe(1);
	});

	it('schedules a bundle and cancels it', async () => {
		const sendAt = Math.floor(Date.now() / 1000) + 86400;
		const sent = await gw.run({
			resource: 'groupSms',
			operation: 'schedule',
			mode: 'list',
			recipients: '46701234567,46731234567',
			from: 'Club',
			message: 'Tomorrow!',
			sendAt,
		});
		const bundleId = sent.items[0].json.bundleId as string;
		expect(sent.items[0].json.sendAtUnix).toBe(sendAt);
		expect(gw.sim.state().messages.map((m) => m.status)).toEqual([11, 11]);
		const cancelled = await gw.run({ resource: 'groupSms', operation: 'cancel', bundleId });
		expect(cancelled.items[0].json).toEqual({ bundleId, cancelled: true });
		expect(gw.sim.state().messages.map((m) => m.status)).toEqual([12, 12]);
		const again = await gw.run({ resource: 'groupSms', operation: 'cancel', bundleId });
		expect(again.error?.message).toBe(`iP.1 could not cancel bundle ${bundleId}: nothing to cancel (code 110)`);
		expect(again.error?.description).toBe('It was sent or cancelled already, or the ID is wrong. Check it with Get Status.');
	});
});

describe('Group Message → Send (Combine Input Items)', () => {
	const combine = (extra: Record<string, any> = {}) => ({
		resource: 'groupSms',
		operation: 'send',
		mode: 'combine',
		to: '={{ $json.phone }}',
		from: 'Shop',
		message: 'Hej {name}, order {order} är skickad',
		templateFields: {
			field: [
				{ key: '{name}', value: '={{ $json.name }}' },
				{ key: '{order}', value: '={{ $json.order }}' },
			],
		},
		...extra,
	});

	it('sends 1,000 items in ceil(1000 / 500) = 2 requests, each output paired with its own text and bundle id', async () => {
		const input = Array.from({ length: 1000 }, (_, i) => ({
			phone: `+4670${String(1_000_000 + i).slice(1)}`,
			name: i % 7 === 0 ? 'Åsa' : `Kund${i}`,
			order: `A-${i}`,
		}));
		const result = await gw.run(combine(), { input: items(...input) });
		expect(result.error).toBeUndefined();
		const state = gw.sim.state();
		expect(state.calls.smsBundle).toBe(2);
		expect(state.bundles.map((b) => b.messageIds.length)).toEqual([500, 500]);
		expect(result.items).toHaveLength(1000);
		const textByNumber = new Map(state.messages.map((m) => [m.to, m]));
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			const expected = `Hej ${input[i].name}, order ${input[i].order} är skickad`;
			expect(item.json.message).toBe(expected);
			expect(item.json.bundleId).toBe(state.bundles[i < 500 ? 0 : 1].id);
			const stored = textByNumber.get(item.json.to as string)!;
			expect(stored.text).toBe(expected);
			expect(stored.bundleId).toBe(item.json.bundleId);
		});
	});

	it('honours Recipients per Request, and keeps bad items out (Continue On Fail) while the rest are sent', async () => {
		const input = items(
			{ phone: '46701234567', name: 'A', order: '1' },
			{ phone: 'not a number', name: 'B', order: '2' },
			{ phone: '46701234569', name: 'C', order: '3' },
			{ phone: '46701234570', name: 'D', order: '4' },
		);
		const result = await gw.run(combine({ options: { recipientsPerRequest: 2 } }), { input, continueOnFail: true });
		expect(result.items).toHaveLength(4);
		expect(result.items[1].json.error).toMatch(/Recipient.*\[item 1\]/);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(gw.sim.state().calls.smsBundle).toBe(2);
		expect(gw.sim.state().accepted).toBe(3);
		expect(result.items[0].json.bundleId).toBe(result.items[2].json.bundleId);
		expect(result.items[3].json.bundleId).not.toBe(result.items[0].json.bundleId);
	});

	it('refuses a message expression that differs per item, before sending', async () => {
		const result = await gw.run(combine({ message: '=Hej {{ $json.name }}' }), {
			input: items({ phone: '46701234567', name: 'A' }, { phone: '46701234568', name: 'B' }),
		});
		expect(result.error?.message).toBe("Message differs from the first item's [item 1]");
		expect(result.error?.description).toBe(
			"With Combine Input Items every item gets the same Message. Write {name} where a value goes, and set each item's value in Template Fields (Key: {name}, Value: mapped from the item).",
		);
		expect(gw.sim.state().requestCount).toBe(0);
	});

	it('without template fields sends the numbers as a plain list', async () => {
		const result = await gw.run(combine({ templateFields: {}, message: 'Same for all' }), {
			input: items({ phone: '46701234567' }, { phone: '46701234568' }),
		});
		expect(result.items.map((i) => i.json.message)).toEqual(['Same for all', 'Same for all']);
		expect(gw.sim.state().messages.map((m) => m.text)).toEqual(['Same for all', 'Same for all']);
	});
});
