import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import { ACCOUNT, result, send, soapCall } from './soapClient';

let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startSimulator({
		port: 0,
		quiet: true,
		accounts: [
			{ id: ACCOUNT.id, key: ACCOUNT.key, balance: 1000 },
			{ id: 'ip1-poor', key: 'poor-key', balance: 2 },
		],
	});
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const lastMessage = () => sim.state().messages.at(-1)!;
const balance = (id = ACCOUNT.id) => sim.state().accounts.find((a) => a.id === id)!.balance;

describe('sms and flashSms', () => {
	it('answers unique ids from 1000 up and records each message', async () => {
		const first = await send(sim.url);
		const second = await send(sim.url, { till: '46707654321', meddelande: 'second' });
		expect(first).toBe('1000');
		expect(Number(second)).toBeGreaterThan(Number(first));
		const [m1, m2] = sim.state().messages;
		expect(m1).toMatchObject({ id: first, account: ACCOUNT.id, to: '46701234567', from: 'iP1Test', text: 'Hello from the tests', prio: 2, flash: false, via: 'soap', status: 22 });
		expect(m2).toMatchObject({ id: second, to: '46707654321', text: 'second' });
		expect(sim.state().accepted).toBe(2);
	});

	it('flashSms marks the message as flash', async () => {
		const id = await send(sim.url, {}, 'flashSms');
		expect(Number(id)).toBeGreaterThanOrEqual(1000);
		expect(lastMessage()).toMatchObject({ id, flash: true });
		expect(sim.state().calls.flashSms).toBe(1);
	});

	it('accepts the credentials as konto|Konto|acc and passwd|Passwd|pass', async () => {
		for (const [k, p] of [['Konto', 'Passwd'], ['acc', 'pass'], ['konto', 'Passwd']]) {
			const params: Record<string, string> = { [k]: ACCOUNT.id, [p]: ACCOUNT.key, till: '46701234567', from: 'Alias', meddelande: 'x', prio: '1' };
			expect(Number(await result(sim.url, 'sms', params))).toBeGreaterThanOrEqual(1000);
		}
		expect(sim.state().accepted).toBe(3);
	});

	it('answers 101 for wrong credentials and sends nothing', async () => {
		expect(await send(sim.url, { passwd: 'wrong' })).toBe('101');
		expect(await send(sim.url, { konto: 'ip1-nobody' })).toBe('101');
		expect(await send(sim.url, { konto: '', passwd: '' })).toBe('101');
		expect(sim.state().accepted).toBe(0);
		expect(balance()).toBe(1000);
	});

	it.each(['+46701234567', '0046701234567', '0701234567', '4670-123456', '46 70 123 45 67', 'abc', '', '467012345678901234'])(
		'answers 3 for the number %j',
		async (till) => {
			expect(await send(sim.url, { till })).toBe('3');
			expect(sim.state().accepted).toBe(0);
		},
	);

	it.each(['ab', 'ABCDEFGHIJKL', 'iP.1', 'Säljare', 'with space', '4670123456789012', ''])('answers 110 for the sender %j', async (from) => {
		expect(await send(sim.url, { from })).toBe('110');
	});

	it.each(['ip1', 'ABCDEFGHIJK', 'Shop2000', '123', '467012345678901'])('accepts the sender %j', async (from) => {
		expect(Number(await send(sim.url, { from }))).toBeGreaterThanOrEqual(1000);
	});

	it('answers 2 for an empty message', async () => {
		expect(await send(sim.url, { meddelande: '' })).toBe('2');
		expect(await send(sim.url, { meddelande: '   ' })).toBe('2');
	});

	it.each(['0', '4', '', 'high', '1.5'])('answers 110 for prio %j', async (prio) => {
		expect(await send(sim.url, { prio })).toBe('110');
	});

	it('answers 4 when the balance does not cover every segment, and debits nothing', async () => {
		const poor = { konto: 'ip1-poor', passwd: 'poor-key' };
		expect(await send(sim.url, { ...poor, meddelande: 'x'.repeat(305) })).toBe('4'); // 3 segments > 2
		expect(balance('ip1-poor')).toBe(2);
		expect(Number(await send(sim.url, { ...poor, meddelande: 'x'.repeat(161) }))).toBeGreaterThanOrEqual(1000); // 2 segments
		expect(balance('ip1-poor')).toBe(0);
		expect(await send(sim.url, { ...poor, meddelande: 'x' })).toBe('4');
		expect(sim.state().accepted).toBe(1);
	});

	it('debits one unit per segment', async () => {
		await send(sim.url, { meddelande: 'x'.repeat(160) });
		expect(balance()).toBe(999);
		await send(sim.url, { meddelande: 'x'.repeat(161) });
		expect(balance()).toBe(997);
	});
});

