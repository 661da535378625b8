/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { readFileSync } from 'node:fs';
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
  --delivery <mode>             instant (default), realistic (${REALISTIC_DELIVERY.toNetworkMs / 1000} s to the network, ${REALISTIC_DELIVERY.toPhoneMs / 1000} s more to the phone)
                                or <toNetworkMs>,<toPhoneMs>
  --fail-gsm-suffix <digits>    numbers ending so fail with 51 (default 5151)
  --fail-phone-suffix <digits>  numbers ending so fail with 52 (default 5252)
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
	return options;
}

export type CliResult = { help: true } | { help: false; options: SimulatorOptions };

export function parseCliArgs(argv: string[]): CliResult {
	let options: SimulatorOptions = {};
	const flags: SimulatorOptions = {};
	const accounts: SimulatorAccount[] = [];
	const failSuffixes: Partial<{ gsm: string; phone: string }> = {};
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
			case '--delivery': flags.delivery = parseDelivery(next()); break;
			case '--fail-gsm-suffix': failSuffixes.gsm = next(); break;
			case '--fail-phone-suffix': failSuffixes.phone = next(); break;
			case '--config': options = readConfig(next()); break;
			case '--quiet': flags.quiet = true; break;
			default:
				throw new Error(`unknown option ${arg} (see --help)`);
		}
	}
	const merged: SimulatorOptions = { ...options, ...flags };
	if (accounts.length) merged.accounts = accounts;
	if (failSuffixes.gsm !== undefined || failSuffixes.phone !== undefined) {
		merged.failSuffixes = { gsm: '5151', phone: '5252', ...options.failSuffixes, ...failSuffixes };
	}
	return { help: false, options: merged };
}
