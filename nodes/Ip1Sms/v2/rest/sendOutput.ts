/* Output items and rejection errors of the REST sends. */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import type { RestSegmentInfo } from '../../helpers/segments';
import type { SendResult, SentMessage } from '../../gateway/types';
import { characterSetName, compact, priorityName, statusFields } from '../../shared/output';
import type { SendParams } from './readSend';

/** `characters` as a reader counts them; `segments` the SMS parts billed (where a brace or € takes two places). */
export function textFields(info: RestSegmentInfo): IDataObject {
	return { characterSet: characterSetName(info.characterSet), characters: info.length, segments: info.segments };
}

/** What every send output carries about the request. */
export function requestFields(params: SendParams): IDataObject {
	return compact({
		from: params.sender,
		type: params.type,
		priority: priorityName(params.priority),
		sendAt: params.sendAt?.iso,
		sendAtUnix: params.sendAt?.unixSeconds,
		reference: params.reference,
		// a copy: items of one Combine send share their params
		tags: params.tags && [...params.tags],
	});
}

export function sentMessageFields(message: SentMessage): IDataObject {
	return compact({ to: message.to, messageId: message.messageId, ...statusFields(message.status) });
}

/**
 * Where iP.1 took the send but its message ids could not be read (not listed yet, or the read
 * failed): `messageIdsPending` and the gateway's notice, so the item never looks complete. `sent`:
 * the item's own message (nothing to say when it has its id); none: the send as a whole.
 */
export function pendingFields(result: SendResult, sent?: SentMessage): IDataObject {
	if (!result.messageIdsPending || sent?.messageId) return {};
	return compact({ messageIdsPending: true, notice: result.notice });
}

/** A recipient the gateway refused (a 4xx message status) is an error for its item. */
export function isRejected(message: SentMessage): boolean {
	return message.status?.state === 'rejected';
}

export function rejectionError(
	ctx: IExecuteFunctions,
	rejected: SentMessage[],
	batchId: string | undefined,
	itemIndex: number,
	sentToOthers: number,
): NodeApiError {
	const first = rejected[0];
	const { status } = first;
	const code = status ? ` (code ${status.code})` : '';
	const message =
		rejected.length === 1
			? `iP.1 rejected the message to ${first.to}${code}`
			: `iP.1 rejected the message to ${rejected.length} recipients, e.g. ${first.to}${code}`;
	// the status name of a code the table does not know carries the code, which the title already has
	const meaning = status ? `Status ${status.name.replace(` (code ${status.code})`, '')}. ${status.description}.` : '';
	const others = sentToOthers > 0 ? `The other ${sentToOthers} recipient(s) of batch ${batchId} were accepted.` : '';
	const error = new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: [meaning, others].filter(Boolean).join(' ') || 'iP.1 gave no reason.',
		itemIndex,
	});
	error.context.gateway = compact({
		batchId,
		rejected: rejected.map(sentMessageFields),
		...(rejected.length === 1 ? sentMessageFields(first) : {}),
	});
	return error;
}
