/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The "phone" that answers: auto-reply rules for REST sends, and the repeat of an incoming webhook.
import axios from 'axios';
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { restClient, until, type RestClient } from './restClient';
import { startWebhookServer, type WebhookServer } from './webhookServer';

let sim: SimulatorHandle;
let api: RestClient;
let hook: WebhookServer;
beforeAll(async () => {
	hook = await startWebhookServer();
	sim = await startSimulator({
		port: 0,
		quiet: true,
		accounts: [
			{ id: 'ip1-12345', key: 'test-api-key', balance: 1000 },
			{ id: 'ip1-2', key: 'key-2', balance: 1000 },
		],
		rest: { webhookRetryMs: 30, webhookMaxAttempts: 3 },
		autoReplies: [{ match: '9999', reply: 'configured', delayMs: 0 }],
	});
	api = restClient(sim.url);
});
afterAll(async () => {
	await sim.stop();
	await hook.close();
});
beforeEach(() => {
	sim.reset();
	sim.setIncomingUrl('ip1-12345', `${hook.url}/in?secret=s3`);
	hook.hits.length = 0;
	hook.script.length = 0;
	hook.fallback = 200;
	hook.respond = undefined;
});

const send = (recipients: string[], body = 'Reply YES or NO') => api.post('/v2/batches', { sender: 'iP1', recipients, body });
const mo = () => sim.state().rest.messages.filter((m) => m.direction === 'mo');

