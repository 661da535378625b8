import { Ip1SmsTrigger, WEBHOOK_PATH } from '../../../nodes/Ip1SmsTrigger/Ip1SmsTrigger.node';
import { answerAsN8n, callTrigger, freshWorkflowId, hookContext, webhookContext } from './webhookContext';

const base = `/webhook/3f1c0e52-8a8e-4a51-9a43-1f7d2d3b0c11/${WEBHOOK_PATH}`;
let nextId = 1000;
const newId = () => String(nextId++);

function callbackUrl(params: Record<string, string>, prefix = '') {
	const query = Object.entries(params)
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	return `${base}?${prefix}${query}`;
}

function itemOf(result: { workflowData?: Array<Array<{ json: Record<string, unknown> }>> }) {
	expect(result.workflowData).toHaveLength(1);
	expect(result.workflowData![0]).toHaveLength(1);
	return result.workflowData![0][0].json;
}

describe('iP.1 SMS Trigger: answering the gateway', () => {
	it('hands over one item and leaves the answer to n8n: exactly OK once the execution is recorded', async () => {
		const workflowId = freshWorkflowId();
		const incsmsid = newId();
		const before = Date.now();
		const { result, res, answeredBeforeReturn, status, body, started } = await callTrigger({
			workflowId,
			url: callbackUrl({
				incsmsid,
				sender: '46701234567',
				text: 'Hej+p%E5+dig+%C5%C4%D6',
				to: '46709876543',
			}),
		});
		const after = Date.now();

		expect(answeredBeforeReturn).toBe(false);
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.webhookResponse).toBe('OK');
		expect([status, body, started]).toEqual([200, 'OK', true]);
		expect(res.writes).toBe(1);

		const item = itemOf(result as never);
		expect(Object.keys(item).sort()).toEqual([
			'encoding',
			'incsmsid',
			'query',
			'receivedAt',
			'sender',
			'text',
			'to',
		]);
		expect(item).toMatchObject({
			incsmsid,
			sender: '46701234567',
			to: '46709876543',
			text: 'Hej på dig ÅÄÖ',
			encoding: 'iso-8859-1',
			query: {},
		});
		const receivedAt = Date.parse(item.receivedAt as string);
		expect(new Date(receivedAt).toISOString()).toBe(item.receivedAt);
		expect(receivedAt).toBeGreaterThanOrEqual(before);
		expect(receivedAt).toBeLessThanOrEqual(after);
	});

	it('decodes UTF-8 text with emoji and reports utf-8', async () => {
		const { result } = await callTrigger({
			workflowId: freshWorkflowId(),
			url: callbackUrl({
				incsmsid: newId(),
				sender: 'Kundtj%C3%A4nst',
				text: 'Tack+%F0%9F%98%80+%C3%A5%C3%A4%C3%B6',
				to: '46709876543',
			}),
		});
		expect(itemOf(result as never)).toMatchObject({
			sender: 'Kundtjänst',
			text: 'Tack 😀 åäö',
			encoding: 'utf-8',
		});
	});

	it("takes Text/To/Sender in the manual's capitalisation too", async () => {
		const { result } = await callTrigger({
			workflowId: freshWorkflowId(),
			url: `${base}?incsmsid=${newId()}&Sender=4673222222&Text=testmeddelande&To=46700000000`,
		});
		expect(itemOf(result as never)).toMatchObject({
			sender: '4673222222',
			text: 'testmeddelande',
			to: '46700000000',
		});
	});

	it("puts the user's own and unknown parameters under query, decoded the same way", async () => {
		const { result } = await callTrigger({
			workflowId: freshWorkflowId(),
			url: `${base}?source=butik+G%F6teborg&tag=a&tag=b&incsmsid=${newId()}&sender=46701234567&text=hi&to=46709876543&extra=%C3%A5`,
		});
		expect(itemOf(result as never).query).toEqual({
			source: 'butik Göteborg',
			tag: ['a', 'b'],
			extra: 'å',
		});
	});

	it('keeps a parameter named __proto__ as a plain field', async () => {
		const { result } = await callTrigger({
			workflowId: freshWorkflowId(),
			url: `${base}?incsmsid=${newId()}&sender=1&__proto__=x&constructor=y&__proto__=z`,
		});
		const query = itemOf(result as never).query as Record<string, unknown>;
		expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
		expect(Object.getOwnPropertyNames(query).sort()).toEqual(['__proto__', 'constructor']);
		expect(query['__proto__']).toEqual(['x', 'z']);
		expect(query.constructor).toBe('y');
	});

	it('forces one encoding when told to', async () => {
		const url = callbackUrl({ incsmsid: newId(), sender: '1', text: '%C3%A5' });
		const latin = await callTrigger({
			workflowId: freshWorkflowId(),
			url,
			options: { textEncoding: 'iso-8859-1' },
		});
		expect(itemOf(latin.result as never)).toMatchObject({ text: 'Ã¥', encoding: 'iso-8859-1' });
		const utf8 = await callTrigger({
			workflowId: freshWorkflowId(),
			url: callbackUrl({ incsmsid: newId(), sender: '1', text: 'p%E5' }),
			options: { textEncoding: 'utf-8' },
		});
		expect(itemOf(utf8.result as never)).toMatchObject({ text: 'p\uFFFD', encoding: 'utf-8' });
	});

	it('adds the raw query when asked', async () => {
		const url = callbackUrl({ incsmsid: newId(), sender: '1', text: 'p%E5' });
		const { result } = await callTrigger({
			workflowId: freshWorkflowId(),
			url,
			options: { includeRawQuery: true },
		});
		expect(itemOf(result as never).rawQuery).toBe(url.slice(url.indexOf('?') + 1));
	});

	it('accepts a text that is missing or empty (an empty SMS)', async () => {
		const { result } = await callTrigger({
			workflowId: freshWorkflowId(),
			url: callbackUrl({ incsmsid: newId(), sender: '1', text: '' }),
		});
		expect(itemOf(result as never).text).toBe('');
	});
});

