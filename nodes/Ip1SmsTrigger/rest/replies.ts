/*
 * Resume Waiting Executions: an incoming SMS that answers an iP.1 SMS "Send and Wait for Response"
 * is handed to the execution waiting for it instead of starting this workflow. Which execution is
 * decided from iP.1's conversation with the number (helpers/replies/routing.ts); the hand-over is a
 * POST to that execution's resume URL, which n8n answers only once the execution has resumed (or
 * keeps waiting after an Ask Again SMS).
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { createRestGateway } from '../../Ip1Sms/gateway';
import type { MessageInfo } from '../../Ip1Sms/gateway/types';
import { REPLY_WEBHOOK_PATH } from '../../Ip1Sms/helpers/replies/reference';
import { findAnsweredWait, type ConversationEntry, type IncomingReply } from '../../Ip1Sms/helpers/replies/routing';
import { isOptOut } from '../../Ip1Sms/helpers/replies/words';

/** How far back the conversation is read: the newest messages with the number. */
export const CONVERSATION_DEPTH = 200;
const HAND_OVER_TIMEOUT_MS = 30_000;

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
	const response = (await ctx.helpers.httpRequest({
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
