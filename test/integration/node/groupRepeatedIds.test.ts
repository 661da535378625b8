// Version 1 (issue 14): after a Combine send every output item carries the same bundle id. Get Status
// and Cancel must handle that id once, not once per item, and the output must say so.
import { ACCOUNT, items, startGateway, type Gateway } from './gateway';

jest.setTimeout(60_000);

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway({ accounts: [{ ...ACCOUNT, balance: 1_000_000 }] });
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const combineSend = (operation: 'send' | 'schedule') => ({
	resource: 'groupSms',
	operation,
	mode: 'combine',
	to: '={{ $json.phone }}',
	from: 'Shop',
	message: 'Hej {name}',
	templateFields: { field: [{ key: '{name}', value: '={{ $json.name }}' }] },
	...(operation === 'schedule' ? { sendAt: Math.floor(Date.now() / 1000) + 86400 } : {}),
});
const four = items(
	{ phone: '46701234567', name: 'A' },
	{ phone: '46701234568', name: 'B' },
	{ phone: '46701234569', name: 'C' },
	{ phone: '46701234570', name: 'D' },
);

it('Get Status after a 4-recipient Combine send gives 4 rows (not 16), read once, paired with every item', async () => {
	const sent = await gw.run(combineSend('send'), { input: four });
	expect(sent.error).toBeUndefined();
	const before = gw.sim.state().calls.statusBundle ?? 0;
	const status = await gw.run(
		{ resource: 'groupSms', operation: 'getStatus', bundleId: '={{ $json.bundleId }}' },
		{ input: sent.items.map((i) => ({ json: i.json })) },
	);
	expect(status.error).toBeUndefined();
	expect(status.items).toHaveLength(4);
	expect((gw.sim.state().calls.statusBundle ?? 0) - before).toBe(1);
	for (const row of status.items) {
		expect(row.json.inputItems).toEqual([0, 1, 2, 3]);
		expect(row.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(row.json).toHaveProperty('final');
	}
});

it('Cancel after a Combine schedule cancels the bundle once and does not fail on item 1', async () => {
	const sent = await gw.run(combineSend('schedule'), { input: four });
	expect(sent.error).toBeUndefined();
	const cancel = await gw.run(
		{ resource: 'groupSms', operation: 'cancel', bundleId: '={{ $json.bundleId }}' },
		{ input: sent.items.map((i) => ({ json: i.json })) },
	);
	expect(cancel.error).toBeUndefined();
	expect(cancel.items).toHaveLength(1);
	expect(cancel.items[0].json).toEqual({ bundleId: sent.items[0].json.bundleId, cancelled: true, inputItems: [0, 1, 2, 3] });
	expect(gw.sim.state().calls.cancelBundle).toBe(1);
	expect(gw.sim.state().messages.every((m) => m.status === 12)).toBe(true);
});

it('Combine Input Items takes each item\'s From and Priority: differing values go in separate bundles', async () => {
	const result = await gw.run(
		{ ...combineSend('send'), from: '={{ $json.from }}', options: { priority: '={{ $json.prio }}' } },
		{
			input: items(
				{ phone: '46701234567', name: 'A', from: 'ShopA', prio: 2 },
				{ phone: '46701234568', name: 'B', from: 'ShopB', prio: 2 },
				{ phone: '46701234569', name: 'C', from: 'ShopA', prio: 3 },
				{ phone: '46701234570', name: 'D', from: 'ShopA', prio: 2 },
			),
		},
	);
	expect(result.error).toBeUndefined();
	const state = gw.sim.state();
	expect(state.calls.smsBundle).toBe(3);
	const byNumber = new Map(state.messages.map((m) => [m.to, m]));
	expect(result.items.map((i) => [i.json.from, i.json.priority])).toEqual([['ShopA', 2], ['ShopB', 2], ['ShopA', 3], ['ShopA', 2]]);
	expect(result.items.map((i) => byNumber.get(i.json.to as string)!.from)).toEqual(['ShopA', 'ShopB', 'ShopA', 'ShopA']);
	expect(result.items.map((i) => byNumber.get(i.json.to as string)!.prio)).toEqual([2, 2, 3, 2]);
	expect(result.items[0].json.bundleId).toBe(result.items[3].json.bundleId);
	expect(result.items[2].json.bundleId).not.toBe(result.items[0].json.bundleId);
});
