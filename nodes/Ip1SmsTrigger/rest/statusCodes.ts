import { restStatus } from '../../Ip1Sms/gateway/rest/statuses';
import type { DeliveryState } from '../../Ip1Sms/gateway/types';

/**
 * REST v2 status codes of delivery reports: the action node's table (gateway/rest/statuses.ts),
 * so a report's `state` is always the state the action node gives the same code.
 */
export type ReportState = DeliveryState;

/** A code of one of iP.1's classes (1xx, 2xx, 4xx, 5xx); anything else is refused as unreadable. */
export function isKnownStatusClass(code: number): boolean {
	return Number.isInteger(code) && code >= 100 && code <= 599 && [1, 2, 4, 5].includes(Math.floor(code / 100));
}

/** Name and state of a status code; call only with a code `isKnownStatusClass` accepts. */
export function describeStatus(code: number): { name: string; state: ReportState } {
	const { name, state } = restStatus(code);
	return { name, state };
}
