/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Issue 23's switches: the forms iP.1's own pages and sample show, each switchable to the other one.
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { restClient, type RestClient } from './restClient';

let sim: SimulatorHandle;
let api: RestClient;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true });
	api = restClient(sim.url);
});
afterAll(() => sim.stop());
beforeEach(() => {
	sim.reset();
	sim.setRest({ postAnswer: 'created', errorBody: 'problem', enumCase: 'lower', batchStatus: false, messagesListedAfterMs: 0, maxReferenceLength: 256, blacklistAdd: 'both' });
});

const valid = { sender: 'iP1', recipients: ['46701234567', '46709876543'], body: 'Hej' };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('problem details (errorBody)', () => {
	it.each([
		['404', () => api.get('/v2/batches/000000000000000000000000'), 404, '/v2/batches/000000000000000000000000', 'Batch not found'],
		['409', async () => api.del(`/v2/batches/${(await api.post('/v2/batches', valid)).data.id}`), 409, undefined, 'nothing to cancel'],
	] as const)('problem (default) for a %s: type, title, status, detail, instance and no errors map', async (_, call, status, instance, detail) => {
		const res = await call();
		expect(res.status).toBe(status);
		expect(Object.keys(res.data).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
		expect(res.data.detail).toContain(detail);
		if (instance) expect(res.data.instance).toBe(instance);
	});

	it('validation keeps the errors map for the same 404 and 400', async () => {
		sim.setRest({ errorBody: 'validation' });
		const missing = await api.get('/v2/batches/000000000000000000000000');
		expect(missing.data).toMatchObject({ status: 404, detail: 'Batch not found' });
		expect(missing.data).not.toHaveProperty('instance');
		const bad = await api.post('/v2/batches', { ...valid, body: '' });
		expect(bad.data.errors).toEqual({ Body: ['The Body field is required.'] });
	});
});

describe('enum casing in answers (enumCase) and the request forms iP.1 accepts', () => {
	it('lower (default): mt, sms, gsm, SEK', async () => {
		const sent = await api.post('/v2/batches', { ...valid, datacoding: 'gsm' });
		expect(sent.data).toMatchObject({ direction: 'mt', type: 'sms', datacoding: 'gsm', priceSummary: { currency: 'SEK' } });
		const [m] = (await api.get(`/v2/batches/${sent.data.id}/messages`)).data;
		expect(m).toMatchObject({ direction: 'mt', type: 'sms', datacoding: 'gsm', currency: 'SEK' });
	});

	it('vendor: MT, SMS / flash, GSM and currency sek, as iP.1 writes its examples', async () => {
		sim.setRest({ enumCase: 'vendor' });
		const sent = await api.post('/v2/batches', { ...valid, datacoding: 'gsm' });
		expect(sent.data).toMatchObject({ direction: 'MT', type: 'SMS', datacoding: 'GSM', priceSummary: { currency: 'sek' } });
		const [m] = (await api.get(`/v2/batches/${sent.data.id}/messages`)).data;
		expect(m).toMatchObject({ direction: 'MT', type: 'SMS', datacoding: 'GSM', currency: 'sek' });
		const flash = await api.post('/v2/batches', { ...valid, type: 'flash' });
		expect(flash.data).toMatchObject({ type: 'flash', datacoding: 'UCS' });
	});

	it('integer: the portal schema\'s numbers', async () => {
		sim.setRest({ enumCase: 'integer' });
		const sent = await api.post('/v2/batches', { ...valid, datacoding: 'gsm', type: 'flash' });
		expect(sent.data).toMatchObject({ direction: 0, type: 0, datacoding: 0 });
	});

	it("PascalCase keys and integer enums, as iP.1's C# sample most likely posts them, are read like camelCase", async () => {
		const res = await api.post('/v2/batches', {
			Sender: 'iP1',
			Recipients: ['46701234567'],
			Body: 'Hej',
			Type: 1,
			Datacoding: 0,
			Priority: 2,
			DeliveryWindows: [{ Opens: new Date(Date.now() + 3_600_000).toISOString(), Closes: null }],
			DeliveryReportUrl: null,
			Reference: 'order-1',
			Tags: ['x'],
		});
		expect(res.status).toBe(201);
		expect(res.data).toMatchObject({ type: 'sms', datacoding: 'gsm', priority: 2, reference: 'order-1', tags: ['x'] });
		expect(res.data.deliveryWindows).toHaveLength(1);
		expect(sim.state().rest.messages[0]).toMatchObject({ recipient: '46701234567', status: 103 }); // funded, waiting for its window
	});
});

describe("the batch's own status (batchStatus)", () => {
	it('off (default): no status; on: the code most of its messages have, in the document and the list', async () => {
		// …4050 ends 405 (refused): two of three are delivered
		const sent = await api.post('/v2/batches', { ...valid, recipients: [...valid.recipients, '46701114050'] });
		expect(sent.data).not.toHaveProperty('status');
		sim.setRest({ batchStatus: true });
		expect((await api.get(`/v2/batches/${sent.data.id}`)).data.status).toBe(201);
		expect((await api.get('/v2/batches')).data[0].status).toBe(201);
	});
});

describe('accepted for later (postAnswer accepted, messagesListedAfterMs)', () => {
	it('202 with the batch document; the messages are listed, and readable, only after the delay', async () => {
		sim.setRest({ postAnswer: 'accepted', messagesListedAfterMs: 400 });
		const sent = await api.post('/v2/batches', valid);
		expect(sent.status).toBe(202);
		expect(sent.data.messageSummary).toEqual({ 201: { messages: 2, sms: 2 } });
		const messageId = sim.state().rest.messages[0].id;
		expect((await api.get(`/v2/batches/${sent.data.id}/messages`)).data).toEqual([]);
		expect((await api.get(`/v2/batches/${sent.data.id}/messages/${messageId}`)).status).toBe(404);
		await pause(450);
		expect((await api.get(`/v2/batches/${sent.data.id}/messages`)).data).toHaveLength(2);
		expect((await api.get(`/v2/batches/${sent.data.id}/messages/${messageId}`)).status).toBe(200);
		expect(sim.state().rest.accepted).toBe(2);
	});

	it('0 (default): listed at once', async () => {
		const sent = await api.post('/v2/batches', valid);
		expect((await api.get(`/v2/batches/${sent.data.id}/messages`)).data).toHaveLength(2);
	});
});

describe('the longest reference (maxReferenceLength)', () => {
	it.each([
		[256, 256, 257],
		[40, 40, 41],
	])('at %i: %i characters go, %i are refused naming Reference', async (max, ok, tooLong) => {
		sim.setRest({ maxReferenceLength: max });
		expect((await api.post('/v2/batches', { ...valid, reference: 'r'.repeat(ok) })).status).toBe(201);
		const refused = await api.post('/v2/batches', { ...valid, reference: 'r'.repeat(tooLong) });
		expect(refused.status).toBe(400);
		expect(refused.data.detail).toBe(`Reference: The field Reference must be a string with a maximum length of ${max}.`);
	});
});

describe('adding to the blacklist (blacklistAdd)', () => {
	const listed = () => sim.state().rest.blacklist['ip1-12345'];

	it('both (default): PUT /v2/blacklist/{msisdn} and POST /v2/blacklist { msisdn }, in any key case', async () => {
		expect((await api.put('/v2/blacklist/46701234567')).status).toBe(200);
		expect((await api.post('/v2/blacklist', { Msisdn: '46709876543' })).data).toMatchObject({ msisdn: '46709876543' });
		expect(listed()).toEqual(['46701234567', '46709876543']);
		expect((await api.post('/v2/blacklist', { number: '1' })).status).toBe(400);
	});

	it('put: POST answers 405; post: PUT answers 405; neither adds anything', async () => {
		sim.setRest({ blacklistAdd: 'put' });
		expect((await api.post('/v2/blacklist', { msisdn: '46709876543' })).status).toBe(405);
		sim.setRest({ blacklistAdd: 'post' });
		const put = await api.put('/v2/blacklist/46701234567');
		expect(put.status).toBe(405);
		expect(put.headers.allow).toBe('GET, DELETE');
		expect(listed()).toEqual([]);
		expect((await api.post('/v2/blacklist', { msisdn: '46701234567' })).status).toBe(200);
		expect(listed()).toEqual(['46701234567']);
	});
});

it('a bad value of a new switch is refused, naming it', () => {
	expect(() => sim.setRest({ enumCase: 'upper' as never })).toThrow(/enumCase/);
	expect(() => sim.setRest({ batchStatus: 'yes' as never })).toThrow(/batchStatus/);
	expect(() => sim.setRest({ messagesListedAfterMs: -1 })).toThrow(/messagesListedAfterMs/);
	expect(() => sim.setRest({ maxReferenceLength: 0 })).toThrow(/maxReferenceLength/);
	expect(() => sim.setRest({ blacklistAdd: 'patch' as never })).toThrow(/blacklistAdd/);
	expect(() => sim.setRest({ errorBody: 'xml' as never })).toThrow(/errorBody/);
});
