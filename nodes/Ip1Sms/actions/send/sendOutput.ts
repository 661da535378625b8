/* Output items of the version 2 sends and reads: ids as strings, the delivery state as `state`. */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import type { RestSegmentInfo } from '../../helpers/segments';
import type { MessageInfo, MessageStatus, SentMessage } from '../../gateway/types';
import type { SendParams } from './readSend';

const CHARACTER_SET_NAME = { gsm: 'GSM', ucs2: 'UCS-2' } as const;

/** Drops keys whose value is undefined: an output shows only what is known. */
export function compact(json: Record<string, unknown>): IDataObject {
	const out: IDataObject = {};
	for (const key of Object.keys(json)) {
		const value = json[key];
		if (value === undefined) continue;
		// as Object.fromEntries: an own property even for this name
		if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
		else out[key] = value as IDataObject[string];
	}
	return out;
}

export function statusFields(status: MessageStatus | undefined): IDataObject {
	if (!status) return {};
	return compact({ state: status.state, statusCode: status.code, status: status.name, statusDescription: status.description, statusAt: status.at });
}

export function textFields(info: RestSegmentInfo): IDataObject {
	return { characterSet: CHARACTER_SET_NAME[info.characterSet], characters: info.characters, segments: info.segments };
}

/** What every send output carries about the request. */
export function requestFields(params: SendParams): IDataObject {
	return compact({
		from: params.sender,
		type: params.type,
		priority: params.priority === 2 ? 'high' : 'normal',
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

/** One message read back (Get Status, Get Messages). */
export function messageFields(message: MessageInfo): IDataObject {
	return compact({
		messageId: message.messageId,
		batchId: message.batchId,
		to: message.to,
		from: message.from,
		message: message.text,
		segments: message.segments,
		price: message.price,
		currency: message.currency,
		reference: message.reference,
		...statusFields(message.status),
		history: message.history?.map((s) => statusFields(s)),
	});
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