describe('iP.1 SMS Trigger: POST', () => {
	it('reads a form body from its raw bytes (ISO-8859-1 escapes included)', async () => {
		const body = `incsmsid=${newId()}&sender=46701234567&text=Hej+p%E5+dig&to=46709876543`;
		const { result, res } = await callTrigger({
			workflowId: freshWorkflowId(),
			method: 'POST',
			url: `${base}?mine=1`,
			contentType: 'application/x-www-form-urlencoded; charset=ISO-8859-1',
			rawBody: Uint8Array.from(body, (c) => c.charCodeAt(0)),
			body: { text: 'n8n decoded this wrongly' },
		});
		expect(res.body).toBe('OK');
		expect(itemOf(result as never)).toMatchObject({
			text: 'Hej på dig',
			encoding: 'iso-8859-1',
			query: { mine: '1' },
		});
	});

	it('reads fields from the query of a POST', async () => {
		const { result } = await callTrigger({
			workflowId: freshWorkflowId(),
			method: 'POST',
			url: callbackUrl({ incsmsid: newId(), sender: '46701234567', text: '%C5ke' }),
		});
		expect(itemOf(result as never)).toMatchObject({ text: 'Åke' });
	});

	it('falls back to the body n8n parsed (JSON)', async () => {
		const incsmsid = newId();
		const { result } = await callTrigger({
			workflowId: freshWorkflowId(),
			method: 'POST',
			url: base,
			contentType: 'application/json',
			body: { incsmsid, sender: '46701234567', text: 'Hej 😀', to: 46709876543 },
		});
		expect(itemOf(result as never)).toMatchObject({ incsmsid, text: 'Hej 😀', to: '46709876543' });
	});
});

