/*
 * Which waiting Send and Wait SMS a reply answers, decided from the conversation iP.1 keeps with the
 * number alone, so every process (and a repeat of the same webhook) decides the same way.
 *
 * Rule: in the order iP.1 lists the conversation, each waiting SMS (its reference names an execution)
 * opens a wait; each reply from that number to the number the SMS came from answers the newest wait
 * still open (its limit not passed when the reply arrived) and closes it. An opt-out ("STOP") answers
 * nothing. So two executions waiting on one number get their replies newest first; a re-ask SMS opens
 * its execution's wait again.
 */
import { parseWaitReference, type WaitReference } from './reference';
import { isOptOut } from './words';

export interface ConversationEntry {
	id: string;
	direction?: 'outgoing' | 'incoming';
	/** Sender as iP.1 writes it. */
	from?: string;
	/** Recipient as iP.1 writes it. */
	to?: string;
	text?: string;
	reference?: string;
	/** Unix milliseconds, where known (the reply's arrival). */
	at?: number;
}

export interface IncomingReply {
	id: string;
	sender: string;
	/** The number the reply was sent to. */
	to: string;
	text: string;
	/** Unix milliseconds. */
	at: number;
}

export interface AnsweredWait extends WaitReference {
	/** The waiting SMS's own message id. */
	sentMessageId: string;
	/** How many waits were open for this number when the reply came (2+: the newest was chosen). */
	openWaits: number;
}

/** Digits only, no leading `+`/`00`: how two ways of writing one number compare equal. */
export function sameNumber(a: string | undefined, b: string | undefined): boolean {
	const digits = (n: string | undefined) => (n ?? '').replace(/\D/g, '').replace(/^00/, '');
	const x = digits(a);
	return x !== '' && x === digits(b);
}

/**
 * The wait `reply` answers, or undefined (it answers none: an ordinary incoming SMS).
 * `conversation`: the number's messages, oldest first; the reply itself is added when not listed yet.
 */
export function findAnsweredWait(conversation: ConversationEntry[], reply: IncomingReply): AnsweredWait | undefined {
	if (isOptOut(reply.text)) return undefined;
	const entries = conversation.some((m) => m.id === reply.id)
		? conversation
		: [...conversation, { id: reply.id, direction: 'incoming' as const, from: reply.sender, to: reply.to, text: reply.text, at: reply.at }];
	const open: Array<WaitReference & { sentMessageId: string }> = [];
	for (const m of entries) {
		if (m.direction === 'outgoing') {
			if (!sameNumber(m.to, reply.sender) || !sameNumber(m.from, reply.to)) continue;
			const wait = parseWaitReference(m.reference);
			if (wait) open.push({ ...wait, sentMessageId: m.id });
			continue;
		}
		if (m.direction !== 'incoming' || !sameNumber(m.from, reply.sender) || !sameNumber(m.to, reply.to)) continue;
		const isReply = m.id === reply.id;
		const text = isReply ? reply.text : (m.text ?? '');
		if (isOptOut(text)) continue;
		const at = isReply ? reply.at : (m.at ?? reply.at);
		let index = open.length - 1;
		while (index >= 0 && open[index].deadline !== undefined && at >= (open[index].deadline as number)) index--;
		const openWaits = open.filter((w) => w.deadline === undefined || at < w.deadline).length;
		const answered = index >= 0 ? open.splice(index, 1)[0] : undefined;
		if (isReply) return answered && { ...answered, openWaits };
	}
	return undefined;
}
