/*
 * Reads and checks one item's send parameters (the REST sends). Everything is refused here, before any
 * request, with the field and the item named.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { Ip1InputError, quoteValue } from '../../helpers/errors';
import { countRestSegments, type RestCharacterSet, type RestSegmentInfo } from '../../helpers/segments';
import { validateSender } from '../../helpers/sender';
import type { SendRequest } from '../../gateway/types';
import { getItemParameter, isSameForEveryItem } from '../../helpers/itemParameters';
import { readOptions, readSendAt, readString, readTimeout, type CheckedTime } from '../../shared/params';
import { senderValue } from './senderLocator';

const MAX_TEXT = 2000;
const MAX_REFERENCE = 256;

export interface SendParams {
	sender: string;
	/** The message as written (placeholders unfilled). */
	text: string;
	type: 'sms' | 'flash';
	priority: number;
	/** Undefined: Auto, decided per text. */
	characterSet?: RestCharacterSet;
	maxSegments?: number;
	sendAt?: CheckedTime;
	deliveryReportUrl?: string;
	reference?: string;
	tags?: string[];
	timeout?: number;
	/** Read Message IDs: read each recipient's message id and first status after the send (REST). */
	readMessageIds: boolean;
	options: IDataObject;
}

function pick<T extends string | number>(options: IDataObject, name: string, field: string, allowed: readonly T[], fallback: T): T {
	const raw = options[name] ?? fallback;
	const found = allowed.find((a) => String(a) === String(raw).toLowerCase());
	if (found === undefined) {
		throw new Ip1InputError(field, `${field} must be one of ${allowed.join(', ')}, not ${quoteValue(String(raw))}`);
	}
	return found;
}

function readBoolean(options: IDataObject, name: string, field: string, fallback: boolean): boolean {
	const raw = options[name];
	if (raw === undefined || raw === null || raw === '') return fallback;
	if (typeof raw === 'boolean') return raw;
	const text = String(raw).trim().toLowerCase();
	if (text === 'true' || text === 'false') return text === 'true';
	throw new Ip1InputError(field, `${field} must be true or false, not ${quoteValue(String(raw))}`);
}

function optionalText(options: IDataObject, name: string): string | undefined {
	const value = options[name];
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text ? text : undefined;
}

/** From as written: a locator's value, or a string saved before From was a locator. */
function readSender(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = senderValue(getItemParameter(ctx, 'from', itemIndex, ''));
	return value === null || value === undefined ? '' : String(value);
}