describe('iP.1 SMS Trigger: secret', () => {
	const options = { secret: 'räksmörgås-42' };

	it('accepts the right secret and keeps it out of the output', async () => {
		const { result, res } = await callTrigger({
			workflowId: freshWorkflowId(),
			url: callbackUrl(
				{ incsmsid: newId(), sender: '1', text: 'x' },
				'secret=r%C3%A4ksm%C3%B6rg%C3%A5s-42&',
			),
			options,
		});
		expect(res.statusCode).toBe(200);
		expect(res.body).toBe('OK');
		const item = itemOf(result as never);
		expect(item.query).toEqual({});
		// the secret's distinctive part (a bare "42" could appear in receivedAt's time)
		expect(JSON.stringify(item)).not.toMatch(/ksm|rg(å|%C3%A5)s-42/);
	});

	it.each([
		['missing', ''],
		['wrong', 'secret=r%C3%A4ksm%C3%B6rg%C3%A5s-43&'],
		['a prefix of the secret', 'secret=r%C3%A4ksm&'],
		['longer than the secret', 'secret=r%C3%A4ksm%C3%B6rg%C3%A5s-421&'],
		['empty', 'secret=&'],
		['under another name', 'Secret=r%C3%A4ksm%C3%B6rg%C3%A5s-42&'],
	])('refuses a %s secret with 401 and starts nothing', async (_what, prefix) => {
		const { result, res } = await callTrigger({
			workflowId: freshWorkflowId(),
			url: callbackUrl({ incsmsid: newId(), sender: '1', text: 'x' }, prefix),
			options,
		});
		expect(res.statusCode).toBe(401);
		expect(res.header('content-type')).toMatch(/^text\/plain/);
		expect(res.body).not.toBe('OK');
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
	});

	it("reads the secret from a parameter name of the user's choice", async () => {
		const url = callbackUrl({ incsmsid: newId(), sender: '1' }, 'key=abc&secret=zzz&');
		const opts = { secret: 'abc', keyParameterName: 'key' };
		const { result } = await callTrigger({ workflowId: freshWorkflowId(), url, options: opts });
		expect(itemOf(result as never).query).toEqual({ secret: 'zzz' });
		const wrong = await callTrigger({
			workflowId: freshWorkflowId(),
			url: url.replace('key=abc', 'key=abd'),
			options: opts,
		});
		expect(wrong.res.statusCode).toBe(401);
	});

	it('without a secret set, a secret parameter is just another parameter', async () => {
		const { result } = await callTrigger({
			workflowId: freshWorkflowId(),
			url: callbackUrl({ incsmsid: newId(), sender: '1' }, 'secret=s&'),
		});
		expect(itemOf(result as never).query).toEqual({ secret: 's' });
	});

	it('a refused callback does not use up its incsmsid', async () => {
		const workflowId = freshWorkflowId();
		const params = { incsmsid: newId(), sender: '1', text: 'x' };
		const refused = await callTrigger({
			workflowId,
			url: callbackUrl(params, 'secret=nope&'),
			options,
		});
		expect(refused.res.statusCode).toBe(401);
		const accepted = await callTrigger({
			workflowId,
			url: callbackUrl(params, 'secret=r%C3%A4ksm%C3%B6rg%C3%A5s-42&'),
			options,
		});
		expect(accepted.result.workflowData).toHaveLength(1);
	});
});

describe('iP.1 SMS Trigger: bad requests', () => {
	it.each([
		['no incsmsid', `${base}?sender=1&text=x&to=2`, /incsmsid/],
		['an empty incsmsid', `${base}?incsmsid=&sender=1&text=x&to=2`, /incsmsid/],
		['no sender', `${base}?incsmsid=55&text=x&to=2`, /sender/],
		['an empty sender', `${base}?incsmsid=55&sender=&text=x`, /sender/],
		['no query at all', base, /incsmsid and sender/],
	])('answers 400 to %s and starts nothing', async (_what, url, message) => {
		const { result, res } = await callTrigger({ workflowId: freshWorkflowId(), url });
		expect(res.statusCode).toBe(400);
		expect(res.header('content-type')).toMatch(/^text\/plain/);
		expect(res.body).toMatch(message);
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
	});
});