describe('auto-reply rules', () => {
	it('a send to a matching number brings an incoming SMS from it: in its conversation and POSTed with sender and recipient swapped', async () => {
		sim.setAutoReplies([{ match: '1111', reply: 'YES', delayMs: 0 }]);
		const sent = await send(['46701231111', '46701232222']);
		expect(sent.status).toBe(201);
		const [hit] = await hook.waitFor(1);
		expect(hit.path).toBe('/in?secret=s3');
		expect(hit.body).toMatchObject({ direction: 'mo', sender: '46701231111', recipient: 'iP1', body: 'YES' });
		const conversation = await api.get('/v2/conversations/46701231111');
		expect(conversation.data.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
			['mt', 'Reply YES or NO'],
			['mo', 'YES'],
		]);
		expect(conversation.data[1].id).toBe(hit.body.id);
		await until(() => sim.state().rest.autoReplied.length === 1, 'the answer recorded');
		const mt = sim.state().rest.messages.find((m) => m.recipient === '46701231111')!;
		expect(sim.state().rest.autoReplied[0]).toMatchObject({ rule: 0, mtMessageId: mt.id, moMessageId: hit.body.id, from: '46701231111', to: 'iP1', body: 'YES' });
		// the other number has no rule: nothing from it
		expect((await api.get('/v2/conversations/46701232222/mo')).data).toEqual([]);
		expect(mo()).toHaveLength(1);
	});

	it('a /regex/ rule and a list of replies: successive sends to one number get them in turn, per number', async () => {
		sim.setAutoReplies([{ match: '/^4670123/', reply: ['maybe', 'YES'], delayMs: 0 }]);
		await send(['46701230001']);
		await hook.waitFor(1);
		await send(['46701230001']);
		await hook.waitFor(2);
		await send(['46701230002']);
		await hook.waitFor(3);
		await send(['46701230001']);
		await hook.waitFor(4);
		expect(hook.hits.map((h) => [h.body.sender, h.body.body])).toEqual([
			['46701230001', 'maybe'],
			['46701230001', 'YES'],
			['46701230002', 'maybe'],
			['46701230001', 'maybe'],
		]);
	});

	it('times: only the first n sends to a number are answered; the first matching rule wins; account limits a rule', async () => {
		sim.setAutoReplies([
			{ match: '3333', reply: 'for ip1-2 only', delayMs: 0, account: 'ip1-2' },
			{ match: '3333', reply: 'once', delayMs: 0, times: 1 },
			{ match: '33', reply: 'second rule', delayMs: 0 },
		]);
		await send(['46701233333']);
		await hook.waitFor(1);
		await send(['46701233333']);
		await send(['46701230033']); // a marker: the answer to the send before it would have been scheduled first
		await hook.waitFor(2);
		await until(() => sim.state().rest.webhooks.every((w) => w.finished), 'webhooks finished');
		expect(hook.hits.map((h) => [h.body.sender, h.body.body])).toEqual([
			['46701233333', 'once'],
			['46701230033', 'second rule'],
		]);
		expect(() => sim.setAutoReplies([{ match: '1', reply: 'x', account: 'ip1-none' }])).toThrow(/no such account: ip1-none/);
	});

	it('no answer to a recipient that was refused (blacklisted, bad number) or whose send failed; an accepted one in the same batch answers', async () => {
		sim.setAutoReplies([{ match: '/.*/', reply: 'here', delayMs: 0 }]);
		expect((await api.put('/v2/blacklist/46701234444')).status).toBe(200);
		expect((await send(['46701234444', '12345', '46701234050', '46701235555'])).status).toBe(201);
		await hook.waitFor(1);
		await until(() => sim.state().rest.messages.filter((m) => m.direction === 'mt').every((m) => m.status >= 200), 'every MT final');
		// an answer to any of the refused ones would have been scheduled together with the accepted one's
		await send(['46701236666']);
		await hook.waitFor(2);
		expect(hook.hits.map((h) => h.body.sender)).toEqual(['46701235555', '46701236666']);
		expect(sim.state().rest.messages.filter((m) => m.direction === 'mt').map((m) => m.status)).toEqual([406, 405, 405, 201, 201]);
	});

	it('no answer to a message canceled before it was delivered', async () => {
		sim.setAutoReplies([
			{ match: '7777', reply: 'canceled, never delivered', delayMs: 0 },
			{ match: '8888', reply: 'marker', delayMs: 0 },
		]);
		const opens = Math.ceil((Date.now() + 1000) / 1000) * 1000;
		const window = [{ opens: new Date(opens).toISOString().replace(/\.\d{3}Z$/, 'Z') }];
		const batch = await api.post('/v2/batches', { sender: 'iP1', recipients: ['46701237777'], body: 'later', deliveryWindows: window });
		expect(batch.status).toBe(201);
		expect((await api.del(`/v2/batches/${batch.data.id}`)).status).toBe(200);
		await until(() => Date.now() > opens + 50, 'the window to have opened');
		await send(['46701238888']); // its answer is scheduled after the canceled one's would have been
		await hook.waitFor(1);
		await until(() => sim.state().rest.webhooks.every((w) => w.finished), 'webhooks finished');
		expect(hook.hits.map((h) => h.body.body)).toEqual(['marker']);
		expect(mo().map((m) => m.body)).toEqual(['marker']);
		expect(sim.state().rest.messages.find((m) => m.recipient === '46701237777')!.status).toBe(203);
	});

	it('an answer is filed although the account has no incoming-SMS URL', async () => {
		sim.setIncomingUrl('ip1-12345', null);
		sim.setAutoReplies([{ match: '1111', reply: 'YES', delayMs: 0 }]);
		await send(['46701231111']);
		await until(() => sim.state().rest.autoReplied.length === 1, 'the answer');
		expect(sim.state().rest.autoReplied[0].webhookSeq).toBeNull();
		expect((await api.get('/v2/conversations/46701231111/mo')).data.map((m: { body: string }) => m.body)).toEqual(['YES']);
		expect(sim.state().rest.webhooks).toEqual([]);
	});

	it('reset comes back to the rules configured at the start; the control API reads, replaces and clears them', async () => {
		const control = axios.create({ baseURL: `${sim.url}/_sim/rest/auto-replies`, validateStatus: () => true });
		expect((await control.get('')).data).toEqual([{ match: '9999', reply: ['configured'], delayMs: 0 }]);
		const replaced = await control.post('', [{ match: '1111', reply: 'YES' }, { match: '/^47/', reply: ['a', 'b'], delayMs: 10, times: 2, repeat: 1 }]);
		expect(replaced.status).toBe(200);
		expect(replaced.data).toEqual([
			{ match: '1111', reply: ['YES'], delayMs: 2000 },
			{ match: '/^47/', reply: ['a', 'b'], delayMs: 10, times: 2, repeat: 1 },
		]);
		expect(sim.autoReplies()).toEqual(replaced.data);
		expect(sim.state().rest.autoReplies).toEqual(replaced.data);
		const bad = await control.post('', [{ match: '12a', reply: 'x' }]);
		expect(bad.status).toBe(400);
		expect(bad.data.error).toMatch(/rule 1: match "12a"/);
		expect(sim.autoReplies()).toEqual(replaced.data); // a refused list changes nothing
		expect((await control.delete('')).data).toEqual([]);
		expect(sim.autoReplies()).toEqual([]);
		sim.reset();
		expect(sim.autoReplies()).toEqual([{ match: '9999', reply: ['configured'], delayMs: 0 }]);
		sim.setIncomingUrl('ip1-12345', `${hook.url}/in`);
		await send(['46701239999']);
		const [hit] = await hook.waitFor(1);
		expect(hit.body.body).toBe('configured');
	});

	it('the web view lists the rules and the answers', async () => {
		sim.setAutoReplies([{ match: '1111', reply: ['maybe', 'YES <b>'], delayMs: 0, account: 'ip1-12345' }]);
		await send(['46701231111']);
		await until(() => sim.state().rest.autoReplied.length === 1, 'the answer');
		const page = (await axios.get(`${sim.url}/_sim/`)).data as string;
		expect(page).toContain('<table id="auto-replies">');
		expect(page).toContain('maybe → YES &lt;b&gt;');
		expect(page).toMatch(/<table id="auto-replied">[\s\S]*46701231111[\s\S]*maybe/);
	});
});

