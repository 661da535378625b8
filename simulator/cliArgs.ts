/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { readFileSync } from 'node:fs';
import { DEFAULT_REST_SETTINGS } from './rest/settings';
import type { RestSettings } from './rest/types';
import { normalizeRule, parseAutoReplySpec, type AutoReplyRule } from './rest/autoReplyRules';
import { DEFAULT_ACCOUNTS } from './server';
import type { SimulatorAccount, SimulatorOptions } from './types';

export const REALISTIC_DELIVERY = { toNetworkMs: 2000, toPhoneMs: 5000 };

export const USAGE = `iP.1 gateway simulator: SOAP (sendSms.asmx, mms.asmx), URL call (sendsms.aspx), incoming-SMS callbacks.

usage: npm run simulator -- [options]

  --host <addr>                 listen address (default 127.0.0.1)
  --port <n>                    port (default 8080; 0 = any free port)
  --account <id:key:balance>    an account; repeat for several (default ip1-12345:test-api-key:1000)
  --callback-url <url>          where incoming SMS are delivered (HTTP GET)
  --callback-encoding <enc>     iso-8859-1 (default) or utf-8 for the text parameter
  --callback-retry <time>       retry interval for callbacks: ms, or with s/m/h (default 30m)
  --callback-max-attempts <n>   attempts per incoming SMS (default 10)
  --delivery-concurrency <n>    most callbacks and webhooks in flight at once (default no limit)
  --delivery <mode>             instant (default), realistic (${REALISTIC_DELIVERY.toNetworkMs / 1000} s to the network, ${REALISTIC_DELIVERY.toPhoneMs / 1000} s more to the phone)
                                or <toNetworkMs>,<toPhoneMs>
  --fail-gsm-suffix <digits>    numbers ending so fail with 51 (default 5151)
  --fail-phone-suffix <digits>  numbers ending so fail with 52 (default 5252)

REST API v2 (/v2/..., /api/me; Authorization: Bearer <REST key>):
  --rest-key <id>:<key>         a REST API key of account <id>; repeat for several (default <SOAP key>-rest)
  --currency <id>:<SEK|EUR>     the account's currency (default SEK; EUR for international)
  --account-type <id>:<type>    Swedish (default) or international
  --trial <id>                  a trial account: sends only from iP1 / iP1sms
  --sender <id>:<name>          a sender registered from the start (iP1 and iP1sms always are)
  --incoming-url [<id>=]<url>   where the account's incoming SMS are POSTed (default: first account)
  --post-answer <form>          POST /v2/batches answers: created (201 + batch, default), ok (200 + batch), id (200 + {"id"}),
                                messages (201 + [the batch's message documents]), accepted (202 + batch)
  --delete-answer <form>        DELETE /v2/batches/{id} answers: ok (200 + batch, default) or noContent (204)
  --report-id-key <key>         delivery reports carry the message id as: both (default), id or messageId
  --error-body <form>           error answers: problem (problem+json with detail, as iP.1's portal, default),
                                validation (problem+json with errors per field), text or empty
  --enum-case <form>            enums in answers: lower (mt, sms, gsm, default), vendor (MT, SMS, GSM, currency sek)
                                or integer
  --batch-status                the batch document carries "status" (the code most of its messages have)
  --messages-listed-after <time>  a batch's messages are listed only this long after the send (default 0)
  --max-reference <n>           longest reference (default 256; iP.1's older sample: 40)
  --blacklist-add <form>        adding to the blacklist: both (default), put (PUT /v2/blacklist/{msisdn}) or post
  --link-style <style>          Link header: semicolon (<url>; rel="next", default) or space (<url> rel="next")
  --max-page-size <n>           largest page limit (default 1000)
  --max-recipients <n>          most recipients per batch (default 10000)
  --rate-limit <n>/<time>|off   per API key, e.g. 100/1s; beyond it 429 with Retry-After (default off)
  --webhook-retry <time>        retry interval of delivery reports and incoming SMS (default 10m)
  --webhook-max-attempts <n>    attempts per webhook (default 10)
  --status-suffix <digits>=<code>  numbers ending so end with that status (defaults 2020=202, 4050=405, 5050=500)
  --auto-reply <rule>           a number that answers REST sends; repeat for several rules:
                                <match>=<reply>[|<reply>…][@<delay>], match = ending digits or /regex/, e.g.
                                1111=YES@2s, 2222=maybe|YES@500, '/^4670/=OK'; or the rule as JSON:
                                '{"match":"1111","reply":["maybe","YES"],"delayMs":500,"account":"ip1-1","times":2,"repeat":1}'
  --config <file.json>          options as JSON (the names of startSimulator); flags given as well win
  --quiet                       no log lines after the start banner
  --help                        this text
`;