describe('iP.1 SMS Trigger: receiving numbers', () => {
	const options = { receivingNumbers: '+46 70-987 65 43, 0046701111111;0702222222' };

	it.each([['46709876543'], ['46701111111'], ['46702222222'], ['%2B46709876543']])(
		'takes an SMS to %s',
		async (to) => {
			const { result } = await callTrigger({
				workflowId: freshWorkflowId(),
				url: callbackUrl({ incsmsid: newId(), sender: '1', to }),
				options,
			});
			expect(result.workflowData).toHaveLength(1);
		},
	);

	it.each([['46700000000'], ['']])(
		'acknowledges an SMS to another number (%s) with OK and starts nothing',
		async (to) => {
			const { result, res } = await callTrigger({
				workflowId: freshWorkflowId(),
				url: callbackUrl({ incsmsid: newId(), sender: '1', to }),
				options,
			});
			expect(res.statusCode).toBe(200);
			expect(res.body).toBe('OK');
			expect(result.workflowData).toBeUndefined();
		},
	);
});

describe('iP.1 SMS Trigger: repeated callbacks', () => {
	it('ten retries of one incsmsid give one execution, each answered OK', async () => {
		const workflowId = freshWorkflowId();
		const url = callbackUrl({
			incsmsid: newId(),
			sender: '46701234567',
			text: 'p%E5',
			to: '46709876543',
		});
		let executions = 0;
		for (let attempt = 0; attempt < 11; attempt++) {
			const { result, res } = await callTrigger({ workflowId, url });
			expect(res.statusCode).toBe(200);
			expect(res.body).toBe('OK');
			if (result.workflowData) executions++;
		}
		expect(executions).toBe(1);
	});

	it('twenty simultaneous duplicates give one execution', async () => {
		const workflowId = freshWorkflowId();
		const url = callbackUrl({ incsmsid: newId(), sender: '46701234567', text: 'x' });
		// all twenty are inside webhook() before n8n has answered the first (it takes 50 ms to record it)
		let inside = 0;
		let mostInside = 0;
		const results = await Promise.all(
			Array.from({ length: 20 }, async () => {
				const { context, res, staticData } = webhookContext({ workflowId, url });
				inside++;
				mostInside = Math.max(mostInside, inside);
				const result = await new Ip1SmsTrigger().webhook.call(context);
				inside--;
				const call = { workflowId, url, recordingMs: 50 };
				return { result, ...(await answerAsN8n(call, result, res, staticData)) };
			}),
		);
		expect(mostInside).toBe(20);
		expect(results.filter((r) => r.started)).toHaveLength(1);
		expect(results.map((r) => [r.status, r.body])).toEqual(Array(20).fill([200, 'OK']));
	});

	it('a repeat arriving while n8n fails to record the first is refused, and the next try starts it', async () => {
		const workflowId = freshWorkflowId();
		const url = callbackUrl({ incsmsid: newId(), sender: '46701234567', text: 'x' });
		const [first, repeat] = await Promise.all([
			callTrigger({ workflowId, url, recording: 'fails', recordingMs: 30 }),
			callTrigger({ workflowId, url }),
		]);
		expect([first.status, first.started]).toEqual([500, false]);
		expect([repeat.status, repeat.started]).toEqual([503, false]);
		const retry = await callTrigger({ workflowId, url });
		expect([retry.status, retry.body, retry.started]).toEqual([200, 'OK', true]);
		expect((await callTrigger({ workflowId, url })).started).toBe(false);
	});

	it('different ids, and one id in different workflows or nodes, each run', async () => {
		const workflowId = freshWorkflowId();
		const id = newId();
		const runs = await Promise.all([
			callTrigger({ workflowId, url: callbackUrl({ incsmsid: id, sender: '1' }) }),
			callTrigger({ workflowId, url: callbackUrl({ incsmsid: newId(), sender: '1' }) }),
			callTrigger({
				workflowId: freshWorkflowId(),
				url: callbackUrl({ incsmsid: id, sender: '1' }),
			}),
			callTrigger({
				workflowId,
				nodeId: 'other-node',
				url: callbackUrl({ incsmsid: id, sender: '1' }),
			}),
		]);
		expect(runs.map((r) => r.result.workflowData !== undefined)).toEqual([true, true, true, true]);
	});

	it('a test run (manual mode) does not use up the id for production', async () => {
		const workflowId = freshWorkflowId();
		const url = callbackUrl({ incsmsid: newId(), sender: '1' });
		expect(
			(await callTrigger({ workflowId, url, mode: 'manual' })).result.workflowData,
		).toHaveLength(1);
		expect((await callTrigger({ workflowId, url })).result.workflowData).toHaveLength(1);
		expect((await callTrigger({ workflowId, url })).result.workflowData).toBeUndefined();
	});
});

