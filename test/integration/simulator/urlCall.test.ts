/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import axios from 'axios';
import http from 'node:http';
import { startSimulator, type SimulatorHandle } from '../../../simulator/index';

let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true, accounts: [{ id: 'ip1-1000', key: 'url-key', balance: 10 }] });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const base = 'acc=ip1-1000&pass=url-key&to=46730123456&from=ip1&prio=1';

/** GET with a raw query (sent byte for byte, no re-encoding); never follows redirects. */
function get(query: string, method = 'GET', body?: string, contentType?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
	const url = new URL(sim.url);
	return new Promise((resolve, reject) => {
		const headers: Record<string, string | number> = {};
		if (body !== undefined) {
			headers['Content-Type'] = contentType ?? 'application/x-www-form-urlencoded';
			headers['Content-Length'] = Buffer.byteLength(body);
		}
		const req = http.request({ host: url.hostname, port: url.port, path: `/sendsms.aspx?${query}`, method, headers }, (res) => {
			let data = '';
			res.setEncoding('utf8');
			res.on('data', (c) => (data += c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: data }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

const last = () => sim.state().messages.at(-1)!;

describe('URL call /sendsms.aspx', () => {
	it('answers the bare id as text/html with no newline', async () => {
		const res = await get(`${base}&msg=Test+SMS`);
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/^text\/html/);
		expect(res.body).toBe('1000');
		expect(last()).toMatchObject({ id: '1000', to: '46730123456', from: 'ip1', text: 'Test SMS', prio: 1, flash: false, via: 'url' });
		expect(sim.state().calls['sendsms.aspx']).toBe(1);
	});

	it('decodes ISO-8859-1 percent-escapes', async () => {
		await get(`${base}&msg=R%E4ksm%F6rg%E5s+%C5%C4%D6+%A3%A7`);
		expect(last().text).toBe('Räksmörgås ÅÄÖ £§');
	});

	it('accepts valid UTF-8 percent-escapes too', async () => {
		await get(`${base}&msg=R%C3%A4ksm%C3%B6rg%C3%A5s+%E2%82%AC`);
		expect(last()).toMatchObject({ text: 'Räksmörgås €', encoding: 'GSM 03.38', characters: 13 });
		await get(`${base}&msg=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82`);
		expect(last()).toMatchObject({ text: 'Привет', encoding: 'UCS-2' });
	});

	it('turns %0a into a line break', async () => {
		await get(`${base}&msg=one%0atwo`);
		expect(last().text).toBe('one\ntwo');
	});

	it('reads parameter names in any case (the manual writes Acc, Pass, Msg)', async () => {
		const res = await get('Acc=ip1-1000&Pass=url-key&To=46730123456&From=ip1&Msg=caps&Prio=2');
		expect(Number(res.body)).toBeGreaterThanOrEqual(1000);
		expect(last()).toMatchObject({ text: 'caps', prio: 2 });
	});

	it('type=flash sends a flash SMS', async () => {
		await get(`${base}&msg=flash&type=flash`);
		expect(last().flash).toBe(true);
	});

	it('POST with the same query, and POST with a form body', async () => {
		expect(Number((await get(`${base}&msg=posted`, 'POST', '')).body)).toBeGreaterThanOrEqual(1000);
		expect(last().text).toBe('posted');
		const res = await get('', 'POST', `${base}&msg=in+the+body+%E5`);
		expect(Number(res.body)).toBeGreaterThanOrEqual(1000);
		expect(last().text).toBe('in the body å');
	});

	it.each([
		['wrong credentials', 'acc=ip1-1000&pass=nope&to=46730123456&from=ip1&prio=1&msg=x', '101'],
		['a bad number', 'acc=ip1-1000&pass=url-key&to=0702617396&from=ip1&prio=2&msg=x', '3'],
		['a bad sender', 'acc=ip1-1000&pass=url-key&to=46730123456&from=i&prio=2&msg=x', '110'],
		['no message', 'acc=ip1-1000&pass=url-key&to=46730123456&from=ip1&prio=2', '2'],
		['a bad prio', 'acc=ip1-1000&pass=url-key&to=46730123456&from=ip1&prio=5&msg=x', '110'],
		['no funds', `acc=ip1-1000&pass=url-key&to=46730123456&from=ip1&prio=2&msg=${'x'.repeat(1600)}`, '4'],
	])('answers the code for %s', async (_name, query, code) => {
		const res = await get(query);
		expect(res.status).toBe(200);
		expect(res.body).toBe(code);
		expect(sim.state().accepted).toBe(0);
	});

	it('with ok set, redirects to it carrying the id', async () => {
		const res = await get(`${base}&msg=x&ok=${encodeURIComponent('https://example.test/ok?ref=7')}&error=${encodeURIComponent('https://example.test/err')}`);
		expect(res.status).toBe(302);
		expect(res.headers.location).toBe('https://example.test/ok?ref=7&id=1000');
		const bare = await get(`${base}&msg=x&ok=${encodeURIComponent('https://example.test/ok.php?smsid=')}`);
		expect(bare.headers.location).toBe('https://example.test/ok.php?smsid=1001');
	});

	it('with error set, redirects to it carrying the code', async () => {
		const res = await get(`acc=ip1-1000&pass=bad&to=46730123456&from=ip1&prio=1&msg=x&ok=http://a.test/ok&error=${encodeURIComponent('http://a.test/error')}`);
		expect(res.status).toBe(302);
		expect(res.headers.location).toBe('http://a.test/error?code=101');
	});

	it('prints directly when only the other address is given', async () => {
		expect((await get(`${base}&msg=x&error=http://a.test/e`)).body).toBe('1000');
		expect((await get(`acc=x&pass=y&to=46730123456&from=ip1&prio=1&msg=x&ok=http://a.test/ok`)).body).toBe('101');
	});

	it('works through axios as a client would call it', async () => {
		const res = await axios.get(`${sim.url}/sendsms.aspx`, { params: { acc: 'ip1-1000', pass: 'url-key', to: '46730123456', from: 'ip1', prio: 1, msg: 'åäö via axios' }, responseType: 'text' });
		expect(res.data).toMatch(/^\d{4,}$/);
		expect(last().text).toBe('åäö via axios');
	});
});