export function parseAccount(spec: string): SimulatorAccount {
	const first = spec.indexOf(':');
	const last = spec.lastIndexOf(':');
	const balance = Number(spec.slice(last + 1));
	if (first <= 0 || last === first || !Number.isFinite(balance)) {
		throw new Error(`--account wants id:key:balance, got ${JSON.stringify(spec)}`);
	}
	return { id: spec.slice(0, first), key: spec.slice(first + 1, last), balance };
}

export function parseDuration(spec: string): number {
	const m = /^([0-9]+(?:\.[0-9]+)?)\s*(ms|s|m|min|h)?$/.exec(spec.trim());
	if (!m) throw new Error(`not a duration: ${JSON.stringify(spec)} (use e.g. 50ms, 10s, 30m)`);
	const factor = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[m[2] ?? 'ms']!;
	return Math.round(Number(m[1]) * factor);
}

export function parseDelivery(spec: unknown): SimulatorOptions['delivery'] {
	if (spec === 'instant') return 'instant';
	if (spec === 'realistic') return { ...REALISTIC_DELIVERY };
	if (typeof spec === 'object' && spec !== null) {
		const d = spec as { toNetworkMs: number; toPhoneMs: number };
		if (Number.isFinite(d.toNetworkMs) && Number.isFinite(d.toPhoneMs)) return { toNetworkMs: d.toNetworkMs, toPhoneMs: d.toPhoneMs };
	}
	if (typeof spec === 'string') {
		const m = /^([0-9]+)\s*,\s*([0-9]+)$/.exec(spec);
		if (m) return { toNetworkMs: Number(m[1]), toPhoneMs: Number(m[2]) };
	}
	throw new Error(`--delivery wants instant, realistic or <toNetworkMs>,<toPhoneMs>, got ${JSON.stringify(spec)}`);
}