describe('iP.1 SMS Trigger: description and lifecycle', () => {
	const node = new Ip1SmsTrigger();

	it('listens on POST and GET at one path, lets n8n answer with its own body, needs a credential only to resume waiting executions', () => {
		const { webhooks, inputs, credentials, name, displayName } = node.description;
		expect(name).toBe('ip1SmsTrigger');
		expect(displayName).toBe('iP.1 SMS Trigger');
		expect(inputs).toEqual([]);
		expect(credentials).toEqual([{ name: 'ip1SmsRestApi', required: true, displayOptions: { show: { resumeWaiting: [true] } } }]);
		// responseData '' (not undefined): n8n then answers webhookResponse instead of firstEntryJson
		expect(webhooks?.map((w) => [w.httpMethod, w.path, w.responseMode, w.responseData])).toEqual([
			['POST', WEBHOOK_PATH, 'onReceived', ''],
			['GET', WEBHOOK_PATH, 'onReceived', ''],
		]);
	});

	it('runs its lifecycle for one webhook only (n8n runs webhookMethods[name] for each webhook)', () => {
		const names = node.description.webhooks?.map((w) => w.name) ?? [];
		const withLifecycle = names.filter((webhookName) => webhookName in node.webhookMethods);
		expect(names).toHaveLength(2);
		expect(withLifecycle).toEqual(['default']);
	});

	it('shows one short notice per API on what to register where', () => {
		const notices = node.description.properties.filter((p) => p.type === 'notice');
		expect(notices.length).toBeGreaterThan(0);
		for (const notice of notices) {
			expect(notice.displayName).toMatch(/Production URL/);
			expect(notice.displayName.split(/(?<=\.) /).length).toBeLessThanOrEqual(2);
			expect(notice.displayName.length).toBeLessThanOrEqual(140);
		}
	});

	it('create remembers the URL to register and logs it, checkExists sees it, delete forgets it', async () => {
		const url = 'https://n8n.example.com/webhook/abc/ip1-sms';
		const { context, staticData, logs } = hookContext(url);
		const methods = node.webhookMethods.default;
		expect(await methods.checkExists.call(context)).toBe(false);
		expect(await methods.create.call(context)).toBe(true);
		expect(staticData.callbackUrl).toBe(url);
		expect(logs.some((line) => line.includes(url))).toBe(true);
		expect(await methods.checkExists.call(context)).toBe(true);
		expect(
			await methods.checkExists.call(
				hookContext('https://other.example.com/webhook/abc/ip1-sms', staticData).context,
			),
		).toBe(false);
		expect(await methods.delete.call(context)).toBe(true);
		expect(staticData.callbackUrl).toBeUndefined();
		expect(await methods.checkExists.call(context)).toBe(false);
	});

	it('a refusal does not write a second answer when the response is already gone', async () => {
		const { context, res } = webhookContext({ workflowId: freshWorkflowId(), url: `${base}?sender=1` });
		res.writeHead(503, {});
		res.end('busy');
		const result = await node.webhook.call(context);
		expect([res.statusCode, res.body]).toEqual([503, 'busy']);
		expect(result.noWebhookResponse).toBe(true);
	});
});
