/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { ACCOUNT, startGateway, type Gateway } from './gateway';

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway({ accounts: [{ ...ACCOUNT, balance: 250 }] });
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2000, 7)]);
const mms = (extra: Record<string, any> = {}) => ({
	resource: 'mms',
	operation: 'send',
	to: '46701234567',
	from: '46700000000',
	message: 'Din biljett',
	binaryProperties: 'data, extra',
	...extra,
});

describe('MMS Message', () => {
	it('sends files from binary properties and reads the status', async () => {
		const result = await gw.run(mms(), {
			input: [
				{
					json: {},
					binary: {
						data: { data: png, mimeType: 'image/png', fileName: 'ticket.png' },
						extra: { data: Buffer.from('BEGIN:VCARD\nEND:VCARD'), mimeType: 'text/vcard', fileName: 'shop.vcf' },
					},
				},
			],
		});
		expect(result.error).toBeUndefined();
		const out = result.items[0].json;
		expect(out.files).toEqual([
			{ fileName: 'ticket.png', mimeType: 'image/png', size: png.length },
			{ fileName: 'shop.vcf', mimeType: 'text/vcard', size: 21 },
		]);
		const stored = gw.sim.state().mms[0];
		expect(stored).toMatchObject({ id: out.id, to: '46701234567', from: '46700000000', text: 'Din biljett' });
		expect(stored.files).toEqual([
			{ name: 'ticket.png', contentType: 'image/png', size: png.length },
			{ name: 'shop.vcf', contentType: 'text/vcard', size: 21 },
		]);
		const status = await gw.run({ resource: 'mms', operation: 'getStatus', mmsId: out.id as string });
		expect(status.items[0].json).toMatchObject({ id: out.id, code: 22, final: 'delivered' });
	});

	it('refuses a text sender, files over 300 kB and a missing binary field before sending', async () => {
		const binary = { data: { data: png, mimeType: 'image/png', fileName: 'a.png' } };
		const textSender = await gw.run(mms({ from: 'Shop', binaryProperties: 'data' }), { input: [{ json: {}, binary }] });
		expect(textSender.error?.message).toMatch(/From.*\[item 0\]/);
		const big = Buffer.alloc(200 * 1024, 1);
		const tooBig = await gw.run(mms(), {
			input: [{ json: {}, binary: { data: { data: big, mimeType: 'image/jpeg' }, extra: { data: big, mimeType: 'image/jpeg' } } }],
		});
		expect(tooBig.error?.message).toBe('Input Binary Fields: the files add up to 400 kB, more than 300 kB [item 0]');
		expect(tooBig.error?.description).toBe('An MMS carries at most 300 kB. Send smaller or fewer files (compress or resize images first).');
		const missing = await gw.run(mms(), { input: [{ json: {}, binary }] });
		expect(missing.error?.message).toBe('Input Binary Fields: the item has no binary field "extra" [item 0]');
		expect(missing.error?.description).toBe('Its binary fields: data. Name one of them.');
		const none = await gw.run(mms({ binaryProperties: 'data' }), { input: [{ json: {} }] });
		expect(none.error?.message).toBe('Input Binary Fields: the item has no binary field "data" [item 0]');
		expect(none.error?.description).toBe('The item has no binary data: read or download the file in a node before this one.');
		const unnamed = await gw.run(mms({ binaryProperties: ' , ' }), { input: [{ json: {}, binary }] });
		expect(unnamed.error?.message).toBe('Input Binary Fields names no field [item 0]');
		expect(unnamed.error?.description).toBe('Enter the names of the binary fields to attach, separated by commas, e.g. data.');
		expect(gw.sim.state().requestCount).toBe(0);
	});
});

describe('Account → Get Balance and Status Code → Describe', () => {
	it('returns the balance as a number and the raw text, debited per segment', async () => {
		const before = await gw.run({ resource: 'account', operation: 'getBalance' });
		expect(before.items[0].json).toEqual({ balance: 250, raw: '250.00', accountId: ACCOUNT.id });
		await gw.run({ resource: 'sms', operation: 'send', to: '46701234567', from: 'Shop', message: 'x'.repeat(200) });
		const after = await gw.run({ resource: 'account', operation: 'getBalance' });
		expect(after.items[0].json.balance).toBe(248);
	});

	it('reports a wrong key on Get Balance as code 101, not as a balance of 101', async () => {
		const result = await gw.run({ resource: 'account', operation: 'getBalance' }, { credentials: { apiKey: 'nope' } });
		expect(result.error?.message).toBe('iP.1 refused the balance request: wrong account ID or API key (code 101)');
	});

	it('describes status codes with the gateway text and the local table', async () => {
		const result = await gw.run({ resource: 'statusCode', operation: 'describe', code: '={{ $json.code }}' }, {
			input: [{ json: { code: 22 } }, { json: { code: '3' } }],
		});
		expect(result.items.map((i) => i.json.code)).toEqual([22, 3]);
		expect(result.items[0].json).toMatchObject({ description: 'Delivered to the phone', final: 'delivered' });
		expect(result.items[1].json).toMatchObject({ description: 'Invalid phone number format', final: 'rejected' });
		const bad = await gw.run({ resource: 'statusCode', operation: 'describe', code: 'abc' });
		expect(bad.error?.message).toBe('Status Code must be a number below 1000, not "abc" [item 0]');
		expect(bad.error?.description).toBe('Enter a status code iP.1 gave, e.g. 22 or 110 (a number below 1000).');
	});

	it('rejects a credential whose Base URL is not http(s) before any request', async () => {
		const result = await gw.run({ resource: 'account', operation: 'getBalance' }, { credentials: { baseUrl: 'ftp://example' } });
		expect(result.error?.message).toBe('Base URL "ftp://example" is not an http:// or https:// address');
		expect(result.error?.description).toBe('Open the iP.1 SMS API credential and set Base URL to e.g. https://web.smscom.se.');
		expect(gw.sim.state().requestCount).toBe(0);
	});
});
