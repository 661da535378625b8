/*
 * The waiting execution's side of a reply: the iP.1 SMS Trigger found this execution in the
 * conversation (helpers/replies/routing.ts) and posts the reply to its resume URL. n8n checked the
 * execution's resume token before calling this. Answers JSON `{ outcome }` to the trigger:
 * `answered` (the execution resumes), `reasked` (it keeps waiting) or `refused` (not a reply).
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { createRestGateway } from '../../gateway';
import { encodeWaitReference, parseWaitReference, REPLY_WEBHOOK_PATH } from '../../helpers/replies/reference';
import { countRestSegments } from '../../helpers/segments';
import { matchChoice } from '../../helpers/replies/words';
import { readApproval, type ReadParameter } from './waitParams';
import { answerItem, type HandedReply, type HandedWait } from './waitOutput';

export { REPLY_WEBHOOK_PATH };

function str(doc: IDataObject, key: string): string | undefined {
	const value = doc[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function readHandOver(body: unknown): { reply: HandedReply; wait: HandedWait } | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const { reply, wait } = body as { reply?: IDataObject; wait?: IDataObject };
	if (!reply || !wait) return undefined;
	const messageId = str(reply, 'messageId');
	const sender = str(reply, 'sender');
	const sentMessageId = str(wait, 'sentMessageId') ?? '';
	if (!messageId || !sender || typeof reply.text !== 'string') return undefined;
	return {
		reply: { messageId, sender, to: str(reply, 'to') ?? '', text: reply.text, receivedAt: str(reply, 'receivedAt') ?? new Date().toISOString() },
		wait: { kind: wait.kind === 'reask' ? 'reask' : 'ask', sentMessageId, openWaits: Number(wait.openWaits) || 1 },
	};
}

const outcome = (name: 'answered' | 'reasked' | 'refused'): IDataObject => ({ outcome: name });

export async function replyWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const handed = readHandOver(this.getBodyData());
	if (!handed) return { webhookResponse: outcome('refused') };
	const { reply, wait } = handed;
	const read: ReadParameter = (name, fallback) => this.getNodeParameter(name, fallback);
	if (read('responseType', 'approval') === 'freeText') {
		return { webhookResponse: outcome('answered'), workflowData: [[answerItem(reply, wait, { text: reply.text })]] };
	}
	const approval = readApproval(read);
	const choice = matchChoice(reply.text, approval.approve, approval.decline);
	if (choice === undefined && approval.reask && wait.kind === 'ask') {
		await reaskOnce(this, reply, approval.reaskMessage);
		return { webhookResponse: outcome('reasked') };
	}
	const approved = choice === 'approve';
	return {
		webhookResponse: outcome('answered'),
		workflowData: [[answerItem(reply, wait, { approved }, choice ?? 'none')]],
	};
}

/**
 * Sends the Ask Again SMS, whose reference opens this execution's wait again. A repeat of the same
 * reply (iP.1 posts again when it missed the answer) finds that SMS in the conversation and sends none.
 */
async function reaskOnce(ctx: IWebhookFunctions, reply: HandedReply, text: string): Promise<void> {
	const gateway = await createRestGateway(ctx);
	const executionId = ctx.getExecutionId?.() ?? '';
	const recent = await gateway.getConversation(reply.sender, 'outgoing', { returnAll: false, limit: 50, order: 'DESC' }, { itemIndex: 0 });
	const first = recent.map((m) => parseWaitReference(m.reference)).find((w) => w?.executionId === executionId);
	if (!first) throw new Error(`iP.1 lists no waiting SMS of execution ${executionId} to ${reply.sender}`);
	if (first.kind === 'reask') return;
	await gateway.send(
		{
			sender: reply.to.replace(/\D/g, ''),
			text,
			characterSet: countRestSegments(text)?.characterSet ?? 'ucs2',
			recipients: [{ to: reply.sender, itemIndex: 0 }],
			type: 'sms',
			priority: 1,
			reference: encodeWaitReference({ ...first, kind: 'reask' }),
			readMessageIds: false,
		},
		{ itemIndex: 0 },
	);
}
