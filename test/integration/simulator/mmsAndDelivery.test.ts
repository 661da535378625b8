/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import { ACCOUNT, MMS_PATH, result, send, soapCall, waitFor } from './soapClient';

const file = (name: string, bytes: number, contentType = 'image/jpeg') => ({
	FileName: name,
	ContentType: contentType,
	Data: Buffer.alloc(bytes, 7).toString('base64'),
});

function mmsParams(overrides: Record<string, unknown> = {}) {
	return { acc: ACCOUNT.id, pass: ACCOUNT.key, msg: 'Bild%0afrån oss', to: '46701234567', from: '46709999999', files: { InlineFile: [file('a.jpg', 1000)] }, ...overrides } as Record<string, any>;
}

const sendMms = async (sim: SimulatorHandle, overrides: Record<string, unknown> = {}) =>
	result(sim.url, 'sendMMS', mmsParams(overrides), { path: MMS_PATH });

describe('MMS service', () => {
	let sim: SimulatorHandle;
	beforeAll(async () => {
		sim = await startSimulator({
			port: 0,
			quiet: true,
			accounts: [
				{ id: ACCOUNT.id, key: ACCOUNT.key, balance: 100 },
				{ id: 'ip1-empty', key: 'empty-key', balance: 0 },
			],
		});
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());

	it('sends an MMS with its files and answers its id; status follows appendix B', async () => {
		const id = await sendMms(sim, { files: { InlineFile: [file('a.jpg', 1000), file('b.txt', 10, 'text/plain')] } });
		expect(Number(id)).toBeGreaterThanOrEqual(1000);
		expect(sim.state().mms).toEqual([
			expect.objectContaining({
				id,
				account: ACCOUNT.id,
				to: '46701234567',
				from: '46709999999',
				text: 'Bild\nfrån oss',
				files: [
					{ name: 'a.jpg', contentType: 'image/jpeg', size: 1000 },
					{ name: 'b.txt', contentType: 'text/plain', size: 10 },
				],
				status: 22,
			}),
		]);
		expect(await result(sim.url, 'status', { mmsId: id }, { path: MMS_PATH })).toBe('22');
		expect(sim.state().accounts[0].balance).toBe(99);
		expect(sim.state().accepted).toBe(1);
		expect(sim.state().calls['mms.sendMMS']).toBe(1);
	});

	it('accepts konto/passwd as the credentials too, and a text-only MMS', async () => {
		const id = await result(sim.url, 'sendMMS', { konto: ACCOUNT.id, passwd: ACCOUNT.key, msg: 'only text', to: '46701234567', from: '46709999999' }, { path: MMS_PATH });
		expect(Number(id)).toBeGreaterThanOrEqual(1000);
	});

	it('refuses a text sender with 3', async () => {
		expect(await sendMms(sim, { from: 'Shop' })).toBe('3');
		expect(await sendMms(sim, { from: '+46709999999' })).toBe('3');
		expect(sim.state().accepted).toBe(0);
	});

	it('refuses files over 300 kB together with 2, accepts exactly 300 kB', async () => {
		expect(await sendMms(sim, { files: { InlineFile: [file('a.jpg', 200 * 1024), file('b.jpg', 100 * 1024 + 1)] } })).toBe('2');
		expect(sim.state().accepted).toBe(0);
		expect(Number(await sendMms(sim, { files: { InlineFile: [file('a.jpg', 200 * 1024), file('b.jpg', 100 * 1024)] } }))).toBeGreaterThanOrEqual(1000);
	});

	it('refuses data that is not base64, and an MMS with neither text nor files, with 2', async () => {
		expect(await sendMms(sim, { files: { InlineFile: [{ FileName: 'x', ContentType: 'image/png', Data: 'not*base64!' }] } })).toBe('2');
		expect(await sendMms(sim, { msg: '', files: '' })).toBe('2');
	});

	it('answers 1 for wrong credentials, 3 for a bad number, 4 without funds', async () => {
		expect(await sendMms(sim, { pass: 'wrong' })).toBe('1');
		expect(await sendMms(sim, { to: '0701234567' })).toBe('3');
		expect(await sendMms(sim, { acc: 'ip1-empty', pass: 'empty-key' })).toBe('4');
		expect(sim.state().accepted).toBe(0);
	});

	it('status of an unknown MMS is 50', async () => {
		expect(await result(sim.url, 'status', { mmsId: '4711' }, { path: MMS_PATH })).toBe('50');
	});
});

describe('delivery timing and scripted failures', () => {
	let sim: SimulatorHandle;
	afterEach(() => sim.stop());

	const statusOf = async (id: string) => result(sim.url, 'status', { id });

	it('goes 0 → 21 → 22 on the configured timing', async () => {
		sim = await startSimulator({ port: 0, quiet: true, delivery: { toNetworkMs: 300, toPhoneMs: 300 } });
		const id = await send(sim.url);
		const seen: string[] = [await statusOf(id)];
		await waitFor(async () => {
			const s = await statusOf(id);
			if (s !== seen.at(-1)) seen.push(s);
			return s === '22';
		}, 3000);
		expect(seen).toEqual(['0', '21', '22']);
	});

	it('fails numbers ending in the GSM suffix with 51 (after 0) and the phone suffix with 52 (after 21)', async () => {
		sim = await startSimulator({ port: 0, quiet: true, delivery: { toNetworkMs: 300, toPhoneMs: 300 } });
		const gsm = await send(sim.url, { till: '46701235151' });
		const phone = await send(sim.url, { till: '46701235252' });
		const seen: Record<string, string[]> = { [gsm]: [], [phone]: [] };
		await waitFor(async () => {
			for (const id of [gsm, phone]) {
				const s = await statusOf(id);
				if (s !== seen[id].at(-1)) seen[id].push(s);
			}
			return seen[gsm].at(-1) === '51' && seen[phone].at(-1) === '52';
		}, 3000);
		expect(seen[gsm]).toEqual(['0', '51']);
		expect(seen[phone]).toEqual(['0', '21', '52']);
	});

	it('with instant delivery the scripted failures show at once; suffixes are configurable; MMS fail with 50/44', async () => {
		sim = await startSimulator({ port: 0, quiet: true, failSuffixes: { gsm: '999', phone: '888' } });
		expect(await statusOf(await send(sim.url, { till: '46701234999' }))).toBe('51');
		expect(await statusOf(await send(sim.url, { till: '46701234888' }))).toBe('52');
		expect(await statusOf(await send(sim.url, { till: '46701235151' }))).toBe('22');
		const mmsGsm = await sendMms(sim, { to: '46701234999' });
		const mmsPhone = await sendMms(sim, { to: '46701234888' });
		expect(await result(sim.url, 'status', { mmsId: mmsGsm }, { path: MMS_PATH })).toBe('50');
		expect(await result(sim.url, 'status', { mmsId: mmsPhone }, { path: MMS_PATH })).toBe('44');
	});

	it('a bundle lists the scripted failures of its recipients', async () => {
		sim = await startSimulator({ port: 0, quiet: true });
		await send(sim.url, { till: '46701111111,46701235151,46701235252' }, 'smsBundle');
		expect(sim.state().messages.map((m) => m.status)).toEqual([22, 51, 52]);
	});

	it('MMS go 0 → 21 → 22 too', async () => {
		sim = await startSimulator({ port: 0, quiet: true, delivery: { toNetworkMs: 200, toPhoneMs: 200 } });
		const id = await sendMms(sim);
		const mmsStatus = () => soapCall(sim.url, 'status', { mmsId: id }, { path: MMS_PATH }).then((a) => a.result!);
		const seen: string[] = [await mmsStatus()];
		await waitFor(async () => {
			const s = await mmsStatus();
			if (s !== seen.at(-1)) seen.push(s);
			return s === '22';
		}, 3000);
		expect(seen).toEqual(['0', '21', '22']);
	});
});
