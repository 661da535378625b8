import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import { ACCOUNT, bundleStatus, result, send, smsParams, soapCall, waitFor } from './soapClient';

let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startSimulator({
		port: 0,
		quiet: true,
		accounts: [
			{ id: ACCOUNT.id, key: ACCOUNT.key, balance: 10_000 },
			{ id: 'ip1-other', key: 'other-key', balance: 100 },
			{ id: 'ip1-poor', key: 'poor-key', balance: 3 },
		],
	});
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const creds = { konto: ACCOUNT.id, passwd: ACCOUNT.key };
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const balance = (id = ACCOUNT.id) => sim.state().accounts.find((a) => a.id === id)!.balance;
const message = (id: string) => sim.state().messages.find((m) => m.id === id)!;

describe('smsAt, tidpunkt, cancelSms', () => {
	it('holds a scheduled message at 11 and answers its time in Swedish local time', async () => {
		const sendAt = inAnHour();
		const id = await send(sim.url, { sendAt: String(sendAt) }, 'smsAt');
		expect(await result(sim.url, 'status', { id })).toBe('11');
		expect(message(id)).toMatchObject({ sendAt, status: 11 });
		const expected = new Intl.DateTimeFormat('sv-SE', {
			timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
		}).format(new Date(sendAt * 1000));
		expect(await result(sim.url, 'tidpunkt', { id })).toBe(expected.replace('T', ' '));
	});

	it.each([
		// winter: CET = UTC+1; summer: CEST = UTC+2; the switch nights of 2030
		[Date.UTC(2030, 0, 15, 10, 0, 0), '2030-01-15 11:00:00'],
		[Date.UTC(2030, 6, 1, 10, 0, 0), '2030-07-01 12:00:00'],
		[Date.UTC(2030, 2, 31, 0, 59, 59), '2030-03-31 01:59:59'],
		[Date.UTC(2030, 2, 31, 1, 0, 0), '2030-03-31 03:00:00'],
		[Date.UTC(2030, 9, 27, 0, 59, 59), '2030-10-27 02:59:59'],
		[Date.UTC(2030, 9, 27, 1, 0, 0), '2030-10-27 02:00:00'],
	])('tidpunkt of sendAt %d ms is %s', async (ms, local) => {
		const id = await send(sim.url, { sendAt: String(ms / 1000) }, 'smsAt');
		expect(await result(sim.url, 'tidpunkt', { id })).toBe(local);
	});

	it('tidpunkt answers 0 for a message that is not scheduled and for an unknown id', async () => {
		const id = await send(sim.url);
		expect(await result(sim.url, 'tidpunkt', { id })).toBe('0');
		expect(await result(sim.url, 'tidpunkt', { id: '424242' })).toBe('0');
	});

	it('sends a scheduled message once its time has come', async () => {
		const sendAt = Math.ceil(Date.now() / 1000) + 1;
		const id = await send(sim.url, { sendAt: String(sendAt) }, 'smsAt');
		expect(await result(sim.url, 'status', { id })).toBe('11');
		await waitFor(async () => (await result(sim.url, 'status', { id })) === '22', 4000, 100);
		expect(await result(sim.url, 'cancelSms', { ...creds, smsID: id })).toBe('110');
	});

	it('a sendAt in the past sends at once', async () => {
		const id = await send(sim.url, { sendAt: String(Math.floor(Date.now() / 1000) - 60) }, 'smsAt');
		expect(await result(sim.url, 'status', { id })).toBe('22');
	});

	it.each(['', 'tomorrow', '-5', '17e8'])('answers 110 for sendAt %j', async (sendAt) => {
		expect(await send(sim.url, { sendAt }, 'smsAt')).toBe('110');
		expect(sim.state().accepted).toBe(0);
	});

	it('cancelSms turns a pending message to 12, answers 0 and refunds it', async () => {
		const id = await send(sim.url, { sendAt: String(inAnHour()), meddelande: 'x'.repeat(200) }, 'smsAt');
		expect(balance()).toBe(9998);
		expect(await result(sim.url, 'cancelSms', { ...creds, smsID: id })).toBe('0');
		expect(await result(sim.url, 'status', { id })).toBe('12');
		expect(balance()).toBe(10_000);
		expect(await result(sim.url, 'tidpunkt', { id })).not.toBe('0');
		// nothing pending any more
		expect(await result(sim.url, 'cancelSms', { ...creds, smsID: id })).toBe('110');
	});

	it('cancelSms answers an error code when nothing was pending', async () => {
		const sentNow = await send(sim.url);
		expect(await result(sim.url, 'cancelSms', { ...creds, smsID: sentNow })).toBe('110');
		expect(await result(sim.url, 'cancelSms', { ...creds, smsID: '987654' })).toBe('110');
		const scheduled = await send(sim.url, { sendAt: String(inAnHour()) }, 'smsAt');
		expect(await result(sim.url, 'cancelSms', { konto: 'ip1-other', passwd: 'other-key', smsID: scheduled })).toBe('110');
		expect(await result(sim.url, 'cancelSms', { konto: ACCOUNT.id, passwd: 'bad', smsID: scheduled })).toBe('101');
		expect(await result(sim.url, 'status', { id: scheduled })).toBe('11');
	});
});

