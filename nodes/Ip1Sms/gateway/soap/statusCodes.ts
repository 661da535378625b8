/**
 * Status codes of the iP.1 gateway: appendix A (SMS) and appendix B (MMS) of both manuals in one
 * table (texts from the English manual), plus the codes the vendor's later table adds.
 *
 * How each code is classified (`final`):
 * - pending: the message is on its way and may still change (0, 10, 11 scheduled, 21 at the network).
 *   For cancelSms/cancelBundle the answer 0 means "cancelled": the caller interprets that, not this table.
 * - delivered: 22, the phone confirmed it.
 * - cancelled: 12, a scheduled message was cancelled.
 * - rejected: the gateway refused the request up front, nothing was sent (1–4 login, content, number,
 *   funds; 30 funds; 41 content; 100, 101, 110). Fix the request and send again.
 * - failed: the message was accepted but not delivered (42–52), or its fate is unknown (55, 60).
 *   55/60 count as failed so that a workflow waiting for a final state stops waiting.
 */

export type FinalState = 'pending' | 'delivered' | 'failed' | 'cancelled' | 'rejected';

export interface StatusInfo {
	code: number;
	status: string;
	/** what it means for the user / what to do */
	description: string;
	final: FinalState;
}

type Entry = [status: string, description: string, final: FinalState];

const CHECK_ACCOUNT = 'Check your account name and password';
const ADD_CREDITS = 'Add credits to your account and try again';
const ONGOING = 'Ongoing delivery';
const FAILED = 'Delivery failed';

const TABLE: ReadonlyMap<number, Entry> = new Map<number, Entry>([
	[0, ['Delivered to gateway', 'The gateway accepted the message; delivery is ongoing', 'pending']],
	[1, ['Gateway login failed', CHECK_ACCOUNT, 'rejected']],
	[2, ['Invalid message content', 'Check your message', 'rejected']],
	[3, ['Invalid phone number format', 'Check the number', 'rejected']],
	[4, ['Insufficient funds', ADD_CREDITS, 'rejected']],
	[10, ['Received by the gateway', ONGOING, 'pending']],
	[11, ['Delayed delivery', ONGOING + ' (scheduled for later)', 'pending']],
	[12, ['Delayed delivery canceled', 'The delivery was canceled', 'cancelled']],
	[21, ['Delivered to the GSM network', ONGOING, 'pending']],
	[22, ['Delivered to the phone', 'Delivery confirmed', 'delivered']],
	[30, ['Insufficient funds', ADD_CREDITS, 'rejected']],
	[41, ['Invalid message content', 'Check your message', 'rejected']],
	[42, ['Internal error', FAILED, 'failed']],
	// Public clients disagree on 43: the manuals and a newer client say "Delivery failed", an older client "Message has expired".
	[43, ['Delivery failed', FAILED, 'failed']],
	[44, ['Delivery failed', FAILED, 'failed']], // appendix B; the vendor's later SMS table lists it too
	[45, ['Invalid phone number', FAILED, 'failed']], // appendix B (MMS)
	[50, ['General delivery error', FAILED, 'failed']],
	[51, ['Delivery to GSM network failed', FAILED, 'failed']],
	[52, ['Delivery to phone failed', FAILED, 'failed']],
	[55, ['Unknown', 'The gateway does not know whether the message was delivered', 'failed']], // vendor's later table
	[60, ['Unknown', 'The gateway does not know whether the message was delivered', 'failed']], // vendor's later table
	[100, ['Insufficient funds', ADD_CREDITS, 'rejected']],
	[101, ['Wrong account credentials', CHECK_ACCOUNT, 'rejected']],
	[110, ['Parameter error', 'There was a problem with the call – check your code', 'rejected']],
]);

/** Every code in the table (both appendices and the later additions), ascending. */
export const KNOWN_STATUS_CODES: readonly number[] = [...TABLE.keys()].sort((a, b) => a - b);

function describe(code: number, service: string): StatusInfo {
	const entry = TABLE.get(code);
	if (entry) return { code, status: entry[0], description: entry[1], final: entry[2] };
	// Not in any manual: nothing shows the message is still on its way, so treat it as final and failed.
	return {
		code,
		status: `Unknown status code ${code}`,
		description: `The ${service} gateway answered with a code the manuals do not list; check the message in the iP.1 web portal`,
		final: 'failed',
	};
}

export function describeSmsStatus(code: number): StatusInfo {
	return describe(code, 'SMS');
}

export function describeMmsStatus(code: number): StatusInfo {
	return describe(code, 'MMS');
}

/** True when a result is an id: digits only and at least 1000 (compared as text: ids may exceed 2^53). */
export function isId(value: string): boolean {
	if (typeof value !== 'string' || !/^\d+$/.test(value)) return false;
	let k = 0;
	while (k < value.length - 1 && value.charCodeAt(k) === 0x30) k++;
	return value.length - k >= 4;
}

/** True when a result is a status code: digits only and below 1000. */
export function isStatusCode(value: string): boolean {
	return typeof value === 'string' && /^\d+$/.test(value) && !isId(value);
}
