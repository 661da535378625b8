/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Version 2 with the SOAP web service (legacy): the same operation files as REST where both APIs
// have the operation; the delivery state is `state`, a group send is a Batch with a `batchId`.
import { ACCOUNT, items, startGateway, type Gateway } from '../gateway';

jest.setTimeout(60_000);

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway({ accounts: [{ ...ACCOUNT, balance: 1_000_000 }] });
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const v2 = (parameters: Record<string, unknown>, options: Parameters<Gateway['run']>[1] = {}) =>
	gw.run({ api: 'soap', ...parameters } as any, { typeVersion: 2, ...options });

it('SMS → Send and Get Status: the status as `state`, not `final`', async () => {
	const sent = await v2({ resource: 'sms', operation: 'send', to: '46701234567', from: 'Shop', message: 'Hej' });
	expect(sent.error).toBeUndefined();
	const status = await v2({ resource: 'sms', operation: 'getStatus', smsId: sent.items[0].json.messageId as string });
	expect(status.items[0].json).toEqual({
		messageId: sent.items[0].json.messageId,
		statusCode: 22,
		status: 'Delivered to the phone',
		statusDescription: 'Delivery confirmed',
		state: 'delivered',
	});
});

it('Batch → Send (Combine), Get Messages read once for all items, Cancel of a scheduled batch once', async () => {
	const combine = {
		resource: 'batch',
		mode: 'combine',
		to: '={{ $json.phone }}',
		from: 'Shop',
		message: 'Hej {name}',
		templateFields: { field: [{ key: '{name}', value: '={{ $json.name }}' }] },
	};
	const input = items({ phone: '46701234567', name: 'A' }, { phone: '46701234568', name: 'B' }, { phone: '46701234569', name: 'C' });
	const sent = await v2({ ...combine, operation: 'send' }, { input });
	expect(sent.error).toBeUndefined();
	const batchId = sent.items[0].json.batchId as string;
	expect(sent.items.every((i) => i.json.batchId === batchId && !('bundleId' in i.json))).toBe(true);

	const messages = await v2({ resource: 'batch', operation: 'getMessages', batchId: '={{ $json.batchId }}', returnAll: true }, { input: sent.items.map((i) => ({ json: i.json })) });
	expect(messages.error).toBeUndefined();
	expect(messages.items).toHaveLength(3);
	expect(gw.sim.state().calls.statusBundle).toBe(1);
	expect(messages.items.map((i) => i.json.state)).toEqual(['delivered', 'delivered', 'delivered']);
	expect(messages.items.every((i) => JSON.stringify(i.json.inputItems) === '[0,1,2]')).toBe(true);

	gw.sim.reset();
	const scheduled = await v2({ ...combine, operation: 'schedule', sendAt: Math.floor(Date.now() / 1000) + 86400 }, { input });
	const cancelled = await v2({ resource: 'batch', operation: 'cancel', batchId: '={{ $json.batchId }}' }, { input: scheduled.items.map((i) => ({ json: i.json })) });
	expect(cancelled.error).toBeUndefined();
	expect(cancelled.items).toHaveLength(1);
	expect(cancelled.items[0].json).toMatchObject({ batchId: scheduled.items[0].json.batchId, cancelled: true, inputItems: [0, 1, 2] });
	expect(gw.sim.state().calls.cancelBundle).toBe(1);
});

it('Account → Get Balance through the same operation file as REST; Status Code → Describe', async () => {
	const balance = await v2({ resource: 'account', operation: 'getBalance' });
	expect(balance.items[0].json).toEqual({ balance: 1_000_000, raw: '1000000.00', accountId: ACCOUNT.id });
	const described = await v2({ resource: 'statusCode', operation: 'describe', code: '22' });
	expect(described.items[0].json).toEqual({
		statusCode: 22,
		gatewayDescription: 'Delivered to the phone',
		status: 'Delivered to the phone',
		statusDescription: 'Delivery confirmed',
		state: 'delivered',
	});
});

it('a cancel iP.1 refuses with code 110 says what to check, not "check your code"', async () => {
	const scheduled = await v2({ resource: 'batch', operation: 'schedule', mode: 'list', recipients: '46701234567', from: 'Shop', message: 'x', sendAt: Math.floor(Date.now() / 1000) + 86400 });
	const batchId = scheduled.items[0].json.batchId as string;
	await v2({ resource: 'batch', operation: 'cancel', batchId });
	const again = await v2({ resource: 'batch', operation: 'cancel', batchId });
	expect(again.error?.message).toBe(`iP.1 could not cancel bundle ${batchId}: nothing to cancel (code 110)`);
	expect(again.error?.description).toBe('It was sent or cancelled already, or the ID is wrong. Check it with Get Status.');
});

it('a version 2 node saved with Group Message (not in its Resource list) still runs, as it did before the versioned layout', async () => {
	const combine = {
		resource: 'groupSms',
		operation: 'send',
		mode: 'combine',
		to: '={{ $json.phone }}',
		from: 'Shop',
		message: 'Hej {name}',
		templateFields: { field: [{ key: '{name}', value: '={{ $json.name }}' }] },
	};
	const sent = await v2(combine, { input: items({ phone: '46701234567', name: 'A' }, { phone: '46701234568', name: 'B' }) });
	expect(sent.error).toBeUndefined();
	expect(sent.items.map((i) => i.json.message)).toEqual(['Hej A', 'Hej B']);
	expect(sent.items.every((i) => typeof i.json.batchId === 'string' && !('bundleId' in i.json))).toBe(true);
	const status = await v2({ resource: 'groupSms', operation: 'getStatus', bundleId: sent.items[0].json.batchId as string });
	expect(status.error).toBeUndefined();
	expect(status.items).toHaveLength(2);
});

describe('placeholders (issue 24): a mistyped one stops the send before any request', () => {
	const combine = (message: string, key: string) => ({
		resource: 'batch',
		operation: 'send',
		mode: 'combine',
		to: '={{ $json.phone }}',
		from: 'Shop',
		message,
		templateFields: { field: [{ key, value: '={{ $json.name }}' }] },
	});
	const input = items({ phone: '46701234567', name: 'A' }, { phone: '46701234568', name: 'B' });

	it('{name} with Key {firstname}: nothing is sent, the error names both', async () => {
		const result = await v2(combine('Hi {name}, your order is ready!', '{firstname}'), { input });
		expect(result.error?.message).toBe('No Template Field fills "{name}" in Message [item 0]');
		expect(result.error?.description).toContain("This item's Template Fields: {firstname}.");
		expect(gw.sim.state().calls.smsBundle ?? 0).toBe(0);
		expect(Object.values(gw.sim.state().calls).reduce((a, b) => a + b, 0)).toBe(0);
	});

	it('a Key the Message never has: nothing is sent', async () => {
		const result = await v2(combine('Hi there', '{name}'), { input });
		expect(result.error?.message).toBe('Template Field "{name}" is not in the Message [item 0]');
		expect(Object.values(gw.sim.state().calls).reduce((a, b) => a + b, 0)).toBe(0);
	});

	it('a backslash sends a brace as written', async () => {
		const result = await v2(combine('Hej {name}, svara \\{JA}', '{name}'), { input });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.message)).toEqual(['Hej A, svara {JA}', 'Hej B, svara {JA}']);
	});

	it('version 1 (frozen) sends its Group Message as before', async () => {
		const result = await gw.run({ ...combine('Hi {name}', '{firstname}'), resource: 'groupSms' } as any, { input });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.message)).toEqual(['Hi {name}', 'Hi {name}']);
	});
});