describe('smsBundle, smsBundleAt, statusBundle, cancelBundle', () => {
	it('sends to every number of a comma-separated list and lists every message', async () => {
		const bundleId = await send(sim.url, { till: '46701111111, 46702222222,46703333333,' }, 'smsBundle');
		expect(Number(bundleId)).toBeGreaterThanOrEqual(1000);
		const state = sim.state();
		expect(state.bundles).toEqual([{ id: bundleId, account: ACCOUNT.id, messageIds: state.messages.map((m) => m.id) }]);
		expect(state.messages.map((m) => m.to)).toEqual(['46701111111', '46702222222', '46703333333']);
		expect(state.messages.every((m) => m.bundleId === bundleId)).toBe(true);
		expect(await bundleStatus(sim.url, bundleId)).toEqual(state.messages.map((m) => [m.id, '22']));
		expect(state.accepted).toBe(3);
		expect(balance()).toBe(9997);
	});

	it('statusBundle of an unknown bundle is an empty list', async () => {
		expect(await bundleStatus(sim.url, '777777')).toEqual([]);
	});

	it('refuses the whole bundle when one number is invalid, or the list is empty', async () => {
		expect(await send(sim.url, { till: '46701111111,+46702222222' }, 'smsBundle')).toBe('3');
		expect(await send(sim.url, { till: '' }, 'smsBundle')).toBe('3');
		expect(sim.state().accepted).toBe(0);
	});

	it('refuses the whole bundle when the balance does not cover every segment of every recipient', async () => {
		const poor = { konto: 'ip1-poor', passwd: 'poor-key' };
		expect(await send(sim.url, { ...poor, till: '46701111111,46702222222', meddelande: 'x'.repeat(161) }, 'smsBundle')).toBe('4');
		expect(balance('ip1-poor')).toBe(3);
		expect(Number(await send(sim.url, { ...poor, till: '46701111111,46702222222,46703333333' }, 'smsBundle'))).toBeGreaterThanOrEqual(1000);
		expect(balance('ip1-poor')).toBe(0);
	});

	it('checks credentials, prio, sender and message like sms', async () => {
		expect(await send(sim.url, { passwd: 'no', till: '46701111111' }, 'smsBundle')).toBe('101');
		expect(await send(sim.url, { prio: '9', till: '46701111111' }, 'smsBundle')).toBe('110');
		expect(await send(sim.url, { from: 'x', till: '46701111111' }, 'smsBundle')).toBe('110');
		expect(await send(sim.url, { meddelande: '', till: '46701111111' }, 'smsBundle')).toBe('2');
	});

	it('gives templated recipients their own text, segments and cost', async () => {
		const recipients = {
			Recipient: [
				{ Number: '46701111111', Parameters: { TemplateField: [{ Key: '{name}', Value: 'Åsa' }, { Key: '{order}', Value: 'A-1' }] } },
				{ Number: '46702222222', Parameters: { TemplateField: [{ Key: '{name}', Value: 'Bo'.repeat(80) }, { Key: '{order}', Value: 'B-2' }] } },
				{ Number: '46703333333', Parameters: { TemplateField: [{ Key: '{name}', Value: 'Дмитрий' }] } },
			],
		};
		const bundleId = await send(sim.url, { till: '', meddelande: 'Hej {name}, order {order}. {name}!', recipients }, 'smsBundle');
		const ms = sim.state().messages;
		expect(ms.map((m) => [m.to, m.text])).toEqual([
			['46701111111', 'Hej Åsa, order A-1. Åsa!'],
			['46702222222', `Hej ${'Bo'.repeat(80)}, order B-2. ${'Bo'.repeat(80)}!`],
			['46703333333', 'Hej Дмитрий, order {order}. Дмитрий!'],
		]);
		expect(ms.map((m) => [m.encoding, m.segments])).toEqual([
			['GSM 03.38', 1],
			['GSM 03.38', 3],
			['UCS-2', 1],
		]);
		expect(balance()).toBe(10_000 - 5);
		expect(ms.every((m) => m.bundleId === bundleId)).toBe(true);
	});

	it('adds templated recipients to the numbers of till', async () => {
		const recipients = { Recipient: { Number: '46702222222', Parameters: { TemplateField: { Key: 'NAME', Value: 'Cecilia' } } } };
		await send(sim.url, { till: '46701111111', meddelande: 'Hi NAME', recipients }, 'smsBundle');
		expect(sim.state().messages.map((m) => [m.to, m.text])).toEqual([
			['46701111111', 'Hi NAME'],
			['46702222222', 'Hi Cecilia'],
		]);
	});

	it('refuses a templated recipient with an invalid number', async () => {
		const recipients = { Recipient: [{ Number: '46701111111' }, { Number: '0701234567' }] };
		expect(await send(sim.url, { till: '', recipients }, 'smsBundle')).toBe('3');
	});

	it('handles 500 templated recipients in one request', async () => {
		const recipients = {
			Recipient: Array.from({ length: 500 }, (_, i) => ({
				Number: String(46700000000 + i),
				Parameters: { TemplateField: [{ Key: '{n}', Value: `Kund${i}` }] },
			})),
		};
		const bundleId = await send(sim.url, { till: '', meddelande: 'Hej {n}', recipients }, 'smsBundle');
		const state = sim.state();
		expect(state.bundles[0].messageIds).toHaveLength(500);
		expect(state.messages[499]).toMatchObject({ to: '46700000499', text: 'Hej Kund499', bundleId });
		expect(await bundleStatus(sim.url, bundleId)).toHaveLength(500);
	});

	it('smsBundleAt holds every message at 11; cancelBundle turns them to 12 and answers 0', async () => {
		const sendAt = inAnHour();
		const bundleId = await send(sim.url, { till: '46701111111,46702222222', sendAt: String(sendAt) }, 'smsBundleAt');
		const ids = sim.state().bundles[0].messageIds;
		expect(await bundleStatus(sim.url, bundleId)).toEqual(ids.map((id) => [id, '11']));
		expect(await result(sim.url, 'tidpunkt', { id: ids[1] })).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect(sim.state().bundles[0].sendAt).toBe(sendAt);
		expect(await result(sim.url, 'cancelBundle', { konto: 'ip1-other', passwd: 'other-key', bundleID: bundleId })).toBe('110');
		expect(await result(sim.url, 'cancelBundle', { ...creds, bundleID: bundleId })).toBe('0');
		expect(await bundleStatus(sim.url, bundleId)).toEqual(ids.map((id) => [id, '12']));
		expect(balance()).toBe(10_000);
		expect(await result(sim.url, 'cancelBundle', { ...creds, bundleID: bundleId })).toBe('110');
	});

	it('smsBundleAt takes templated recipients too', async () => {
		const recipients = { Recipient: [{ Number: '46701111111', Parameters: { TemplateField: { Key: 'X', Value: 'one' } } }] };
		await send(sim.url, { till: '', meddelande: 'n° X', recipients, sendAt: String(inAnHour()) }, 'smsBundleAt');
		expect(sim.state().messages[0]).toMatchObject({ text: 'n° one', status: 11 });
	});

	it('cancelBundle answers an error code for a bundle sent at once, an unknown one, and wrong credentials', async () => {
		const bundleId = await send(sim.url, { till: '46701111111' }, 'smsBundle');
		expect(await result(sim.url, 'cancelBundle', { ...creds, bundleID: bundleId })).toBe('110');
		expect(await result(sim.url, 'cancelBundle', { ...creds, bundleID: '31337' })).toBe('110');
		expect(await result(sim.url, 'cancelBundle', { konto: ACCOUNT.id, passwd: 'x', bundleID: bundleId })).toBe('101');
	});

	it('ids of messages, bundles and MMS never collide', async () => {
		const a = await send(sim.url, { till: '46701111111,46702222222' }, 'smsBundle');
		const b = await send(sim.url);
		const ids = [a, ...sim.state().messages.map((m) => m.id)];
		expect(ids).toContain(b);
		expect(new Set(ids).size).toBe(4);
		const call = await soapCall(sim.url, 'smsBundle', smsParams({ till: '46701111111' }));
		expect(ids).not.toContain(call.result);
	});
});
