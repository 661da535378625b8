/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The "phone" that answers: after a REST MT reaches a number a rule covers, an incoming SMS comes back from it.
import { REST } from './life';
import { matcherOf, normalizeRules, type AutoReplyRule } from './autoReplyRules';
import type { RestMessage } from './store';

/** One answer given, as state().rest.autoReplied shows it. */
export interface AutoReplyRecord {
	/** index of the rule in the list in force when it was given */
	rule: number;
	/** the MT that was answered */
	mtMessageId: string;
	/** the incoming SMS (mo) filed in the conversation */
	moMessageId: string;
	account: string;
	/** the phone: the MT's recipient, the MO's sender */
	from: string;
	/** the MT's sender, the MO's recipient */
	to: string;
	body: string;
	/** epoch milliseconds */
	at: number;
	/** seq of its incoming webhook; null when the account has no incoming-SMS URL (filed only) */
	webhookSeq: number | null;
}

/** Files the answer and POSTs it (RestApi does both, as for an injected incoming SMS). */
export type Answer = (mt: RestMessage, body: string, repeat: number) => Promise<{ moMessageId: string; webhookSeq: number | null }>;

export class AutoReplier {
	private rules: AutoReplyRule[];
	private matchers: ((n: string) => boolean)[] = [];
	/** rule index + account + number → answers given */
	private readonly given = new Map<string, number>();
	private readonly timers = new Set<NodeJS.Timeout>();
	/** bumped when rules are replaced or reset: an answer under way records nothing more */
	private generation = 0;
	readonly records: AutoReplyRecord[] = [];

	constructor(
		private readonly configured: AutoReplyRule[],
		private readonly accountExists: (id: string) => boolean,
		private readonly answer: Answer,
		private readonly log: (line: string) => void,
	) {
		this.rules = this.checked(configured);
		this.matchers = this.rules.map(matcherOf);
	}

	list(): AutoReplyRule[] {
		return this.rules.map((r) => ({ ...r, reply: [...r.reply] }));
	}

	/** Replaces the list (nothing changes when a rule is refused); pending answers and turns are forgotten. */
	set(raw: unknown): AutoReplyRule[] {
		const rules = this.checked(normalizeRules(raw));
		this.forget();
		this.rules = rules;
		this.matchers = rules.map(matcherOf);
		return this.list();
	}

	/** Back to the rules configured at the start (options, CLI, config file); forgets answers, turns and pending answers. */
	reset(): void {
		this.forget();
		this.records.length = 0;
		this.rules = this.configured.map((r) => ({ ...r, reply: [...r.reply] }));
		this.matchers = this.rules.map(matcherOf);
	}

	stop(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
	}

	/** Called for each MT a batch created: schedules its answer when a rule covers it and it will reach the phone. */
	onSent(m: RestMessage, now = Date.now()): void {
		if (m.direction !== 'mt' || this.rules.length === 0) return;
		const index = this.rules.findIndex((r, i) => (r.account === undefined || r.account === m.account) && this.matchers[i](m.recipient));
		if (index < 0) return;
		const delivered = m.plan.find((s) => s.code === REST.delivered);
		if (!delivered) return; // refused at once (402/405/406) or scripted to fail or expire: nobody got it
		const rule = this.rules[index];
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void this.fire(rule, index, m);
		}, Math.max(0, delivered.at + rule.delayMs - now));
		timer.unref();
		this.timers.add(timer);
	}

	private async fire(rule: AutoReplyRule, index: number, m: RestMessage): Promise<void> {
		if (!m.plan.some((s) => s.code === REST.delivered && s.at <= Date.now())) return; // canceled before delivery
		const key = `${index}\u0000${m.account}\u0000${m.recipient}`;
		const n = this.given.get(key) ?? 0;
		if (rule.times !== undefined && n >= rule.times) return;
		this.given.set(key, n + 1);
		const body = rule.reply[n % rule.reply.length];
		const generation = this.generation;
		try {
			const { moMessageId, webhookSeq } = await this.answer(m, body, rule.repeat ?? 0);
			if (generation !== this.generation) return;
			this.records.push({ rule: index, mtMessageId: m.id, moMessageId, account: m.account, from: m.recipient, to: m.sender, body, at: Date.now(), webhookSeq });
			this.log(`auto-reply ${m.recipient} → ${m.sender}: ${JSON.stringify(body)}${webhookSeq === null ? ' (filed; no incoming-SMS URL)' : ''}`);
		} catch (error) {
			this.log(`auto-reply ${m.recipient} → ${m.sender} failed: ${(error as Error).message}`);
		}
	}

	private forget(): void {
		this.stop();
		this.generation++;
		this.given.clear();
	}

	private checked(rules: AutoReplyRule[]): AutoReplyRule[] {
		rules.forEach((r, i) => {
			if (r.account !== undefined && !this.accountExists(r.account)) throw new Error(`auto-reply rule ${i + 1}: no such account: ${r.account}`);
		});
		return rules;
	}
}
