/*
 * Resume Waiting Executions: an incoming SMS that answers an iP.1 SMS "Send and Wait for Response"
 * is handed to the execution waiting for it instead of starting this workflow. Which execution is
 * decided from iP.1's conversation with the number (helpers/replies/routing.ts); the hand-over is a
 * POST to that execution's resume URL, which n8n answers only once the execution has resumed (or
 * keeps waiting after an Ask Again SMS).
 */
import { sleep, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';

import { createRestGateway } from '../../Ip1Sms/gateway';
import type { MessageInfo } from '../../Ip1Sms/gateway/types';
import { REPLY_WEBHOOK_PATH } from '../../Ip1Sms/helpers/replies/reference';
import { findAnsweredWait, type ConversationEntry, type IncomingReply } from '../../Ip1Sms/helpers/replies/routing';
import { isOptOut } from '../../Ip1Sms/helpers/replies/words';

/** How far back the conversation is read: the newest messages with the number. */
export const CONVERSATION_DEPTH = 200;
const HAND_OVER_TIMEOUT_MS = 30_000;
/**
 * n8n answers 409 "is running already" while the execution is still being saved as waiting (a reply
 * faster than that, e.g. an automatic one, or a worker under load): asked again after a pause. Nothing
 * happened on that 409, so asking again cannot resume twice.
 */
const RUNNING_RETRY_PAUSES_MS = [500, 1000, 2000, 4000];

export type ReplyOutcome =
	| { resumed: true; executionId: string; outcome: 'answered' | 'reasked' }
	| { resumed: false; executionId?: string; reason: 'noWait' | 'notWaiting' };

function entryOf(m: MessageInfo): ConversationEntry {
	const at = m.status?.at ? Date.parse(m.status.at) : NaN;
	return { id: m.messageId, direction: m.direction, from: m.from, to: m.to, text: m.text, reference: m.reference, at: Number.isNaN(at) ? undefined : at };
}

/** `<n8n>/webhook-waiting`, from the option or from this trigger's own URL (`<n8n>/webhook/…`). */
export function waitingBaseUrl(ownUrl: string | undefined, option: string | undefined): string {
	const given = (option ?? '').trim().replace(/\/+$/, '');
	if (given) return given;
	const match = /^(https?:\/\/.+?)\/webhook(?:-test)?\//.exec(ownUrl ?? '');
	if (!match) {
		throw new Error(`Cannot tell n8n's waiting-webhook URL from ${ownUrl ?? 'this trigger'}: set Options → Resume URL`);
	}
	return `${match[1]}/webhook-waiting`;
}

export async function handReplyToWaitingExecution(ctx: IWebhookFunctions, item: IDataObject, resumeUrlOption?: string): Promise<ReplyOutcome> {
	const reply: IncomingReply = {
		id: String(item.messageId),
		sender: String(item.sender),
		to: String(item.to ?? ''),
		text: String(item.text ?? ''),
		at: Date.parse(String(item.receivedAt)) || Date.now(),
	};
	if (isOptOut(reply.text)) return { resumed: false, reason: 'noWait' };
	const gateway = await createRestGateway(ctx);
	const newestFirst = await gateway.getConversation(reply.sender, 'all', { returnAll: false, limit: CONVERSATION_DEPTH, order: 'DESC' }, { itemIndex: 0 });
	const wait = findAnsweredWait(newestFirst.reverse().map(entryOf), reply);
	if (!wait) return { resumed: false, reason: 'noWait' };

	const base = waitingBaseUrl(ctx.getNodeWebhookUrl('default'), resumeUrlOption);
	const url = `${base}/${encodeURIComponent(wait.executionId)}/${REPLY_WEBHOOK_PATH}${wait.token ? `?signature=${encodeURIComponent(wait.token)}` : ''}`;
	const handOver = async () =>
		(await ctx.helpers.httpRequest({
			method: 'POST',
			url,
			body: {
				reply: { messageId: reply.id, sender: reply.sender, to: reply.to, text: reply.text, receivedAt: item.receivedAt },
				wait: { kind: wait.kind, sentMessageId: wait.sentMessageId, openWaits: wait.openWaits },
			},
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: HAND_OVER_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
	let response = await handOver();
	for (const pause of RUNNING_RETRY_PAUSES_MS) {
		if (!isStillRunning(response)) break;
		await sleep(pause);
		response = await handOver();
	}
	if (isStillRunning(response)) throw new Error(`execution ${wait.executionId} is still running, not yet waiting`);
	const outcome = (response.body as { outcome?: unknown } | null)?.outcome;
	if (response.statusCode >= 200 && response.statusCode < 300 && (outcome === 'answered' || outcome === 'reasked')) {
		return { resumed: true, executionId: wait.executionId, outcome };
	}
	// 404: no such execution; 409: it finished (answered before, timed out, stopped); 401: the token is not
	// that execution's; a page instead of our JSON: n8n's "no action required". The reply then starts this
	// workflow like any incoming SMS.
	if ([401, 404, 409].includes(response.statusCode) || (response.statusCode < 300 && outcome === undefined)) {
		return { resumed: false, executionId: wait.executionId, reason: 'notWaiting' };
	}
	throw new Error(`n8n answered HTTP ${response.statusCode} when resuming execution ${wait.executionId}`);
}

/** n8n's 409 for an execution that has not finished saving its wait (its message says "is running already"). */
function isStillRunning(response: { statusCode: number; body: unknown }): boolean {
	if (response.statusCode !== 409) return false;
	const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
	return /is running/i.test(text);
}
