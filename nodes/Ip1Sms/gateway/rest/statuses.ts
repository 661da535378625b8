import type { DeliveryState, MessageStatus } from '../types';

/**
 * REST API v2 message status codes (the contract's table). The first digit is the class:
 * 1 on its way (pending), 2 final, 4 rejected before sending, 5 error. A code the table does not
 * name keeps its class. An unknown 2xx is final but not known to be a delivery (202 and 203 are
 * not): it counts as failed, as the SOAP side counts "Unknown", so nothing is taken for success
 * that iP.1 did not confirm, and a workflow waiting for a final state stops waiting.
 */
type Entry = [name: string, description: string, state: DeliveryState];

const ON_ITS_WAY = 'The message is on its way; its status may still change';

const TABLE: ReadonlyMap<number, Entry> = new Map<number, Entry>([
	[101, ['Accepted', 'iP.1 accepted the message. ' + ON_ITS_WAY, 'pending']],
	[102, ['Queued', 'Queued at iP.1. ' + ON_ITS_WAY, 'pending']],
	[103, ['Funded', 'Paid for from the account balance. ' + ON_ITS_WAY, 'pending']],
	[104, ['Refunded', 'Its price went back to the account balance', 'pending']],
	[110, ['Sending', ON_ITS_WAY, 'pending']],
	[111, ['DeliveredToGateway', 'Handed to the SMS gateway. ' + ON_ITS_WAY, 'pending']],
	[112, ['DeliveredToCarrier', 'Handed to the mobile operator. ' + ON_ITS_WAY, 'pending']],
	[113, ['DeliveredToGSM', 'In the mobile network. ' + ON_ITS_WAY, 'pending']],
	[114, ['QueuedAtGateway', 'Waiting at the SMS gateway. ' + ON_ITS_WAY, 'pending']],
	[201, ['DeliveredToHandset', 'The phone confirmed the delivery', 'delivered']],
	[202, ['Expired', 'Not delivered before its delivery window closed or the network gave up', 'expired']],
	[203, ['Canceled', 'Cancelled before it was sent', 'cancelled']],
	[402, ['InsufficientFunds', 'Not sent: the account balance is too low. Add credits and send again', 'rejected']],
	[403, ['SenderRejected', 'Not sent: the sender is not allowed. Register it (Sender → Register) or use another', 'rejected']],
	[404, ['ContentRejected', 'Not sent: the text was refused. Check the message', 'rejected']],
	[405, ['RecipientRejected', 'Not sent: the phone number was refused. Check it (digits only, country code first)', 'rejected']],
	[406, ['Blacklisted', 'Not sent: the number is on the blacklist (it may have replied STOP)', 'rejected']],
]);

const CLASS: Record<number, Entry> = {
	1: ['Pending', ON_ITS_WAY, 'pending'],
	2: ['Final', 'A final status this package does not know: iP.1 does not say that the phone got it', 'failed'],
	4: ['Rejected', 'Not sent: iP.1 rejected the message. Check the number, the sender and the text', 'rejected'],
	5: ['Error', 'Not delivered: an error at iP.1 or in the network', 'failed'],
};

const UNKNOWN: Entry = ['Unknown', 'iP.1 reported a status code outside the documented classes', 'failed'];

/** A REST status code as a neutral status; `at` is the time iP.1 gives for it (ISO UTC), if any. */
export function restStatus(code: number, at?: string): MessageStatus {
	const known = TABLE.get(code);
	const [name, description, state] = known ?? CLASS[Math.floor(code / 100)] ?? UNKNOWN;
	return {
		code,
		name: known ? name : `${name} (code ${code})`,
		description,
		state,
		...(at ? { at } : {}),
	};
}