/** `template`: the text of the item's SMS template (Message From → Template), instead of Message. */
export function readSendParams(ctx: IExecuteFunctions, itemIndex: number, scheduled: boolean, template?: string): SendParams {
	const options = readOptions(ctx, itemIndex);
	const text = template ?? readString(ctx, 'message', itemIndex);
	if (!text.trim()) throw new Ip1InputError('Message', 'Message is empty', 'Write the text to send, or map it from the input.');
	if (text.length > MAX_TEXT) {
		throw new Ip1InputError('Message', `Message has ${text.length} characters, more than ${MAX_TEXT}`, 'Shorten the text: iP.1 takes at most 2000 characters.');
	}
	const charset = pick(options, 'characterSet', 'Character Set', ['auto', 'gsm', 'ucs2'] as const, 'auto');
	const params: SendParams = {
		sender: validateSender(readSender(ctx, itemIndex), 'From'),
		text,
		type: pick(options, 'type', 'Type', ['sms', 'flash'] as const, 'sms'),
		priority: pick(options, 'priority', 'Priority', [1, 2] as const, 1),
		characterSet: charset === 'auto' ? undefined : charset,
		timeout: readTimeout(options),
		readMessageIds: readBoolean(options, 'readMessageIds', 'Read Message IDs', true),
		options,
	};
	if (options.maxSegments !== undefined && options.maxSegments !== null && options.maxSegments !== '') {
		const max = Number(options.maxSegments);
		if (!Number.isInteger(max) || max < 1) {
			throw new Ip1InputError('SMS Parts', `SMS Parts must be a whole number of 1 or more, not ${quoteValue(String(options.maxSegments))}`);
		}
		params.maxSegments = max;
	}
	if (scheduled) params.sendAt = readSendAt(ctx, itemIndex);
	const url = optionalText(options, 'deliveryReportUrl');
	if (url !== undefined) {
		if (!/^https?:\/\/[^\s/?#]+\S*$/i.test(url)) {
			throw new Ip1InputError('Delivery Report URL', `Delivery Report URL ${quoteValue(url)} is not an http:// or https:// address`);
		}
		params.deliveryReportUrl = url;
	}
	const reference = optionalText(options, 'reference');
	if (reference !== undefined) {
		if (reference.length > MAX_REFERENCE) {
			throw new Ip1InputError('Reference', `Reference has ${reference.length} characters, more than ${MAX_REFERENCE}`);
		}
		params.reference = reference;
	}
	const tags = optionalText(options, 'tags');
	if (tags !== undefined) params.tags = tags.split(',').map((t) => t.trim()).filter(Boolean);
	return params;
}

/**
 * readSendParams for item after item. When Message, From and Options hold no expression they are
 * read and checked once: every item would get the same values and pass the same checks (Send At is
 * still read per item, it is the last check that can fail). A first item that fails is not kept, so
 * each item then fails with its own error as before.
 */
export function sendParamsReader(ctx: IExecuteFunctions, scheduled: boolean): (itemIndex: number, template?: string) => SendParams {
	// Message From is never an expression: the text is the Message's or the template's for every item
	const fromTemplate = getItemParameter(ctx, 'messageSource', 0, 'text') === 'template';
	const fixed = [fromTemplate ? 'template' : 'message', 'from', 'options'].every((name) => isSameForEveryItem(ctx, name));
	if (!fixed) return (itemIndex, template) => readSendParams(ctx, itemIndex, scheduled, template);
	let shared: SendParams | undefined;
	return (itemIndex, template) => {
		if (!shared) {
			shared = readSendParams(ctx, itemIndex, scheduled, template);
			return shared;
		}
		return scheduled ? { ...shared, sendAt: readSendAt(ctx, itemIndex) } : shared;
	};
}

/** Counts one recipient's text as the REST API bills it; refuses what the character set or SMS Parts forbid. */
export function checkText(text: string, params: SendParams, field = 'Message'): RestSegmentInfo {
	const info = countRestSegments(text, params.characterSet);
	if (!info) {
		throw new Ip1InputError(
			field,
			`${field} has characters the standard character set cannot carry`,
			'Set Options → Character Set to Auto or Extended (Unicode), or replace those characters (emoji, some accents).',
		);
	}
	if (params.maxSegments !== undefined && info.segments > params.maxSegments) {
		throw new Ip1InputError(
			field,
			`${field} needs ${info.segments} SMS parts, more than SMS Parts (${params.maxSegments})`,
			`${info.characters} characters in the ${info.characterSet === 'gsm' ? 'standard' : 'extended'} character set. Shorten the text${
				info.characterSet === 'ucs2' ? ', replace the characters that need the extended set (emoji, some accents)' : ''
			} or raise Options → SMS Parts.`,
		);
	}
	return info;
}

/** What the request carries beside its recipients and text. */
export function requestBase(params: SendParams, characterSet: RestCharacterSet): Omit<SendRequest, 'recipients'> {
	return {
		sender: params.sender,
		text: params.text,
		type: params.type,
		priority: params.priority,
		characterSet,
		sendAt: params.sendAt && { unixSeconds: params.sendAt.unixSeconds, iso: new Date(params.sendAt.unixSeconds * 1000).toISOString() },
		deliveryReportUrl: params.deliveryReportUrl,
		reference: params.reference,
		tags: params.tags,
		readMessageIds: params.readMessageIds,
	};
}

/** Items whose requests may share one send: everything but the recipients is the same. */
export function requestKey(base: Omit<SendRequest, 'recipients'>): string {
	return JSON.stringify([base.sender, base.text, base.type, base.priority, base.characterSet, base.sendAt?.unixSeconds, base.deliveryReportUrl, base.reference, base.tags, base.readMessageIds]);
}
