/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// POST /v2/batches: every field rule of the contract, and the request shapes real clients send.
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { restClient, type RestClient } from './restClient';

let sim: SimulatorHandle;
let api: RestClient;
beforeAll(async () => {
	sim = await startSimulator({
		port: 0,
		quiet: true,
		// field errors read from ASP.NET's `errors` map (the portal's default form tells them in `detail`)
		rest: { errorBody: 'validation' },
		accounts: [
			{ id: 'ip1-12345', key: 'test-api-key', balance: 1000, senders: ['Acme'] },
			{ id: 'ip1-trial', key: 'trial', balance: 10, trial: true },
		],
	});
	api = restClient(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const post = (body: unknown, key?: string) => api.post('/v2/batches', body, key);
const valid = { sender: 'iP1', recipients: ['46701234567'], body: 'Hej' };
const messages = () => sim.state().rest.messages;

async function expectInvalid(body: unknown, field: string) {
	const before = sim.state().rest.batches.length;
	const res = await post(body);
	expect(res.status).toBe(400);
	expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
	expect(res.data).toMatchObject({ title: 'One or more validation errors occurred.', status: 400 });
	expect(Object.keys(res.data.errors)).toContain(field);
	expect(sim.state().rest.batches).toHaveLength(before);
	return res.data.errors[field] as string[];
}

describe('the request shapes real clients send', () => {
	it("iP.1's sample client: full serialisation with SMS/UCS, nulls and empty lists", async () => {
		const res = await post({
			sender: 'iP1',
			recipients: ['46701234567'],
			body: 'Hej från provklienten',
			type: 'SMS',
			datacoding: 'UCS',
			priority: 1,
			deliveryWindows: [],
			deliveryReportUrl: null,
			reference: null,
			tags: [],
		});
		expect(res.status).toBe(201);
		expect(res.data).toMatchObject({ type: 'sms', datacoding: 'ucs', priority: 1, deliveryWindows: [], deliveryReportUrl: null, reference: null, tags: [] });
	});

	it('a third-party integration: sender, recipients, body only; defaults sms, ucs, priority 1', async () => {
		const res = await post({ sender: 'iP1sms', recipients: ['46701234567', '46709876543'], body: 'Hello' });
		expect(res.status).toBe(201);
		expect(res.data).toMatchObject({ type: 'sms', datacoding: 'ucs', priority: 1, templated: false });
		expect(messages()).toHaveLength(2);
	});

	it("the docs' templated example: each recipient's value, else default, else the placeholder as written", async () => {
		const res = await post({
			sender: 'iP1',
			recipients: { '46701234567': { name: 'Anna' }, '46709876543': {}, default: { name: 'kund' } },
			body: 'Hej {name}, din kod {code} {Name}',
		});
		expect(res.status).toBe(201);
		expect(res.data.templated).toBe(true);
		expect(res.data.body).toBe('Hej {name}, din kod {code} {Name}');
		expect(messages().map((m) => [m.recipient, m.body])).toEqual([
			['46701234567', 'Hej Anna, din kod {code} {Name}'],
			['46709876543', 'Hej kund, din kod {code} {Name}'],
		]);
	});
});

describe('enums: any letter case and the integer forms', () => {
	it.each([
		[{ type: 'Flash' }, 'flash'],
		[{ type: 'FLASH' }, 'flash'],
		[{ type: 0 }, 'flash'],
		[{ type: 1 }, 'sms'],
		[{ type: 'sMs' }, 'sms'],
	])('type %j → %s', async (extra, type) => {
		const res = await post({ ...valid, ...extra });
		expect(res.status).toBe(201);
		expect(res.data.type).toBe(type);
	});

	it.each([
		[{ datacoding: 'GSM' }, 'gsm'],
		[{ datacoding: 0 }, 'gsm'],
		[{ datacoding: 2 }, 'ucs'],
		[{ datacoding: 'Ucs' }, 'ucs'],
		[{ datacoding: null }, 'ucs'],
	])('datacoding %j → %s', async (extra, datacoding) => {
		const res = await post({ ...valid, ...extra });
		expect(res.status).toBe(201);
		expect(res.data.datacoding).toBe(datacoding);
	});

	it.each([[{ type: 'mms' }, 'Type'], [{ type: 2 }, 'Type'], [{ datacoding: 1 }, 'Datacoding'], [{ datacoding: 'utf8' }, 'Datacoding'], [{ priority: 3 }, 'Priority'], [{ priority: '1' }, 'Priority']])(
		'%j is refused naming %s',
		async (extra, field) => {
			await expectInvalid({ ...valid, ...extra }, field);
		},
	);

	it('priority 2 is accepted and costs double', async () => {
		const res = await post({ ...valid, priority: 2 });
		expect(res.status).toBe(201);
		expect(res.data.priority).toBe(2);
		expect(messages()[0].price).toBe(0.7);
	});
});

describe('field rules', () => {
	it('sender: required, 3–11 letters/digits or ≤ 15 digits, registered', async () => {
		await expectInvalid({ ...valid, sender: null }, 'Sender');
		await expectInvalid({ ...valid, sender: 'ab' }, 'Sender');
		await expectInvalid({ ...valid, sender: 'TwelveLetter' }, 'Sender');
		await expectInvalid({ ...valid, sender: 'Acme Inc' }, 'Sender');
		await expectInvalid({ ...valid, sender: '4670123456789012' }, 'Sender');
		expect((await expectInvalid({ ...valid, sender: 'Other' }, 'Sender'))[0]).toMatch(/not registered/);
		expect((await post({ ...valid, sender: 'acme' })).status).toBe(201); // registered as Acme: any case
		expect((await post({ ...valid, sender: '46701234567' })).status).toBe(400); // a number must be registered too
		expect((await api.put('/v2/me/senders/46701234567')).status).toBe(200);
		expect((await post({ ...valid, sender: '46701234567' })).status).toBe(201);
	});

	it('a trial account may send only from iP1 or iP1sms', async () => {
		expect((await post(valid, 'trial-rest')).status).toBe(201);
		expect((await post({ ...valid, sender: 'iP1sms' }, 'trial-rest')).status).toBe(201);
		const refused = await post({ ...valid, sender: 'Acme' }, 'trial-rest');
		expect(refused.status).toBe(400);
		expect(refused.data.errors.Sender[0]).toMatch(/trial/);
		expect((await api.put('/v2/me/senders/Acme', 'trial-rest')).status).toBe(403);
	});

	it('body: required, not only whitespace, at most 2000 characters', async () => {
		await expectInvalid({ ...valid, body: '' }, 'Body');
		await expectInvalid({ ...valid, body: ' \n\t ' }, 'Body');
		await expectInvalid({ ...valid, body: null }, 'Body');
		await expectInvalid({ ...valid, body: 42 }, 'Body');
		await expectInvalid({ ...valid, body: 'x'.repeat(2001) }, 'Body');
		expect((await post({ ...valid, body: 'x'.repeat(2000) })).status).toBe(201);
	});

	it('datacoding gsm refuses a body that needs UCS-2 (also after templating)', async () => {
		await expectInvalid({ ...valid, datacoding: 'gsm', body: 'Hej 😀' }, 'Datacoding');
		await expectInvalid({ ...valid, datacoding: 'gsm', recipients: { '46701234567': { n: 'Ω≈' } }, body: 'Hej {n}' }, 'Datacoding');
		expect((await post({ ...valid, datacoding: 'gsm', body: 'Hej åäö ÅÄÖ €[]' })).status).toBe(201);
	});

	it('recipients: required, a list or an object; null, [] and an object with only default are "not given"', async () => {
		await expectInvalid({ ...valid, recipients: null }, 'Recipients');
		await expectInvalid({ ...valid, recipients: [] }, 'Recipients');
		await expectInvalid({ ...valid, recipients: { default: { a: 'b' } } }, 'Recipients');
		await expectInvalid({ ...valid, recipients: '46701234567' }, 'Recipients');
		await expectInvalid({ ...valid, recipients: ['46701234567', null] }, 'Recipients[1]');
		await expectInvalid({ ...valid, recipients: { '46701234567': { a: { deep: 1 } } } }, 'Recipients.46701234567.a');
	});

	it('a bad or blacklisted recipient becomes a message with 405 / 406 and is not charged; the rest go out', async () => {
		expect((await api.put('/v2/blacklist/46700000001')).status).toBe(200);
		const res = await post({ ...valid, recipients: ['46701234567', '0701234567', '+46701234567', '46700000001', '12'] });
		expect(res.status).toBe(201);
		expect(messages().map((m) => [m.recipient, m.status, m.price])).toEqual([
			['46701234567', 201, 0.35],
			['0701234567', 405, 0],
			['+46701234567', 405, 0],
			['46700000001', 406, 0],
			['12', 405, 0],
		]);
		expect(sim.state().rest.accepted).toBe(1);
		expect(res.data.messageSummary).toEqual({ '201': { messages: 1, sms: 1 }, '405': { messages: 3, sms: 3 }, '406': { messages: 1, sms: 1 } });
	});

	it('deliveryWindows: ISO times, closes optional (opens + 7 days), closes after opens, not all closed', async () => {
		const opens = new Date(Date.now() + 3600_000).toISOString();
		const res = await post({ ...valid, deliveryWindows: [{ opens, closes: null }] });
		expect(res.status).toBe(201);
		const w = res.data.deliveryWindows[0];
		expect(Date.parse(w.closes) - Date.parse(w.opens)).toBe(7 * 24 * 3600 * 1000);
		// without an offset the time is UTC
		const noOffset = await post({ ...valid, deliveryWindows: [{ opens: '2099-11-01T16:32:18.253' }] });
		expect(noOffset.data.deliveryWindows[0].opens).toBe('2099-11-01T16:32:18Z');
		await expectInvalid({ ...valid, deliveryWindows: [{ opens: 'tomorrow' }] }, 'DeliveryWindows[0].Opens');
		await expectInvalid({ ...valid, deliveryWindows: [{ opens, closes: opens }] }, 'DeliveryWindows[0].Closes');
		await expectInvalid({ ...valid, deliveryWindows: [{ opens: '2001-01-01T00:00:00Z', closes: '2001-01-02T00:00:00Z' }] }, 'DeliveryWindows');
		await expectInvalid({ ...valid, deliveryWindows: { opens } }, 'DeliveryWindows');
	});

	it('deliveryReportUrl, reference (≤ 256) and tags (strings)', async () => {
		await expectInvalid({ ...valid, deliveryReportUrl: 'not a url' }, 'DeliveryReportUrl');
		await expectInvalid({ ...valid, reference: 'r'.repeat(257) }, 'Reference');
		await expectInvalid({ ...valid, reference: 12 }, 'Reference');
		await expectInvalid({ ...valid, tags: ['a', 1] }, 'Tags');
		await expectInvalid({ ...valid, tags: 'a' }, 'Tags');
		const res = await post({ ...valid, deliveryReportUrl: 'http://127.0.0.1:1/dlr', reference: 'r'.repeat(256), tags: ['orders', 'vip'] });
		expect(res.status).toBe(201);
		expect(res.data).toMatchObject({ deliveryReportUrl: 'http://127.0.0.1:1/dlr', reference: 'r'.repeat(256), tags: ['orders', 'vip'] });
	});

	it('several fields wrong at once: one error per field', async () => {
		const res = await post({ sender: '', recipients: [], body: '', type: 'x', priority: 9 });
		expect(res.status).toBe(400);
		expect(Object.keys(res.data.errors).sort()).toEqual(['Body', 'Priority', 'Recipients', 'Sender', 'Type']);
	});

	it('a body that is not JSON, not an object, empty, or not sent as JSON', async () => {
		const bad = await api.post('/v2/batches', '{"sender":');
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data.errors)).toEqual(['$']);
		expect((await api.post('/v2/batches', '[1,2]')).status).toBe(400);
		expect((await api.post('/v2/batches', '')).status).toBe(400);
		const form = await api.post('/v2/batches', 'sender=iP1', undefined, { 'Content-Type': 'application/x-www-form-urlencoded' });
		expect(form.status).toBe(415);
		expect((await api.post('/v2/batches', '\uFEFF' + JSON.stringify(valid))).status).toBe(201);
		expect((await api.post('/v2/batches', JSON.stringify(valid), undefined, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(201);
	});

	it('most recipients per batch (switch maxRecipients)', async () => {
		sim.setRest({ maxRecipients: 3 });
		try {
			await expectInvalid({ ...valid, recipients: ['46701234561', '46701234562', '46701234563', '46701234564'] }, 'Recipients');
			expect((await post({ ...valid, recipients: ['46701234561', '46701234562', '46701234563'] })).status).toBe(201);
		} finally {
			sim.setRest({ maxRecipients: 10_000 });
		}
	});
});