describe('segments and text', () => {
	const cases: [string, string, 'GSM 03.38' | 'UCS-2', number, number][] = [
		['160 GSM characters', 'a'.repeat(160), 'GSM 03.38', 160, 1],
		['161 GSM characters', 'a'.repeat(161), 'GSM 03.38', 161, 2],
		['304 GSM characters', 'a'.repeat(304), 'GSM 03.38', 304, 2],
		['305 GSM characters', 'a'.repeat(305), 'GSM 03.38', 305, 3],
		['Swedish letters stay GSM', 'Hej på dig, Åsa! Ärligt öppet.', 'GSM 03.38', 30, 1],
		['extension characters count two', '€'.repeat(80), 'GSM 03.38', 160, 1],
		['one extension character too many', '€'.repeat(80) + '[', 'GSM 03.38', 162, 2],
		['every extension character', '^{}\\[~]|€', 'GSM 03.38', 18, 1],
		['70 UCS-2 characters', 'ж'.repeat(70), 'UCS-2', 70, 1],
		['71 UCS-2 characters', 'ж'.repeat(71), 'UCS-2', 71, 2],
		['134 UCS-2 characters', 'ж'.repeat(134), 'UCS-2', 134, 2],
		['135 UCS-2 characters', 'ж'.repeat(135), 'UCS-2', 135, 3],
		['one emoji makes it UCS-2 (two code units)', 'Hi 😀', 'UCS-2', 5, 1],
	];
	it.each(cases)('%s', async (_name, meddelande, encoding, characters, segments) => {
		await send(sim.url, { meddelande });
		expect(lastMessage()).toMatchObject({ encoding, characters, segments, text: meddelande });
	});

	it('turns %0a into a line break that counts three characters', async () => {
		await send(sim.url, { meddelande: 'Rad ett%0aRad två%0ARad tre' });
		expect(lastMessage()).toMatchObject({ text: 'Rad ett\nRad två\nRad tre', characters: 7 + 3 + 7 + 3 + 7 });
		await send(sim.url, { meddelande: 'x'.repeat(157) + '%0a' });
		expect(lastMessage()).toMatchObject({ characters: 160, segments: 1 });
		await send(sim.url, { meddelande: 'x'.repeat(158) + '%0a' });
		expect(lastMessage()).toMatchObject({ characters: 161, segments: 2 });
	});

	it('keeps XML-escaped characters of the message', async () => {
		await send(sim.url, { meddelande: 'A & B <tag> "quoted"' });
		expect(lastMessage().text).toBe('A & B <tag> "quoted"');
	});
});

describe('status, balans, beskrivning', () => {
	it('status answers the delivery status of an SMS, 110 for an unknown id', async () => {
		const id = await send(sim.url);
		expect(await result(sim.url, 'status', { id })).toBe('22');
		expect(await result(sim.url, 'status', { id: '999999' })).toBe('110');
		expect(await result(sim.url, 'status', { id: 'x' })).toBe('110');
	});

	it('balans answers a decimal with a point, 101 for wrong credentials', async () => {
		expect(await result(sim.url, 'balans', { Konto: ACCOUNT.id, Passwd: ACCOUNT.key })).toBe('1000.00');
		await send(sim.url, { meddelande: 'x'.repeat(200) });
		expect(await result(sim.url, 'balans', { Konto: ACCOUNT.id, Passwd: ACCOUNT.key })).toBe('998.00');
		expect(await result(sim.url, 'balans', { acc: 'ip1-poor', pass: 'poor-key' })).toBe('2.00');
		expect(await result(sim.url, 'balans', { Konto: ACCOUNT.id, Passwd: 'nope' })).toBe('101');
	});

	it.each([
		['0', 'Delivered to gateway'],
		['3', 'Invalid phone number format'],
		['11', 'Delayed delivery'],
		['22', 'Delivered to the phone'],
		['51', 'Delivery to GSM network failed'],
		['101', 'Wrong account credentials'],
		['110', 'Parameter error'],
		['55', 'Unknown status code'],
		['abc', 'Unknown status code'],
	])('beskrivning %s → %s', async (Id, description) => {
		expect(await result(sim.url, 'beskrivning', { Id })).toBe(description);
	});
});

describe('send operations reject a message without a result element', () => {
	it('answers in the Result element even when every parameter is missing', async () => {
		const a = await soapCall(sim.url, 'sms', {});
		expect(a.status).toBe(200);
		expect(a.result).toBe('101');
	});
});
