import axios from 'axios';
import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import { startCallbackServer, decodeLatin1, decodeUtf8, type CallbackServer } from './callbackServer';
import { sleep, waitFor } from './soapClient';

let cb: CallbackServer;
let sim: SimulatorHandle;
beforeAll(async () => {
	cb = await startCallbackServer();
	sim = await startSimulator({ port: 0, quiet: true, callbackUrl: `${cb.url}/webhook/ip1`, callbackRetryMs: 50, callbackMaxAttempts: 4 });
});
afterAll(async () => {
	await sim.stop();
	await cb.close();
});
beforeEach(() => {
	sim.reset();
	cb.hits.length = 0;
	cb.script.length = 0;
	cb.fallback = { status: 200, body: 'OK' };
});

describe('incoming SMS callbacks', () => {
	it('GETs the callback with incsmsid, sender, text, to; OK on the first attempt delivers it', async () => {
		const record = await sim.injectIncoming({ sender: '46701234567', to: '46709876543', text: 'Hej på dig' });
		expect(Number(record.incsmsid)).toBeGreaterThanOrEqual(1000);
		expect(record).toMatchObject({ delivered: true, finished: true, sender: '46701234567', to: '46709876543', text: 'Hej på dig', encoding: 'iso-8859-1' });
		expect(record.attempts).toEqual([expect.objectContaining({ status: 200, body: 'OK' })]);
		expect(cb.hits).toHaveLength(1);
		const hit = cb.hits[0];
		expect(hit.rawUrl.startsWith('/webhook/ip1?incsmsid=')).toBe(true);
		expect(Object.keys(hit.rawParams)).toEqual(['incsmsid', 'sender', 'text', 'to']);
		expect(hit.rawParams).toMatchObject({ incsmsid: record.incsmsid, sender: '46701234567', to: '46709876543' });
		expect(decodeLatin1(hit.rawParams.text)).toBe('Hej på dig');
		expect(sim.state().incoming).toEqual([expect.objectContaining({ incsmsid: record.incsmsid, delivered: true })]);
	});

	it('encodes text as ISO-8859-1 by default (%E5 for å), UTF-8 when asked', async () => {
		await sim.injectIncoming({ sender: '46701234567', to: '46709876543', text: 'åäö ÅÄÖ & = + %' });
		expect(cb.hits[0].rawParams.text).toBe('%E5%E4%F6+%C5%C4%D6+%26+%3D+%2B+%25');
		expect(decodeLatin1(cb.hits[0].rawParams.text)).toBe('åäö ÅÄÖ & = + %');
		await sim.injectIncoming({ sender: '46701234567', to: '46709876543', text: 'åäö € Привет', encoding: 'utf-8' });
		expect(cb.hits[1].rawParams.text).toBe('%C3%A5%C3%A4%C3%B6+%E2%82%AC+%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82');
		expect(decodeUtf8(cb.hits[1].rawParams.text)).toBe('åäö € Привет');
		// a character ISO-8859-1 cannot hold becomes '?'
		await sim.injectIncoming({ sender: '46701234567', to: '46709876543', text: '5 €' });
		expect(decodeLatin1(cb.hits[2].rawParams.text)).toBe('5 ?');
	});

	it('keeps the query of the callback URL and appends its parameters', async () => {
		await sim.injectIncoming({ sender: 'Shop', to: '46709876543', text: 'x', callbackUrl: `${cb.url}/hook?someparam=somevalue&b=2` });
		expect(cb.hits[0].rawUrl).toMatch(/^\/hook\?someparam=somevalue&b=2&incsmsid=\d+&sender=Shop&text=x&to=46709876543$/);
	});

	it('retries with the same incsmsid until the answer is exactly OK', async () => {
		cb.script.push({ status: 200, body: 'NOT OK' }, { status: 500, body: 'OK' }, { status: 200, body: 'OK\n' }, { status: 200, body: 'ok' });
		cb.fallback = { status: 200, body: 'OK' };
		const sim2 = await startSimulator({ port: 0, quiet: true, callbackUrl: cb.url, callbackRetryMs: 30, callbackMaxAttempts: 10 });
		try {
			const record = await sim2.injectIncoming({ sender: '46701234567', to: '46709876543', text: 'retry me' });
			expect(record.attempts).toHaveLength(1);
			expect(record.delivered).toBe(false);
			await waitFor(() => sim2.state().incoming[0].finished, 3000);
			const stored = sim2.state().incoming[0];
			expect(stored.delivered).toBe(true);
			expect(stored.attempts.map((a) => [a.status, a.body])).toEqual([
				[200, 'NOT OK'],
				[500, 'OK'],
				[200, 'OK\n'],
				[200, 'ok'],
				[200, 'OK'],
			]);
			const ids = new Set(cb.hits.map((h) => h.rawParams.incsmsid));
			expect([...ids]).toEqual([record.incsmsid]);
			const times = stored.attempts.map((a) => a.at);
			for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(25);
		} finally {
			await sim2.stop();
		}
	});

	it('gives up after the maximum number of attempts', async () => {
		cb.fallback = { status: 503, body: 'busy' };
		await sim.injectIncoming({ sender: '46701234567', to: '46709876543', text: 'never' });
		await waitFor(() => sim.state().incoming[0].finished, 3000);
		await sleep(150); // no further attempt comes
		const stored = sim.state().incoming[0];
		expect(stored).toMatchObject({ delivered: false, finished: true });
		expect(stored.attempts).toHaveLength(4);
		expect(cb.hits).toHaveLength(4);
	});

	it('records an attempt that got no answer with status 0 and the error', async () => {
		const closed = await startCallbackServer();
		await closed.close();
		const record = await sim.injectIncoming({ sender: '46701234567', to: '46709876543', text: 'x', callbackUrl: closed.url });
		expect(record.attempts[0]).toMatchObject({ status: 0, body: '' });
		expect(record.attempts[0].error).toMatch(/ECONNREFUSED/);
		expect(record.delivered).toBe(false);
	});

	it('reset stops pending retries', async () => {
		cb.fallback = { status: 500, body: 'no' };
		await sim.injectIncoming({ sender: '46701234567', to: '46709876543', text: 'x' });
		sim.reset();
		await sleep(150);
		expect(cb.hits).toHaveLength(1);
		expect(sim.state().incoming).toEqual([]);
	});

	it('injects through POST /_sim/incoming (JSON) and answers the record after the first attempt', async () => {
		const res = await axios.post(`${sim.url}/_sim/incoming`, { sender: '46701234567', to: '46709876543', text: 'via JSON å', encoding: 'utf-8' });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ delivered: true, text: 'via JSON å', encoding: 'utf-8' });
		expect(res.data.attempts).toHaveLength(1);
		expect(decodeUtf8(cb.hits[0].rawParams.text)).toBe('via JSON å');
	});

	it('refuses an injection without a callback URL or with bad fields', async () => {
		const bare = await startSimulator({ port: 0, quiet: true });
		try {
			await expect(bare.injectIncoming({ sender: '1', to: '2', text: 'x' })).rejects.toThrow(/callback URL/);
			const res = await axios.post(`${bare.url}/_sim/incoming`, { sender: '1', to: '2', text: 'x' }, { validateStatus: () => true });
			expect(res.status).toBe(400);
			expect(res.data.error).toMatch(/callback URL/);
		} finally {
			await bare.stop();
		}
		const res = await axios.post(`${sim.url}/_sim/incoming`, { sender: '1', to: '2' }, { validateStatus: () => true });
		expect(res.status).toBe(400);
		expect(res.data.error).toMatch(/text must be a string/);
	});
});
