import type { DeliveryTiming } from '../types';
import type { RestStatus } from './types';

export const REST = {
	accepted: 101,
	queued: 102,
	funded: 103,
	sending: 110,
	deliveredToGateway: 111,
	deliveredToCarrier: 112,
	deliveredToGsm: 113,
	delivered: 201,
	expired: 202,
	canceled: 203,
	insufficientFunds: 402,
	recipientRejected: 405,
	blacklisted: 406,
} as const;

export const STATUS_NAMES: Record<number, string> = {
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
	405: 'RecipientRejected',
	406: 'Blacklisted',
};

/** 1xx is not final; 2xx, 4xx and 5xx are. */
export function isFinal(code: number): boolean {
	return code >= 200;
}

/**
 * Every status a message will reach, with its time: 101 → 102 → 103 at once, then from `start`
 * 110 → 111 → 112 → 113 → final on the delivery timing. A 4xx final comes after 110, a 5xx after 112.
 * Inside a delivery window, whatever is not done when the window closes ends as 202 Expired then.
 */
export function planStatuses(created: number, start: number, timing: DeliveryTiming, final: number, closes?: number): RestStatus[] {
	const { toNetworkMs: n, toPhoneMs: p } = timing === 'instant' ? { toNetworkMs: 0, toPhoneMs: 0 } : timing;
	const plan: RestStatus[] = [
		{ code: REST.accepted, at: created },
		{ code: REST.queued, at: created },
		{ code: REST.funded, at: created },
		{ code: REST.sending, at: start },
	];
	if (final >= 400 && final < 500) plan.push({ code: final, at: start + n / 2 });
	else {
		plan.push({ code: REST.deliveredToGateway, at: start + n / 2 }, { code: REST.deliveredToCarrier, at: start + n });
		if (final >= 500) plan.push({ code: final, at: start + n + p / 2 });
		else plan.push({ code: REST.deliveredToGsm, at: start + n + p / 2 }, { code: final, at: start + n + p });
	}
	if (closes !== undefined && plan[plan.length - 1].at > closes) {
		const kept = plan.filter((s) => s.at < closes);
		kept.push({ code: REST.expired, at: closes });
		return kept;
	}
	return plan;
}

/** The statuses reached at `now` (oldest first; never empty: 101 is reached on creation). */
export function reached(plan: RestStatus[], now: number): RestStatus[] {
	let i = 0;
	while (i < plan.length && plan[i].at <= now) i++;
	return plan.slice(0, Math.max(i, 1));
}

export function currentStatus(plan: RestStatus[], now: number): RestStatus {
	let last = plan[0];
	for (const s of plan) {
		if (s.at > now) break;
		last = s;
	}
	return last;
}
