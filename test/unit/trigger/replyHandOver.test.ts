/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The trigger's hand-over of a reply to its waiting execution, against a fake of what it uses of n8n: the REST
// credential and request helper (iP.1's conversation) and the plain request helper (the execution's resume URL),
// answered as n8n 2.40's waiting webhooks answer (waiting-webhooks.ts: 409 "is running already" while the
// execution is still saved as waiting, 409 "has finished already", 404 for none).
import type { IWebhookFunctions } from 'n8n-workflow';

import { encodeWaitReference } from '../../../nodes/Ip1Sms/helpers/replies/reference';
import { handReplyToWaitingExecution, waitingBaseUrl } from '../../../nodes/Ip1SmsTrigger/rest/replies';

const PERSON = '46701111111';
const OURS = '46700000001';
const TOKEN = 'f'.repeat(64);
const reply = { messageId: 'mo-2', sender: PERSON, to: OURS, text: 'YES', receivedAt: '2026-12-07T10:00:05.000Z' };

/** The conversation iP.1 lists newest first: the waiting SMS of execution 42, then the reply. */
const conversation = [
	{ id: 'mo-2', direction: 'mo', sender: PERSON, recipient: OURS, body: 'YES', statuses: [{ code: 201, created: '2026-12-07T10:00:05Z' }] },
	{ id: 'mt-1', direction: 'mt', sender: OURS, recipient: PERSON, body: 'Come?', reference: encodeWaitReference({ executionId: '42', token: TOKEN, kind: 'ask' }), statuses: [{ code: 201, created: '2026-12-07T10:00:01Z' }] },
];

function context(answers: Array<{ statusCode: number; body: unknown }>) {
	const posts: Array<{ url: string; body: any }> = [];
	const ctx = {
		getNode: () => ({ name: 'iP.1 SMS Trigger', credentials: { ip1SmsRestApi: { id: '1', name: 'REST' } } }),
		getCredentials: async () => ({ apiKey: 'k', baseUrl: 'http://ip1.invalid' }),
		getNodeWebhookUrl: () => 'https://n8n.example.com/webhook/abc/ip1-sms',
		helpers: {
			httpRequestWithAuthentication: async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(conversation) }),
			httpRequest: async (options: { url: string; body: unknown }) => {
				posts.push({ url: options.url, body: options.body });
				const next = answers.shift();
				if (!next) throw new Error('no more answers');
				return next;
			},
		},
	} as unknown as IWebhookFunctions;
	return { ctx, posts };
}

const running = { statusCode: 409, body: { code: 409, message: 'The execution "42" is running already.' } };
const finished = { statusCode: 409, body: { code: 409, message: 'The execution "42 has finished already.' } };

describe("the trigger's hand-over of a reply", () => {
	it('posts the reply to the execution its waiting SMS names, with its resume token', async () => {
		const { ctx, posts } = context([{ statusCode: 200, body: { outcome: 'answered' } }]);
		await expect(handReplyToWaitingExecution(ctx, reply)).resolves.toEqual({ resumed: true, executionId: '42', outcome: 'answered' });
		expect(posts).toEqual([
			{
				url: `https://n8n.example.com/webhook-waiting/42/ip1-reply?signature=${TOKEN}`,
				body: { reply: { messageId: 'mo-2', sender: PERSON, to: OURS, text: 'YES', receivedAt: reply.receivedAt }, wait: { kind: 'ask', sentMessageId: 'mt-1', openWaits: 1 } },
			},
		]);
	});

	it('asks again while n8n still saves the execution as waiting (409 "is running"), without resuming twice', async () => {
		const { ctx, posts } = context([running, running, { statusCode: 200, body: { outcome: 'answered' } }]);
		await expect(handReplyToWaitingExecution(ctx, reply)).resolves.toMatchObject({ resumed: true, executionId: '42' });
		expect(posts).toHaveLength(3);
	}, 20_000);

	it('gives up after the last pause, so that the trigger answers 503 and iP.1 tries again', async () => {
		const { ctx, posts } = context([running, running, running, running, running]);
		await expect(handReplyToWaitingExecution(ctx, reply)).rejects.toThrow(/still running/);
		expect(posts).toHaveLength(5);
	}, 20_000);

	it.each([
		['finished (answered before, timed out, stopped)', finished],
		['unknown', { statusCode: 404, body: { message: 'The execution "42" does not exist.' } }],
		["n8n's no-action page", { statusCode: 200, body: '<html>No action required</html>' }],
	])('an execution that is %s: the reply is an ordinary incoming SMS', async (_what, answer) => {
		const { ctx, posts } = context([answer]);
		await expect(handReplyToWaitingExecution(ctx, reply)).resolves.toEqual({ resumed: false, executionId: '42', reason: 'notWaiting' });
		expect(posts).toHaveLength(1);
	});

	it('another failure is an error (the trigger answers 503: never acknowledged and lost)', async () => {
		const { ctx } = context([{ statusCode: 502, body: 'Bad Gateway' }]);
		await expect(handReplyToWaitingExecution(ctx, reply)).rejects.toThrow(/HTTP 502/);
	});

	it('an opt-out, or a reply no SMS waits for, is not handed over', async () => {
		const { ctx, posts } = context([]);
		await expect(handReplyToWaitingExecution(ctx, { ...reply, messageId: 'mo-9', text: 'STOP' })).resolves.toEqual({ resumed: false, reason: 'noWait' });
		await expect(handReplyToWaitingExecution(ctx, { ...reply, messageId: 'mo-9', sender: '46709999999' })).resolves.toEqual({ resumed: false, reason: 'noWait' });
		expect(posts).toEqual([]);
	});

	it("finds n8n's waiting-webhook address from the trigger's own URL, or takes the option", () => {
		expect(waitingBaseUrl('https://n8n.example.com/sub/webhook/abc/ip1-sms', undefined)).toBe('https://n8n.example.com/sub/webhook-waiting');
		expect(waitingBaseUrl('http://127.0.0.1:5678/webhook-test/abc/ip1-sms', '')).toBe('http://127.0.0.1:5678/webhook-waiting');
		expect(waitingBaseUrl('https://x/hooks/abc', 'https://n8n.example.com/wait/')).toBe('https://n8n.example.com/wait');
		expect(() => waitingBaseUrl('https://x/hooks/abc', undefined)).toThrow(/Resume URL/);
	});
});
