/**
 * REST v2 message status codes (iP.1's developer pages): the first digit is the class, 1 not
 * final, 2 final success or end, 4 rejected, 5 error. A code outside the table keeps its class.
 */

export type ReportState = 'pending' | 'delivered' | 'failed' | 'cancelled' | 'expired' | 'rejected';

const NAMES: Record<number, string> = {
	101: 'Accepted',
	102: 'Queued',
	103: 'Funded',
	104: 'Refunded',
	110: 'Sending',
	111: 'DeliveredToGateway',
	112: 'DeliveredToCarrier',
	113: 'DeliveredToGSM',
	114: 'QueuedAtGateway',
	201: 'DeliveredToHandset',
	202: 'Expired',
	203: 'Canceled',
	402: 'InsufficientFunds',
	403: 'SenderRejected',
	404: 'ContentRejected',
};

const SPECIAL_STATES: Record<number, ReportState> = {
	201: 'delivered',
	202: 'expired',
	203: 'cancelled',
};

const CLASS_STATES: Record<number, ReportState> = {
	1: 'pending',
	2: 'delivered',
	4: 'rejected',
	5: 'failed',
};

const CLASS_NAMES: Record<number, string> = {
	1: 'Information',
	2: 'Final',
	4: 'Rejected',
	5: 'Error',
};

export function isKnownStatusClass(code: number): boolean {
	return Number.isInteger(code) && code >= 100 && code <= 599 && CLASS_STATES[Math.floor(code / 100)] !== undefined;
}

/** Name and state of a status code; call only with a code `isKnownStatusClass` accepts. */
export function describeStatus(code: number): { name: string; state: ReportState } {
	const codeClass = Math.floor(code / 100);
	return {
		name: NAMES[code] ?? `${CLASS_NAMES[codeClass]} ${code}`,
		state: SPECIAL_STATES[code] ?? CLASS_STATES[codeClass],
	};
}
