import { NodeApiError, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { FULL_TITLE_LENGTH, quoteValue } from '../../helpers/errors';
import { describeMmsStatus, describeSmsStatus, isId, KNOWN_STATUS_CODES, type StatusInfo } from './statusCodes';

export type CodeTable = 'sms' | 'mms';

export function describeCode(code: number, table: CodeTable): StatusInfo {
	return table === 'mms' ? describeMmsStatus(code) : describeSmsStatus(code);
}

const WRONG_CREDENTIALS = new Set([1, 101]);
/** The manual's text for 110, "check your code", speaks to a programmer: the description says what to check. */
const PARAMETER_ERROR = 110;
const SEND = 'rejected the message';

/** The title's reason for a code: what the user can act on, where the manual's status name does not say it. */
function reasonFor(code: number, action: string, status: string): string {
	if (WRONG_CREDENTIALS.has(code)) return 'wrong account ID or API key';
	if (code !== PARAMETER_ERROR) return status;
	return action.startsWith('could not cancel') ? 'nothing to cancel' : 'a value was refused';
}

function descriptionFor(code: number, action: string, manual: string): string | undefined {
	if (WRONG_CREDENTIALS.has(code)) return 'Check Account ID and API Key in the iP.1 SMS API credential.';
	if (code !== PARAMETER_ERROR) return manual || undefined;
	if (action.startsWith('could not cancel')) return 'It was sent or cancelled already, or the ID is wrong. Check it with Get Status.';
	return action === SEND
		? 'iP.1 refused a value in the request: check From (3–11 letters or digits, or a phone number), the phone numbers and the message.'
		: 'iP.1 refused a value in the request: check the ID (map it from the output of the send).';
}

/** The error for a status code where an id or a success was expected. Its context feeds Continue On Fail items. */
export function gatewayRejection(
	ctx: IExecuteFunctions,
	code: number,
	table: CodeTable,
	itemIndex: number,
	action = SEND,
): NodeApiError {
	const info = describeCode(code, table);
	const reason = KNOWN_STATUS_CODES.includes(code) ? reasonFor(code, action, info.status) : 'unknown code';
	const fix = descriptionFor(code, action, info.description);
	// A long status name after a long ID goes to the description, so the title stays one short line.
	const full = `iP.1 ${action}: ${reason} (code ${code})`;
	const fits = full.length <= FULL_TITLE_LENGTH;
	const message = fits ? full : `iP.1 ${action} (code ${code})`;
	const description = fits ? fix : `${reason}.${fix ? ` ${fix}` : ''}`;
	const error = new NodeApiError(ctx.getNode(), { message, code } as JsonObject, { message, description, itemIndex });
	error.context.gateway = { code, status: info.status, description: code === PARAMETER_ERROR ? fix : info.description };
	return error;
}

const NOT_RESENT =
	'The message may have reached iP.1. It was not sent again, so that nobody gets it twice: check Get Status or the iP.1 portal before you run it again.';

/** `text` is shown: callers pass gateway text that the transport has already cleared of the API key. */
function unexpected(ctx: IExecuteFunctions, text: string, itemIndex: number, description: string): NodeApiError {
	const message = 'iP.1 gave an answer that is neither an ID nor a status code';
	return new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, description: `It answered ${quoteValue(text, 60)}. ${description}`, itemIndex });
}

/**
 * A send's answer: an id (≥ 1000), or a code of the request being refused. Any other number is
 * not a success either, and since the message may exist, it is reported as "may have been sent".
 */
export function expectId(ctx: IExecuteFunctions, text: string, table: CodeTable, itemIndex: number): string {
	if (isId(text)) return text;
	if (/^\d{1,3}$/.test(text) && describeCode(Number(text), table).final === 'rejected') {
		throw gatewayRejection(ctx, Number(text), table, itemIndex);
	}
	throw unexpected(ctx, text, itemIndex, NOT_RESENT);
}

/** Cancel answers `0` when done, otherwise a status code. */
export function expectDone(ctx: IExecuteFunctions, text: string, id: string, itemIndex: number): void {
	if (text === '0') return;
	if (/^\d{1,3}$/.test(text)) throw gatewayRejection(ctx, Number(text), 'sms', itemIndex, `could not cancel ${id}`);
	throw unexpected(ctx, text, itemIndex, `Check with Get Status whether ${id} was cancelled.`);
}

/** A status answer: a code from the appendix. */
export function expectCode(ctx: IExecuteFunctions, text: string, itemIndex: number): number {
	if (/^\d{1,3}$/.test(text)) return Number(text);
	throw unexpected(ctx, text, itemIndex, 'The gateway may be having trouble; try again later.');
}
