import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { Ip1InputError, mustBeTitle } from '../helpers/errors';
import { countSegments, GSM_PART, GSM_SINGLE, toWireText, UCS2_PART, UCS2_SINGLE, type SegmentInfo } from '../helpers/segments';
import { assertFuture, formatInZone, toUnixSeconds } from '../helpers/dates';
import { assertSoapText } from '../gateway';
import { getItemParameter } from '../helpers/itemParameters';

export function readString(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = getItemParameter(ctx, name, itemIndex, '');
	return value === null || value === undefined ? '' : String(value);
}

export function readOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (getItemParameter(ctx, 'options', itemIndex, {}) ?? {}) as IDataObject;
}

export function emptyText(field: string): Ip1InputError {
	return new Ip1InputError(field, `${field} is empty`, 'Write the text to send, or map it from the input.');
}

export function readPriority(options: IDataObject): number {
	const raw = options.priority ?? 2;
	const priority = Number(raw);
	if (!Number.isInteger(priority) || priority < 1 || priority > 3) {
		throw new Ip1InputError(
			'Priority',
			mustBeTitle('Priority', '1, 2 or 3', String(raw)),
			'Choose 1 – Low, 2 – Normal or 3 – High in Options → Priority, or map a number from 1 to 3.',
		);
	}
	return priority;
}

/** The Timeout option; undefined (the gateway's default) when it is not set or not a positive number. */
export function readTimeout(options: IDataObject): number | undefined {
	if (options.timeout === undefined) return undefined;
	const timeout = Number(options.timeout);
	return Number.isFinite(timeout) && timeout >= 1 ? timeout : undefined;
}

/** A message's characters and SMS parts, counted as the gateway receives it (line breaks as `%0a`). */
export type CheckedText = SegmentInfo;

/** Refuses empty texts, characters XML cannot carry, and texts over SMS Parts. */
export function checkMessage(text: string, options: IDataObject, field = 'Message'): CheckedText {
	if (!text.trim()) throw emptyText(field);
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
			`${field} needs ${info.segments} SMS parts, more than SMS Parts (${max})`,
			info.encoding === 'UCS-2'
				? `${info.characters} characters: a character outside the standard character set (an emoji, some accents) makes the whole text use the extended one, ${UCS2_SINGLE} per SMS and ${UCS2_PART} per part. Shorten the text, replace those characters or raise Options → SMS Parts.`
				: `${info.characters} characters in the standard character set (${GSM_SINGLE} fit one SMS, ${GSM_PART} per part). Shorten the text or raise Options → SMS Parts.`,
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

/** Whether a Combine send checks its placeholders (helpers/placeholders.ts): version 2 does, version 1 sends as before. */
export function checksPlaceholders(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().typeVersion >= 2;
}
