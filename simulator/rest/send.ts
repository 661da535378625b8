import { isValidNumber } from '../rules';
import type { DeliveryTiming } from '../types';
import type { BatchRequest } from './batchRequest';
import { round4 } from './documents';
import { currentStatus, planStatuses, REST } from './life';
import type { RestAccount, RestBatch, RestMessage, RestStore } from './store';
import { restSegments } from './text';

/** The final status a scripted number ending gives (the longest matching ending wins), else 201. */
export function scriptedFinal(number: string, suffixes: Record<string, number>): number {
	let best = '';
	for (const suffix of Object.keys(suffixes)) if (suffix.length > best.length && number.endsWith(suffix)) best = suffix;
	return best ? suffixes[best] : REST.delivered;
}

/**
 * Creates the batch and one message per recipient: a bad number is 405, a blacklisted one 406,
 * one the balance cannot pay 402 (nothing debited); the others are debited per part and go out.
 */
export function createBatch(
	store: RestStore,
	owner: RestAccount,
	request: BatchRequest,
	env: { now: number; timing: DeliveryTiming; statusSuffixes: Record<string, number> },
): RestBatch {
	const { now } = env;
	const batch: RestBatch = {
		id: store.newId(now),
		account: owner.account.id,
		sender: request.sender,
		body: request.body,
		type: request.type,
		datacoding: request.datacoding,
		priority: request.priority,
		templated: request.templated,
		deliveryWindows: request.deliveryWindows,
		deliveryReportUrl: request.deliveryReportUrl,
		reference: request.reference,
		tags: request.tags,
		created: now,
		currency: owner.currency,
		messageIds: [],
	};
	const window = request.deliveryWindows.find((w) => w.closes > now);
	const start = window ? Math.max(now, window.opens) : now;
	const account = owner.account;
	// plans are never changed in place (a cancel makes a new one): messages with the same end share one
	const plans = new Map<number, RestMessage['plan']>();
	const planFor = (final: number) => {
		let plan = plans.get(final);
		if (!plan) plans.set(final, (plan = planStatuses(now, start, env.timing, final, window?.closes)));
		return plan;
	};
	for (const draft of request.drafts) {
		const segments = restSegments(draft.text, request.datacoding);
		const m: RestMessage = {
			id: store.newId(now),
			batchId: batch.id,
			account: account.id,
			direction: 'mt',
			sender: request.sender,
			recipient: draft.recipient,
			body: draft.text,
			type: request.type,
			datacoding: request.datacoding,
			priority: request.priority,
			segments,
			price: 0,
			currency: owner.currency,
			reference: request.reference,
			created: now,
			plan: [],
			reported: 0,
		};
		const price = round4(segments * owner.pricePerPart * (request.priority === 2 ? 2 : 1));
		if (!isValidNumber(draft.recipient)) m.plan = [{ code: REST.recipientRejected, at: now }];
		else if (owner.blacklist.has(draft.recipient)) m.plan = [{ code: REST.blacklisted, at: now }];
		else if (account.balance < price) m.plan = [{ code: REST.insufficientFunds, at: now }];
		else {
			account.balance = round4(account.balance - price);
			m.price = price;
			m.plan = planFor(scriptedFinal(draft.recipient, env.statusSuffixes));
			store.accepted++;
		}
		store.addMessage(m);
		batch.messageIds.push(m.id);
	}
	store.batches.set(batch.id, batch);
	owner.batchIds.push(batch.id);
	return batch;
}

/** Messages still waiting (not yet 110 Sending) become 203 Canceled now and are refunded; answers how many. */
export function cancelWaiting(store: RestStore, owner: RestAccount, batch: RestBatch, now: number): RestMessage[] {
	const canceled: RestMessage[] = [];
	for (const id of batch.messageIds) {
		const m = store.messages.get(id)!;
		const current = currentStatus(m.plan, now);
		const waiting = current.code < REST.sending && m.plan.some((s) => s.at > now);
		if (!waiting) continue;
		m.plan = [...m.plan.filter((s) => s.at <= now), { code: REST.canceled, at: now }];
		owner.account.balance = round4(owner.account.balance + m.price);
		m.price = 0;
		canceled.push(m);
	}
	return canceled;
}