function positiveInt(name: string, v: string): number {
	const n = Number(v);
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} wants a whole number, got ${JSON.stringify(v)}`);
	return n;
}

/** Options from a JSON config file: the startSimulator names; accounts may also be `id:key:balance` strings. */
export function readConfig(file: string): SimulatorOptions {
	const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	const options = { ...raw } as SimulatorOptions & Record<string, unknown>;
	if (Array.isArray(raw.accounts)) {
		options.accounts = raw.accounts.map((a) => (typeof a === 'string' ? parseAccount(a) : (a as SimulatorAccount)));
	}
	if (raw.delivery !== undefined) options.delivery = parseDelivery(raw.delivery);
	if (typeof raw.callbackRetryMs === 'string') options.callbackRetryMs = parseDuration(raw.callbackRetryMs);
	if (typeof raw.rest === 'object' && raw.rest !== null) options.rest = readRest(raw.rest as Record<string, unknown>);
	if (raw.autoReplies !== undefined) {
		const list = Array.isArray(raw.autoReplies) ? raw.autoReplies : [raw.autoReplies];
		options.autoReplies = list.map((r) => (typeof r === 'string' ? parseAutoReplySpec(r, parseDuration) : normalizeRule(r)));
	}
	return options;
}

/** `100/1s` → { requests: 100, perMs: 1000 }; `off` → null. */
export function parseRateLimit(spec: unknown): RestSettings['rateLimit'] {
	if (spec === null || spec === 'off') return null;
	if (typeof spec === 'object') return spec as RestSettings['rateLimit'];
	const m = /^\s*([0-9]+)\s*\/\s*(.+)$/.exec(String(spec));
	if (!m) throw new Error(`--rate-limit wants <requests>/<time> (e.g. 100/1s) or off, got ${JSON.stringify(spec)}`);
	return { requests: Number(m[1]), perMs: parseDuration(m[2]) };
}

function readRest(raw: Record<string, unknown>): Partial<RestSettings> {
	const rest = { ...raw } as Partial<RestSettings> & Record<string, unknown>;
	if (typeof raw.webhookRetryMs === 'string') rest.webhookRetryMs = parseDuration(raw.webhookRetryMs);
	if (typeof raw.messagesListedAfterMs === 'string') rest.messagesListedAfterMs = parseDuration(raw.messagesListedAfterMs);
	if (raw.rateLimit !== undefined) rest.rateLimit = parseRateLimit(raw.rateLimit);
	return rest;
}

/** `<id>:<value>` of the per-account flags. */
function accountPair(flag: string, spec: string): [string, string] {
	const at = spec.indexOf(':');
	if (at <= 0 || at === spec.length - 1) throw new Error(`${flag} wants <accountId>:<value>, got ${JSON.stringify(spec)}`);
	return [spec.slice(0, at), spec.slice(at + 1)];
}

function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
	const hit = choices.find((c) => c.toLowerCase() === value.toLowerCase());
	if (!hit) throw new Error(`${flag} wants ${choices.join(', ')}, got ${JSON.stringify(value)}`);
	return hit;
}

export type CliResult = { help: true } | { help: false; options: SimulatorOptions };

export function parseCliArgs(argv: string[]): CliResult {
	let options: SimulatorOptions = {};
	const flags: SimulatorOptions = {};
	const accounts: SimulatorAccount[] = [];
	const failSuffixes: Partial<{ gsm: string; phone: string }> = {};
	const rest: Partial<RestSettings> = {};
	const statusSuffixes: Record<string, number> = {};
	const autoReplies: AutoReplyRule[] = [];
	/** per-account changes, applied to the accounts in the end */
	const perAccount: [string, (a: SimulatorAccount) => void][] = [];
	const forAccount = (id: string, change: (a: SimulatorAccount) => void) => perAccount.push([id, change]);
	for (let i = 0; i < argv.length; i++) {
		let arg = argv[i];
		let value: string | undefined;
		const eq = arg.indexOf('=');
		if (arg.startsWith('--') && eq > 0) {
			value = arg.slice(eq + 1);
			arg = arg.slice(0, eq);
		}
		const next = () => {
			if (value !== undefined) return value;
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		switch (arg) {
			case '--help':
			case '-h':
				return { help: true };
			case '--host': flags.host = next(); break;
			case '--port': flags.port = positiveInt(arg, next()); break;
			case '--account': accounts.push(parseAccount(next())); break;
			case '--callback-url': flags.callbackUrl = next(); break;
			case '--callback-encoding': {
				const enc = next().toLowerCase();
				if (enc !== 'iso-8859-1' && enc !== 'utf-8') throw new Error('--callback-encoding wants iso-8859-1 or utf-8');
				flags.callbackEncoding = enc;
				break;
			}
			case '--callback-retry':
			case '--callback-retry-ms': flags.callbackRetryMs = parseDuration(next()); break;
			case '--callback-max-attempts': flags.callbackMaxAttempts = positiveInt(arg, next()); break;
			case '--delivery-concurrency': flags.deliveryConcurrency = positiveInt(arg, next()); break;
			case '--delivery': flags.delivery = parseDelivery(next()); break;
			case '--fail-gsm-suffix': failSuffixes.gsm = next(); break;
			case '--fail-phone-suffix': failSuffixes.phone = next(); break;
			case '--config': options = readConfig(next()); break;
			case '--rest-key': {
				const [id, key] = accountPair(arg, next());
				forAccount(id, (a) => (a.restKeys = [...(a.restKeys ?? []), key]));
				break;
			}
			case '--currency': {
				const [id, v] = accountPair(arg, next());
				const currency = oneOf(arg, v, ['SEK', 'EUR'] as const);
				forAccount(id, (a) => (a.currency = currency));
				break;
			}
			case '--account-type': {
				const [id, v] = accountPair(arg, next());
				const type = oneOf(arg, v, ['Swedish', 'international'] as const);
				forAccount(id, (a) => (a.type = type));
				break;
			}
			case '--trial': forAccount(next(), (a) => (a.trial = true)); break;
			case '--sender': {
				const [id, name] = accountPair(arg, next());
				forAccount(id, (a) => (a.senders = [...(a.senders ?? []), name]));
				break;
			}
			case '--incoming-url': {
				const v = next();
				const eq = v.indexOf('=');
				const scheme = v.indexOf('://');
				const [id, url] = eq > 0 && (scheme < 0 || eq < scheme) ? [v.slice(0, eq), v.slice(eq + 1)] : ['', v];
				forAccount(id, (a) => (a.incomingUrl = url));
				break;
			}
			case '--post-answer': rest.postAnswer = oneOf(arg, next(), ['created', 'ok', 'id', 'messages', 'accepted'] as const); break;
			case '--delete-answer': rest.deleteAnswer = oneOf(arg, next(), ['ok', 'noContent'] as const); break;
			case '--report-id-key': rest.reportIdKey = oneOf(arg, next(), ['both', 'id', 'messageId'] as const); break;
			case '--error-body': rest.errorBody = oneOf(arg, next(), ['problem', 'validation', 'text', 'empty'] as const); break;
			case '--enum-case': rest.enumCase = oneOf(arg, next(), ['lower', 'vendor', 'integer'] as const); break;
			case '--batch-status': rest.batchStatus = true; break;
			case '--messages-listed-after': rest.messagesListedAfterMs = parseDuration(next()); break;
			case '--max-reference': rest.maxReferenceLength = positiveInt(arg, next()); break;
			case '--blacklist-add': rest.blacklistAdd = oneOf(arg, next(), ['both', 'put', 'post'] as const); break;
			case '--link-style': rest.linkStyle = oneOf(arg, next(), ['semicolon', 'space'] as const); break;
			case '--max-page-size': rest.maxPageSize = positiveInt(arg, next()); break;
			case '--max-recipients': rest.maxRecipients = positiveInt(arg, next()); break;
			case '--rate-limit': rest.rateLimit = parseRateLimit(next()); break;
			case '--webhook-retry': rest.webhookRetryMs = parseDuration(next()); break;
			case '--webhook-max-attempts': rest.webhookMaxAttempts = positiveInt(arg, next()); break;
			case '--status-suffix': {
				const m = /^([0-9]+)=([1-5][0-9][0-9])$/.exec(next());
				if (!m) throw new Error('--status-suffix wants <digits>=<status code>, e.g. 4050=405');
				statusSuffixes[m[1]] = Number(m[2]);
				break;
			}
			case '--auto-reply': autoReplies.push(parseAutoReplySpec(next(), parseDuration)); break;
			case '--quiet': flags.quiet = true; break;
			default:
				throw new Error(`unknown option ${arg} (see --help)`);
		}
	}
	const merged: SimulatorOptions = { ...options, ...flags };
	if (accounts.length) merged.accounts = accounts;
	if (autoReplies.length) merged.autoReplies = autoReplies;
	if (Object.keys(statusSuffixes).length) rest.statusSuffixes = { ...(options.rest?.statusSuffixes ?? DEFAULT_REST_SETTINGS.statusSuffixes), ...statusSuffixes };
	if (Object.keys(rest).length) merged.rest = { ...options.rest, ...rest };
	if (perAccount.length) {
		const list = (merged.accounts ?? DEFAULT_ACCOUNTS).map((a) => ({ ...a }));
		for (const [id, change] of perAccount) {
			const account = id === '' ? list[0] : list.find((a) => a.id === id);
			if (!account) throw new Error(`no account ${JSON.stringify(id)} (accounts: ${list.map((a) => a.id).join(', ')})`);
			change(account);
		}
		merged.accounts = list;
	}
	if (failSuffixes.gsm !== undefined || failSuffixes.phone !== undefined) {
		merged.failSuffixes = { gsm: '5151', phone: '5252', ...options.failSuffixes, ...failSuffixes };
	}
	return { help: false, options: merged };
}
