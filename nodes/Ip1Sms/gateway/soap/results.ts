import { NodeApiError, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { describeMmsStatus, describeSmsStatus, isId, type StatusInfo } from './statusCodes';

export type CodeTable = 'sms' | 'mms';

export function describeCode(code: number, table: CodeTable): StatusInfo {
	return table === 'mms' ? describeMmsStatus(code) : describeSmsStatus(code);
}

const WRONG_CREDENTIALS = new Set([1, 101]);
/** The manual's text for 110, "check your code", speaks to a programmer: the description says what to check. */
const PARAMETER_ERROR = 110;

/** The error for a status code where an id or a success was expected. Its context feeds Continue On Fail items. */
export function gatewayRejection(
	ctx: IExecuteFunctions,
	code: number,
	table: CodeTable,
	itemIndex: number,
	action = 'rejected the message',
): NodeApiError {
	const info = describeCode(code, table);
	const reason = WRONG_CREDENTIALS.has(code) ? 'wrong account ID or API key' : info.status;
	const message = `iP.1 ${action}: ${reason} (code ${code})`;
	const error = new NodeApiError(ctx.getNode(), { message, code } as JsonObject, {
		message,
		description: WRONG_CREDENTIALS.has(code)
			? 'Check Account ID and API Key in the iP.1 SMS API credential.'
			: code === PARAMETER_ERROR
				? action.startsWith('could not cancel')
					? 'iP.1 found nothing to cancel under this ID: it was sent or cancelled already, or the ID is wrong. Check it with Get Status.'
					: 'iP.1 refused a value in the request: check From (3–11 letters or digits, or a phone number), the phone numbers and the message.'
				: info.description || undefined,
		itemIndex,
	});
	error.context.gateway = { code, status: info.status, description: code === PARAMETER_ERROR ? error.description : info.description };
	return error;
}

const NOT_RESENT =
	'The message may have reached iP.1. It was not sent again, so that nobody gets it twice: check Get Status or the iP.1 portal before you run it again.';

/** `text` is shown: callers pass gateway text that the transport has already cleared of the API key. */
function unexpected(
	ctx: IExecuteFunctions,
	operation: string,
	text: string,
	itemIndex: number,
	description: string,
): NodeApiError {
	const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
	const message = `iP.1 answered ${operation} with "${shown}", which is neither an id nor a status code it answers there`;
	return new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, description, itemIndex });
}

/**
 * A send's answer: an id (≥ 1000), or a code of the request being refused. Any other number is
 * not a success either, and since the message may exist, it is reported as "may have been sent".
 */
export function expectId(
	ctx: IExecuteFunctions,
	text: string,
	table: CodeTable,
	operation: string,
	itemIndex: number,
): string {
	if (isId(text)) return text;
	if (/^\d{1,3}$/.test(text) && describeCode(Number(text), table).final === 'rejected') {
		throw gatewayRejection(ctx, Number(text), table, itemIndex);
	}
	throw unexpected(ctx, operation, text, itemIndex, NOT_RESENT);
}

/** Cancel answers `0` when done, otherwise a status code. */
export function expectDone(
	ctx: IExecuteFunctions,
	text: string,
	operation: string,
	id: string,
	itemIndex: number,
): void {
	if (text === '0') return;
	if (/^\d{1,3}$/.test(text)) throw gatewayRejection(ctx, Number(text), 'sms', itemIndex, `could not cancel ${id}`);
	throw unexpected(ctx, operation, text, itemIndex, `Check with Get Status whether ${id} was cancelled.`);
}

/** A status answer: a code from the appendix. */
export function expectCode(ctx: IExecuteFunctions, text: string, operation: string, itemIndex: number): number {
	if (/^\d{1,3}$/.test(text)) return Number(text);
	throw unexpected(ctx, operation, text, itemIndex, 'The gateway may be having trouble; try again later.');
}