describe('repeating an incoming webhook', () => {
	it('POST /_sim/rest/incoming/{messageId}/repeat POSTs the identical document to the same URL once more', async () => {
		const first = await sim.injectRestIncoming({ sender: '46701234567', recipient: 'iP1', body: 'YES' });
		const repeated = await axios.post(`${sim.url}/_sim/rest/incoming/${first.messageId}/repeat`);
		expect(repeated.status).toBe(200);
		expect(repeated.data).toMatchObject({ kind: 'incoming', messageId: first.messageId, repeatOf: first.seq, url: first.url, delivered: true });
		const hits = await hook.waitFor(2);
		expect(hits[1].path).toBe(hits[0].path);
		expect(hits[1].body).toEqual(hits[0].body);
		expect(hits[0].body.id).toBe(first.messageId);
		expect(mo()).toHaveLength(1); // one SMS, delivered twice
		const unknown = await axios.post(`${sim.url}/_sim/rest/incoming/000000000000000000000000/repeat`, undefined, { validateStatus: () => true });
		expect(unknown.status).toBe(404);
	});

	it('the programmatic repeat, `repeat: n` on injection, and `repeat` on a rule', async () => {
		const first = await sim.injectRestIncoming({ sender: '46701234567', recipient: 'iP1', body: 'one', repeat: 2 });
		await hook.waitFor(3);
		await sim.repeatRestIncoming(first.messageId);
		await hook.waitFor(4);
		sim.setAutoReplies([{ match: '1111', reply: 'YES', delayMs: 0, repeat: 1 }]);
		await send(['46701231111']);
		await hook.waitFor(6);
		expect(hook.hits.map((h) => h.body.body)).toEqual(['one', 'one', 'one', 'one', 'YES', 'YES']);
		expect(new Set(hook.hits.slice(0, 4).map((h) => JSON.stringify(h.body))).size).toBe(1);
		expect(hook.hits[4].body).toEqual(hook.hits[5].body);
		expect(sim.state().rest.webhooks.map((w) => w.repeatOf)).toEqual([undefined, 1, 1, 1, undefined, 5]);
		expect(mo()).toHaveLength(2);
	});
});
