/* Output items of version 2's reads: ids as strings, the delivery state as `state`. */
import type { IDataObject } from 'n8n-workflow';

import type { MessageInfo, MessageStatus } from '../gateway/types';

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
