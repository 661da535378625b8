/* Reads and checks SMS → Send and Wait for Response's parameters, before anything is sent. */
import { WAIT_INDEFINITELY, type IDataObject } from 'n8n-workflow';

import { Ip1InputError, quoteValue } from '../../helpers/errors';
import { normalizePhoneNumber } from '../../helpers/phone';
import { choiceWords, OPT_OUT_WORDS } from '../../helpers/replies/words';
import { validateSender } from '../../helpers/sender';
import { senderValue } from './senderLocator';
import { WAIT_LIMIT_UNITS } from './waitFields';

export type ResponseType = 'approval' | 'freeText';

export interface Approval {
	approve: string[];
	decline: string[];
	/** The words as written, for the SMS: "YES", "NO". */
	approveShown: string;
	declineShown: string;
	appendChoices: boolean;
	reask: boolean;
	reaskMessage: string;
}

export interface WaitParams {
	to: string;
	from: string;
	message: string;
	responseType: ResponseType;
	approval: Approval;
}

/** What a parameter reader gives: execute() reads item 0, webhook() the node's parameters. */
export type ReadParameter = (name: string, fallback: unknown) => unknown;

const UNIT_MS: Record<(typeof WAIT_LIMIT_UNITS)[number], number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

function text(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function words(written: string, field: string): { words: string[]; shown: string } {
	const list = choiceWords(written);
	if (list.length === 0) throw new Ip1InputError(field, `${field} is empty`, 'Write at least one word, several separated by commas, e.g. YES, JA.');
	const optOut = list.find((w) => OPT_OUT_WORDS.includes(w));
	if (optOut) {
		throw new Ip1InputError(
			field,
			`${field} contains ${quoteValue(optOut.toUpperCase())}, an opt-out word`,
			`A reply of ${optOut.toUpperCase()} asks to stop receiving SMS and is never taken as an answer: choose another word.`,
		);
	}
	return { words: list, shown: written.split(/[,;/|]+/)[0].trim() };
}

export function readApproval(read: ReadParameter): Approval {
	const options = (read('approvalOptions', {}) ?? {}) as IDataObject;
	const approve = words(text(options.approveWords ?? 'YES'), 'Approve Words');
	const decline = words(text(options.declineWords ?? 'NO'), 'Decline Words');
	const both = approve.words.find((w) => decline.words.includes(w));
	if (both) {
		throw new Ip1InputError('Decline Words', `${quoteValue(both.toUpperCase())} is both an approve and a decline word`, 'Keep each word in one list only.');
	}
	return {
		approve: approve.words,
		decline: decline.words,
		approveShown: approve.shown,
		declineShown: decline.shown,
		appendChoices: options.appendChoices !== false,
		reask: options.reask !== false,
		reaskMessage: text(options.reaskMessage).trim() || `Please reply ${approve.shown} or ${decline.shown}`,
	};
}

export function readWaitParams(read: ReadParameter): WaitParams {
	const to = normalizePhoneNumber(text(read('to', '')), 'To');
	const from = validateSender(text(senderValue(read('from', ''))), 'From');
	if (!/^\d+$/.test(from)) {
		throw new Ip1InputError(
			'From',
			`From ${quoteValue(from)} is a name: a reply cannot be sent to it`,
			'Use a phone number of your iP.1 account that receives SMS, with country code, e.g. 46701234567.',
		);
	}
	const message = text(read('message', ''));
	if (!message.trim()) throw new Ip1InputError('Message', 'Message is empty', 'Write the question to send.');
	const responseType = read('responseType', 'approval');
	if (responseType !== 'approval' && responseType !== 'freeText') {
		throw new Ip1InputError('Response Type', `Response Type must be Approval or Free Text, not ${quoteValue(text(responseType))}`);
	}
	const approval = readApproval(read);
	return { to, from, message, responseType, approval };
}

/** The SMS as sent: with Approval, the choices at its end unless switched off. */
export function questionText(params: WaitParams): string {
	const { approval } = params;
	if (params.responseType !== 'approval' || !approval.appendChoices) return params.message;
	return `${params.message.trimEnd()}\n\nReply ${approval.approveShown} to approve or ${approval.declineShown} to decline`;
}

/** Until when to wait (n8n's Limit Wait Time); n8n's "indefinitely" when no limit is set. */
export function readWaitTill(read: ReadParameter, now = Date.now()): Date {
	const options = (read('options', {}) ?? {}) as IDataObject;
	const limit = (options.limitWaitTime as IDataObject | undefined)?.values as IDataObject | undefined;
	if (!limit) return WAIT_INDEFINITELY;
	if ((limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = Number(limit.resumeAmount ?? 1);
		const unit = String(limit.resumeUnit ?? 'hours') as keyof typeof UNIT_MS;
		if (!Number.isFinite(amount) || amount < 0 || !(unit in UNIT_MS)) {
			throw new Ip1InputError('Limit Wait Time', `Limit Wait Time ${quoteValue(`${text(limit.resumeAmount)} ${unit}`)} is not a time interval`);
		}
		return new Date(now + amount * UNIT_MS[unit]);
	}
	const at = new Date(text(limit.maxDateAndTime));
	if (Number.isNaN(at.getTime())) {
		throw new Ip1InputError('Limit Wait Time', `Max Date and Time ${quoteValue(text(limit.maxDateAndTime))} is not a date`, 'Pick a date and time, or map an ISO 8601 value.');
	}
	return at;
}

export function isIndefinite(waitTill: Date): boolean {
	return waitTill.getTime() >= WAIT_INDEFINITELY.getTime();
}
