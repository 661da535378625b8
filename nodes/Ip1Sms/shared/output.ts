/* Output items of version 2's reads: ids as strings, the delivery state as `state`. */
import type { IDataObject } from 'n8n-workflow';

import { restStatus } from '../gateway';
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

/** A REST character set as every version 2 output names it: `GSM` or `UCS-2`. */
export function characterSetName(characterSet: string | undefined): string | undefined {
	if (characterSet === 'gsm') return 'GSM';
	if (characterSet === 'ucs2') return 'UCS-2';
	return characterSet;
}

/** A REST priority as every version 2 output names it: 1 `normal`, 2 `high` (another number as it came). */
export function priorityName(priority: number | undefined): string | number | undefined {
	if (priority === 1) return 'normal';
	if (priority === 2) return 'high';
	return priority;
}

/** Counts per REST status code as a list, each with the status fields a message carries (`state`, `statusCode`, `status`). */
export function statusCountFields(counts: Record<string, { messages: number; segments: number }> | undefined): IDataObject[] | undefined {
	if (!counts) return undefined;
	return Object.keys(counts)
		.sort((a, b) => Number(a) - Number(b))
		.map((code) => {
			const { state, name } = restStatus(Number(code));
			return { state, statusCode: Number(code), status: name, messages: counts[code].messages, segments: counts[code].segments };
		});
}
