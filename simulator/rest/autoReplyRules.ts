/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Auto-reply rules: which recipient numbers "answer" a REST send, with what, and when. Parsing and checking only.

export const DEFAULT_AUTO_REPLY_DELAY_MS = 2000;

/** A rule as the simulator keeps and shows it. */
export interface AutoReplyRule {
	/** digits the recipient number ends with (e.g. `1111`), or a regular expression written `/…/flags` */
	match: string;
	/** the answers, in turn: the 1st MT to a number gets the 1st, the 2nd the 2nd, …, then from the start again */
	reply: string[];
	/** after the MT reached 201 DeliveredToHandset */
	delayMs: number;
	/** only MTs sent by this account */
	account?: string;
	/** how many MTs to one number get an answer (default: every one) */
	times?: number;
	/** the incoming webhook of each answer is POSTed this many more times once its first delivery is over */
	repeat?: number;
}

/** A rule as given (API, options, config file): `reply` may be one text, `match` a RegExp, `delayMs` left out. */
export interface AutoReplyInput {
	match: string | RegExp;
	reply: string | string[];
	delayMs?: number;
	account?: string;
	times?: number;
	repeat?: number;
}

/** Checks one rule and fills its defaults; the error names the rule and the field. */
export function normalizeRule(raw: unknown, index = 0): AutoReplyRule {
	const fail = (why: string): never => {
		throw new Error(`auto-reply rule ${index + 1}: ${why}`);
	};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('must be an object { match, reply, delayMs?, account?, times?, repeat? }');
	const r = raw as Record<string, unknown>;
	const known = ['match', 'reply', 'delayMs', 'account', 'times', 'repeat'];
	for (const key of Object.keys(r)) if (!known.includes(key)) fail(`unknown field ${JSON.stringify(key)} (fields: ${known.join(', ')})`);
	const match = r.match instanceof RegExp ? `/${r.match.source}/${r.match.flags}` : r.match;
	if (typeof match !== 'string' || match === '') fail('match must be the digits a number ends with (e.g. "1111") or "/regex/"');
	if ((match as string).startsWith('/')) regexOf(match as string, fail);
	else if (!/^[0-9]+$/.test(match as string)) fail(`match ${JSON.stringify(match)} is neither digits nor /regex/`);
	const reply = typeof r.reply === 'string' ? [r.reply] : r.reply;
	if (!Array.isArray(reply) || reply.length === 0 || reply.some((t) => typeof t !== 'string' || t === '')) {
		fail('reply must be a non-empty text or a non-empty list of non-empty texts');
	}
	const rule: AutoReplyRule = { match: match as string, reply: [...(reply as string[])], delayMs: DEFAULT_AUTO_REPLY_DELAY_MS };
	if (r.delayMs !== undefined) {
		if (typeof r.delayMs !== 'number' || !Number.isFinite(r.delayMs) || r.delayMs < 0) fail('delayMs must be a number of milliseconds ≥ 0');
		rule.delayMs = r.delayMs as number;
	}
	if (r.account !== undefined) {
		if (typeof r.account !== 'string' || r.account === '') fail('account must be an account id');
		rule.account = r.account as string;
	}
	for (const field of ['times', 'repeat'] as const) {
		if (r[field] === undefined) continue;
		const n = r[field];
		if (typeof n !== 'number' || !Number.isInteger(n) || n < (field === 'times' ? 1 : 0)) fail(`${field} must be a whole number ≥ ${field === 'times' ? 1 : 0}`);
		rule[field] = n as number;
	}
	return rule;
}

export function normalizeRules(raw: unknown): AutoReplyRule[] {
	const list = Array.isArray(raw) ? raw : [raw];
	return list.map((r, i) => normalizeRule(r, i));
}

function regexOf(match: string, fail: (why: string) => never): RegExp {
	const m = /^\/(.+)\/([a-z]*)$/s.exec(match);
	if (!m) return fail(`match ${JSON.stringify(match)} starts with / but is not /regex/flags`);
	try {
		return new RegExp(m[1], m[2]);
	} catch (error) {
		return fail(`match ${match}: ${(error as Error).message}`);
	}
}

/** Whether the rule's `match` covers the number. */
export function matcherOf(rule: AutoReplyRule): (number: string) => boolean {
	if (!rule.match.startsWith('/')) return (n) => n.endsWith(rule.match);
	const re = regexOf(rule.match, (why) => {
		throw new Error(why);
	});
	return (n) => {
		re.lastIndex = 0;
		return re.test(n);
	};
}

/**
 * The command line's short form: `<match>=<reply>[|<reply>…][@<delay>]`, e.g. `1111=YES@2s`,
 * `/^4670/=maybe|YES@500`; or the rule as JSON (`{"match":"1111","reply":"YES","account":"ip1-2"}`).
 */
export function parseAutoReplySpec(spec: string, parseDuration: (s: string) => number): AutoReplyRule {
	const text = spec.trim();
	if (text.startsWith('{')) return normalizeRule(JSON.parse(text));
	const m = /^(\/.+?\/[a-z]*|[^=]+)=(.+?)(?:@([0-9.]+\s*(?:ms|s|m|min|h)?))?$/s.exec(text);
	if (!m) throw new Error(`--auto-reply wants <match>=<reply>[|<reply>…][@<delay>] (e.g. 1111=YES@2s) or a JSON rule, got ${JSON.stringify(spec)}`);
	const rule: AutoReplyInput = { match: m[1], reply: m[2].split('|') };
	if (m[3] !== undefined) rule.delayMs = parseDuration(m[3]);
	return normalizeRule(rule);
}
