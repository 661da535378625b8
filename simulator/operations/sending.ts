import { PRICE_PER_SMS_SEGMENT, SMS } from '../codes';
import { isValidNumber, isValidSender, parsePrio, parseSendAt, splitNumbers } from '../rules';
import { countSegments, decodeLineBreaks } from '../smsText';
import type { Store, StoredMessage } from '../store';

/** What sms, flashSms, smsAt and the URL call share. */
export interface SendInput {
	account: string;
	key: string;
	to: string;
	from: string;
	text: string;
	prio: string;
	flash: boolean;
	/** present for smsAt / smsBundleAt */
	sendAt?: string;
	via: 'soap' | 'url';
}

export interface TemplatedRecipient {
	number: string;
	fields: { key: string; value: string }[];
}

interface Draft {
	to: string;
	text: string;
}

/** Sends one SMS; answers its id (≥ 1000) or a status code of appendix A. */
export function sendSingle(store: Store, input: SendInput): string {
	const result = accept(store, input, [{ to: input.to.trim(), text: input.text }], false);
	return typeof result === 'number' ? String(result) : result.messageIds[0];
}

/** Sends a bundle; answers its id or a status code. Templated recipients get their own text. */
export function sendBundle(store: Store, input: SendInput, recipients: TemplatedRecipient[]): string {
	const drafts: Draft[] = splitNumbers(input.to).map((to) => ({ to, text: input.text }));
	for (const r of recipients) drafts.push({ to: r.number.trim(), text: applyTemplate(input.text, r.fields) });
	const result = accept(store, input, drafts, true);
	return typeof result === 'number' ? String(result) : result.bundleId!;
}

export function applyTemplate(text: string, fields: { key: string; value: string }[]): string {
	let out = text;
	for (const f of fields) if (f.key !== '') out = out.split(f.key).join(f.value);
	return out;
}

function accept(
	store: Store,
	input: SendInput,
	drafts: Draft[],
	bundle: boolean,
): number | { messageIds: string[]; bundleId?: string } {
	const account = store.authenticate(input.account, input.key);
	if (!account) return SMS.wrongCredentials;
	const prio = parsePrio(input.prio);
	if (prio === undefined) return SMS.parameterError;
	let sendAt: number | undefined;
	if (input.sendAt !== undefined) {
		sendAt = parseSendAt(input.sendAt);
		if (sendAt === undefined) return SMS.parameterError;
	}
	if (drafts.length === 0 || drafts.some((d) => !isValidNumber(d.to))) return SMS.invalidNumber;
	const from = input.from.trim();
	if (!isValidSender(from)) return SMS.invalidSender;

	const now = Date.now();
	const prepared = [];
	let cost = 0;
	for (const d of drafts) {
		if (d.text.trim() === '') return SMS.invalidContent;
		const text = decodeLineBreaks(d.text);
		const count = countSegments(text);
		cost += count.segments * PRICE_PER_SMS_SEGMENT;
		prepared.push({ to: d.to, text, count });
	}
	if (cost > account.balance) return SMS.insufficientFunds;
	account.balance = Math.round((account.balance - cost) * 100) / 100;

	const bundleId = bundle ? store.newId() : undefined;
	const messageIds: string[] = [];
	for (const p of prepared) {
		const m: StoredMessage = {
			id: store.newId(),
			account: account.id,
			to: p.to,
			from,
			text: p.text,
			prio,
			flash: input.flash,
			encoding: p.count.encoding,
			characters: p.count.characters,
			segments: p.count.segments,
			via: input.via,
			acceptedAt: now,
			cancelled: false,
			failure: store.failureFor(p.to),
		};
		if (sendAt !== undefined) m.sendAt = sendAt;
		if (bundleId) m.bundleId = bundleId;
		store.messages.set(m.id, m);
		messageIds.push(m.id);
	}
	store.accepted += messageIds.length;
	if (bundleId) {
		store.bundles.set(bundleId, { id: bundleId, account: account.id, messageIds, ...(sendAt !== undefined ? { sendAt } : {}) });
	}
	return { messageIds, bundleId };
}

/** Cancels a pending (status 11) message and refunds it. */
export function cancelMessage(store: Store, m: StoredMessage, now: number): boolean {
	if (!store.isPending(m, now)) return false;
	m.cancelled = true;
	const account = store.accounts.get(m.account);
	if (account) account.balance = Math.round((account.balance + m.segments * PRICE_PER_SMS_SEGMENT) * 100) / 100;
	return true;
}
