/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { ACCOUNT, everything, items, startGateway, type Gateway } from './gateway';

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway();
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const sendParams = (extra: Record<string, any> = {}) => ({
	resource: 'sms',
	operation: 'send',
	to: '={{ $json.to }}',
	from: 'MyShop',
	message: '={{ $json.text }}',
	...extra,
});

describe('SMS → Send', () => {
	it('sends one SMS per item and returns the gateway id as a string', async () => {
		const result = await gw.run(sendParams(), {
			input: items({ to: '+46 70-123 45 67', text: 'Hej på dig!\nRad två' }, { to: '0046731234567', text: 'Two' }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		const [first, second] = result.items;
		expect(typeof first.json.id).toBe('string');
		expect(Number(first.json.id)).toBeGreaterThanOrEqual(1000);
		expect(first.json).toMatchObject({
			to: '46701234567',
			from: 'MyShop',
			type: 'sms',
			priority: 2,
			encoding: 'GSM 03.38',
			transport: 'soap',
		});
		// "Hej på dig!" (11) + "%0a" (3) + "Rad två" (7): å is in GSM 03.38
		expect(first.json.characters).toBe(21);
		expect(first.json.segments).toBe(1);
		expect(first.pairedItem).toEqual({ item: 0 });
		expect(second.pairedItem).toEqual({ item: 1 });

		const state = gw.sim.state();
		expect(state.accepted).toBe(2);
		const stored = state.messages.find((m: any) => m.id === first.json.id)!;
		expect(stored).toMatchObject({ to: '46701234567', from: 'MyShop', text: 'Hej på dig!\nRad två', prio: 2, flash: false });
	});

	it('keeps input order with parallel requests', async () => {
		// Every send is held 100 ms by the simulator, the first four to arrive 1,500 ms more: requests
		// overlap, and answers come back in another order than the requests went out.
		const SHORT = 100;
		const LONG = 1_500;
		const slow = 4;
		gw.sim.setFault({ kind: 'delay', operation: 'sms', delayMs: SHORT });
		gw.sim.setFault({ kind: 'delay', operation: 'sms', delayMs: LONG, count: slow });
		const input = Array.from({ length: 40 }, (_, i) => ({ to: `4670100${String(i).padStart(4, '0')}`, text: `Message ${i}` }));
		let result: Awaited<ReturnType<Gateway['run']>>;
		try {
			result = await gw.run(sendParams({ options: { parallelRequests: 8 } }), { input: items(...input) });
		} finally {
			gw.sim.clearFaults();
		}
		expect(result.error).toBeUndefined();

		// how many sends the gateway held at once: request k arrived at `at` and was held for its delay
		const arrivals = gw.sim.state().requests.filter((r) => r.operation === 'sms');
		expect(arrivals).toHaveLength(input.length);
		const held = arrivals.map((r, k) => ({ from: r.at, until: r.at + SHORT + (k < slow ? LONG : 0) }));
		const inFlight = held.map((r) => held.filter((o) => o.from <= r.from && o.until > r.from).length);
		expect(Math.max(...inFlight)).toBeGreaterThan(1);
		expect(Math.max(...inFlight)).toBeLessThanOrEqual(8);

		// the gateway stored the messages in the order it answered: not the input order
		const stored = gw.sim.state().messages.map((m: any) => input.findIndex((i) => i.to === m.to));
		expect(stored).toHaveLength(input.length);
		expect(stored).not.toEqual(input.map((_, i) => i));

		// and the node's output is still in input order, each item paired with its own message
		expect(result.items.map((i) => i.json.to)).toEqual(input.map((i) => i.to));
		const byId = new Map(gw.sim.state().messages.map((m: any) => [m.id, m]));
		for (const [index, item] of result.items.entries()) {
			expect(byId.get(item.json.id as string)?.text).toBe(`Message ${index}`);
			expect(item.pairedItem).toEqual({ item: index });
		}
	}, 60_000);

	it('counts UCS-2 segments and refuses texts over SMS Parts before sending', async () => {
		const emoji = 'Hej 😀 '.repeat(15); // 105 UTF-16 units → UCS-2, 2 parts
		const ok = await gw.run(sendParams({ options: { maxSegments: 2 } }), { input: items({ to: '46701234567', text: emoji }) });
		expect(ok.items[0].json).toMatchObject({ encoding: 'UCS-2', segments: 2 });
		const refused = await gw.run(sendParams({ options: { maxSegments: 1 } }), { input: items({ to: '46701234567', text: emoji }) });
		expect(refused.error?.message).toBe('Message needs 2 SMS parts, more than SMS Parts (1) [item 0]');
		expect(refused.error?.description).toBe(
			'105 characters: a character outside the standard character set (an emoji, some accents) makes the whole text use the extended one, 70 per SMS and 67 per part. Shorten the text, replace those characters or raise Options → SMS Parts.',
		);
		expect(gw.sim.state().accepted).toBe(1);
	});

	it('refuses a number without country code before sending', async () => {
		const result = await gw.run(sendParams(), { input: items({ to: '070-123 45 67', text: 'x' }) });
		expect(result.error?.message).toBe('To "070-123 45 67" has no country code [item 0]');
		expect(result.error?.description).toBe(
			'Drop the leading 0 and put the country code first: for a Swedish number write 46701234567 or +46701234567.',
		);
		expect(gw.sim.state().calls.sms ?? 0).toBe(0);
	});

	it('reports a gateway code below 1000 as a rejection, never as an id', async () => {
		const poor = await startGateway({ accounts: [{ ...ACCOUNT, balance: 0 }] });
		try {
			const result = await poor.run(sendParams(), { input: items({ to: '46701234567', text: 'x' }) });
			expect(result.items).toHaveLength(0);
			expect(result.error?.message).toMatch(/^iP\.1 rejected the message: Insufficient (funds|credits) \(code \d+\)$/);
			const cof = await poor.run(sendParams(), { input: items({ to: '46701234567', text: 'x' }), continueOnFail: true });
			expect(cof.items[0].json).toMatchObject({ code: expect.any(Number), status: expect.stringMatching(/Insufficient/) });
			expect(cof.items[0].json.id).toBeUndefined();
			expect(poor.sim.state().accepted).toBe(0);
		} finally {
			await poor.sim.stop();
		}
	});

	it('fails with the readable message for a wrong API key and never leaks the key', async () => {
		const wrongKey = 'totally-wrong-key-123';
		const result = await gw.run(sendParams(), {
			input: items({ to: '46701234567', text: 'x' }),
			credentials: { apiKey: wrongKey },
		});
		expect(result.error?.message).toBe('iP.1 rejected the message: wrong account ID or API key (code 101)');
		expect(everything(result)).not.toContain(wrongKey);
		expect(gw.sim.state().accepted).toBe(0);
	});

	it('with Continue On Fail, a rejected item carries error, code, status and description', async () => {
		const result = await gw.run(sendParams(), {
			continueOnFail: true,
			input: items({ to: '46701234567', text: 'ok' }, { to: '0701234567', text: 'no country code' }, { to: '46709995151', text: 'fine' }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.id).toBeDefined();
		expect(result.items[1].json.error).toMatch(/country code.*\[item 1\]/);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.items[2].json.id).toBeDefined();
	});

	it('sends through the URL call with ISO-8859-1 escapes and as flash', async () => {
		const result = await gw.run(
			{ ...sendParams({ operation: 'sendFlash', options: { transport: 'url' } }) },
			{ input: items({ to: '46701234567', text: 'Räksmörgås & co\nnästa' }) },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ type: 'flash', transport: 'url' });
		const stored = gw.sim.state().messages.find((m: any) => m.id === result.items[0].json.id)!;
		expect(stored).toMatchObject({ text: 'Räksmörgås & co\nnästa', flash: true, via: 'url' });
	});

	it('refuses characters outside Latin-1 on the URL call before sending', async () => {
		const result = await gw.run(sendParams({ options: { transport: 'url' } }), { input: items({ to: '46701234567', text: 'Hi 😀' }) });
		expect(result.error?.message).toMatch(/Message/);
		expect(result.error?.message).toMatch(/\[item 0\]/);
		expect(gw.sim.state().accepted).toBe(0);
	});

	it('keeps the account id visible but the API key out of the output', async () => {
		const result = await gw.run(sendParams(), { input: items({ to: '46701234567', text: 'x' }) });
		expect(everything(result)).not.toContain(ACCOUNT.key);
	});
});
