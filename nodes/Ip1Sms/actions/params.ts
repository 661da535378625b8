import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { Ip1InputError } from '../helpers/errors';
import { countSegments, toWireText, type SegmentInfo } from '../helpers/segments';
import { assertFuture, formatInZone, toUnixSeconds } from '../helpers/dates';
import { assertSoapText, DEFAULT_TIMEOUT_MS } from '../gateway';
import { getItemParameter } from '../helpers/itemParameters';

export function readString(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = getItemParameter(ctx, name, itemIndex, '');
	return value === null || value === undefined ? '' : String(value);
}

export function readOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (getItemParameter(ctx, 'options', itemIndex, {}) ?? {}) as IDataObject;
}

export function readPriority(options: IDataObject): number {
	const raw = options.priority ?? 2;
	const priority = Number(raw);
	if (!Number.isInteger(priority) || priority < 1 || priority > 3) {
		throw new Ip1InputError('Priority', `Priority must be 1, 2 or 3, not "${String(raw)}"`);
	}
	return priority;
}

export function readTimeout(options: IDataObject): number {
	const timeout = Number(options.timeout ?? DEFAULT_TIMEOUT_MS);
	return Number.isFinite(timeout) && timeout >= 1 ? timeout : DEFAULT_TIMEOUT_MS;
}

/** A message's characters and SMS parts, counted as the gateway receives it (line breaks as `%0a`). */
export type CheckedText = SegmentInfo;

/** Refuses empty texts, characters XML cannot carry, and texts over Max Segments. */
export function checkMessage(text: string, options: IDataObject, field = 'Message'): CheckedText {
	if (!text.trim()) throw new Ip1InputError(field, `${field} is empty`);
	assertSoapText(text, field); // positions in the error count in the text the user wrote
	const info = countSegments(toWireText(text));
	checkMaxSegments(info, options, field);
	return info;
}

export function checkMaxSegments(info: SegmentInfo, options: IDataObject, field = 'Message'): void {
	if (options.maxSegments === undefined || options.maxSegments === null || options.maxSegments === '') return;
	const max = Number(options.maxSegments);
	if (info.segments > max) {
		throw new Ip1InputError(
			field,
			`${field} needs ${info.segments} SMS parts (${info.characters} characters, ${info.encoding}), more than Max Segments (${max})`,
			info.encoding === 'UCS-2'
				? 'A character outside GSM 03.38 (an emoji, some accents) switched the text to UCS-2, 70 characters per SMS. Shorten the text, replace those characters, or raise Max Segments.'
				: 'Shorten the text or raise Max Segments.',
		);
	}
}

export interface CheckedTime {
	unixSeconds: number;
	iso: string;
}

export function readSendAt(ctx: IExecuteFunctions, itemIndex: number): CheckedTime {
	const timeZone = ctx.getTimezone();
	const unixSeconds = toUnixSeconds(getItemParameter(ctx, 'sendAt', itemIndex, ''), timeZone, 'Send At');
	assertFuture(unixSeconds, 'Send At');
	return { unixSeconds, iso: formatInZone(unixSeconds, timeZone) };
}

export function segmentFields(text: SegmentInfo): IDataObject {
	return { encoding: text.encoding, characters: text.characters, segments: text.segments };
}

/** The key of the delivery state in an output: version 1 calls it `final`, version 2 `state`. */
export function stateKey(ctx: IExecuteFunctions): 'state' | 'final' {
	return ctx.getNode().typeVersion >= 2 ? 'state' : 'final';
}

/** The key of a group send's id in an output: version 1 calls it `bundleId`, version 2 `batchId`. */
export function batchIdKey(ctx: IExecuteFunctions): 'batchId' | 'bundleId' {
	return ctx.getNode().typeVersion >= 2 ? 'batchId' : 'bundleId';
}
