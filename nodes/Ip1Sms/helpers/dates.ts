import { Ip1InputError, valueTitle } from './errors';

const MIN_UNIX = 946684800; // 2000-01-01T00:00:00Z: anything earlier is surely a mistake (e.g. 0 → 1970)
const MAX_UNIX = 253402300799; // 9999-12-31T23:59:59Z
const MS_THRESHOLD = 1e11; // seconds would be year 5138: a larger number is milliseconds
const DATE_HINT =
	'Use an ISO 8601 date and time such as 2026-07-01T14:30:00+02:00, a local time such as 2026-07-01 14:30 (read in the workflow time zone) or Unix seconds.';

// yyyy-MM-dd, optionally [T ]HH:mm[:ss[.fraction]], optionally Z or ±HH[:MM]
const ISO_LIKE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const NUMERIC = /^[+-]?\d+(?:\.\d+)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function createFormatter(timeZone: string): Intl.DateTimeFormat | undefined {
	try {
		// only the zone's offset is read ('GMT+02:00'): one short format call per instant
		return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
	} catch {
		return undefined; // RangeError: unknown time zone
	}
}

function formatter(timeZone: string, field: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = createFormatter(timeZone);
		if (!f) {
			throw new Ip1InputError(
				field,
				valueTitle('Time zone', timeZone, 'is unknown'),
				"Set the workflow's time zone (Workflow settings → Timezone) to an IANA name, e.g. Europe/Stockholm, or give the time with its offset, e.g. 2026-07-01T14:30:00+02:00.",
			);
		}
		formatters.set(timeZone, f);
	}
	return f;
}

const GMT_OFFSET = /GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?/;

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetMs(ms: number, f: Intl.DateTimeFormat): number {
	const m = GMT_OFFSET.exec(f.format(ms));
	if (!m || m[1] === undefined) return 0;
	const seconds = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
	return (m[1] === '-' ? -seconds : seconds) * 1000;
}

interface Wall {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** A wall-clock time as if it were UTC (setUTCFullYear: years 0–99 stay themselves). */
function wallToUtcMs(w: Wall): number {
	const d = new Date(0);
	d.setUTCFullYear(w.year, w.month - 1, w.day);
	d.setUTCHours(w.hour, w.minute, w.second, 0);
	return d.getTime();
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time (given as if it were UTC) means in a zone.
 * Overlap (clocks turned back): the earlier instant. Gap (clocks turned forward): shifted forward by the gap.
 */
function zonedToUtcMs(localMs: number, f: Intl.DateTimeFormat): number {
	const before = offsetMs(localMs - DAY_MS, f);
	const after = offsetMs(localMs + DAY_MS, f);
	if (before === after) return localMs - before; // no change of offset near this time (nearly always)
	let best = Number.POSITIVE_INFINITY;
	for (const offset of [before, offsetMs(localMs, f), after]) {
		const candidate = localMs - offset;
		if (candidate < best && offsetMs(candidate, f) === offset) best = candidate;
	}
	// in a gap no offset fits: read the time with the offset in force before the change
	return Number.isFinite(best) ? best : localMs - before;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `value` is quoted unless it describes what was given, e.g. '(empty)'. */
function notADate(field: string, value: string, quoted = true): Ip1InputError {
	const problem = 'is not a date and time';
	return new Ip1InputError(field, quoted ? valueTitle(field, value, problem) : `${field} ${value} ${problem}`, DATE_HINT);
}

// Date#toString() / toUTCString() and RFC 2822 texts name their zone, so Date.parse reads them exactly
const EXPLICIT_ZONE_TEXT = /^[A-Za-z]{3},? .*(?:GMT|UTC|[+-]\d{4})/;

function parseIsoLike(text: string, timeZone: string, field: string): number {
	const m = ISO_LIKE.exec(text);
	if (!m) {
		const parsed = EXPLICIT_ZONE_TEXT.test(text) ? Date.parse(text) : Number.NaN;
		if (Number.isFinite(parsed)) return parsed;
		throw notADate(field, text);
	}
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const hour = m[4] === undefined ? 0 : Number(m[4]);
	const minute = m[5] === undefined ? 0 : Number(m[5]);
	const second = m[6] === undefined ? 0 : Number(m[6]);
	const millis = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
		throw new Ip1InputError(
			field,
			valueTitle(field, text, 'is not a valid date and time'),
			`A month, day, hour, minute or second is out of range. ${DATE_HINT}`,
		);
	}
	const localMs = wallToUtcMs({ year, month, day, hour, minute, second }) + millis;
	if (m[8] !== undefined) return localMs;
	if (m[9] !== undefined) {
		const offsetHours = Number(m[10]);
		const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
		if (offsetHours > 18 || offsetMinutes > 59) {
			throw new Ip1InputError(
				field,
				valueTitle(field, text, 'has an invalid UTC offset'),
				`An offset is at most ±18:00, e.g. +02:00. ${DATE_HINT}`,
			);
		}
		const sign = m[9] === '-' ? -1 : 1;
		return localMs - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
	}
	return zonedToUtcMs(localMs, formatter(timeZone, field));
}

function fromNumber(n: number, field: string, written: string, quoted: boolean): number {
	if (!Number.isFinite(n)) throw notADate(field, written, quoted);
	return Math.abs(n) > MS_THRESHOLD ? n : n * 1000;
}

function toMillis(value: unknown, timeZone: string, field: string): number {
	if (typeof value === 'number') return fromNumber(value, field, String(value), false);
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') throw new Ip1InputError(field, `${field} is empty`, `Enter the date and time to send at. ${DATE_HINT}`);
		if (NUMERIC.test(text)) return fromNumber(Number(text), field, text, true);
		return parseIsoLike(text, timeZone, field);
	}
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'object' && value !== null) {
		// duck-typed: Luxon DateTime (n8n expressions) or a Date from another realm
		const candidate = value as { toMillis?: unknown; toISO?: unknown; getTime?: unknown; __isoString?: unknown };
		// n8n 2.x's expression runtime hands a DateTime over as { __n8nType: 'DateTime', __isoString, __zone }
		if (typeof candidate.__isoString === 'string') return parseIsoLike(candidate.__isoString.trim(), timeZone, field);
		if (typeof candidate.getTime === 'function') {
			const ms: unknown = candidate.getTime();
			if (typeof ms === 'number') return ms;
		}
		if (typeof candidate.toMillis === 'function') {
			const ms: unknown = candidate.toMillis();
			if (typeof ms === 'number') return ms;
		}
		if (typeof candidate.toISO === 'function') {
			const iso: unknown = candidate.toISO();
			if (typeof iso === 'string') return parseIsoLike(iso.trim(), timeZone, field);
		}
		throw notADate(field, '(an object)', false);
	}
	if (value === undefined || value === null) throw notADate(field, '(empty)', false);
	throw notADate(field, String(value));
}

/**
 * A date/time from the node's parameters → Unix seconds (UTC), as the gateway's `sendAt` wants.
 * Local times without an offset are read in `timeZone` (the workflow's), summer time included.
 */
export function toUnixSeconds(value: unknown, timeZone: string, field = 'Send At'): number {
	const ms = toMillis(value, timeZone, field);
	if (!Number.isFinite(ms)) throw notADate(field, '(an invalid date)', false);
	const seconds = Math.floor(ms / 1000);
	if (seconds < MIN_UNIX) {
		const year = new Date(ms).getUTCFullYear();
		throw new Ip1InputError(
			field,
			`${field} is in the year ${year}, before 2000`,
			`That is surely a mistake, e.g. a Unix time of 0 or an empty date. ${DATE_HINT}`,
		);
	}
	if (seconds > MAX_UNIX) {
		throw new Ip1InputError(field, `${field} is after the year 9999`, `That is surely a mistake. ${DATE_HINT}`);
	}
	return seconds;
}

function isoUtc(unixSeconds: number): string {
	return new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Refuses a send time that is not in the future. */
export function assertFuture(unixSeconds: number, field = 'Send At', nowMs = Date.now()): void {
	if (unixSeconds * 1000 <= nowMs) {
		throw new Ip1InputError(
			field,
			`${field} ${isoUtc(unixSeconds)} is not in the future`,
			`It is now ${isoUtc(Math.floor(nowMs / 1000))}. Choose a time in the future, or send the message now.`,
		);
	}
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** ISO 8601 with the zone's offset at that instant, e.g. '2026-07-01T14:30:00+02:00'. */
export function formatInZone(unixSeconds: number, timeZone: string): string {
	const ms = Math.floor(unixSeconds) * 1000;
	const offsetMinutes = Math.round(offsetMs(ms, formatter(timeZone, 'Time Zone')) / 60_000);
	const wall = new Date(ms + offsetMinutes * 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return (
		`${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
		`T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
		`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}

const TIDPUNKT = /^(\d{4})-?(\d{2})-?(\d{2})[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?$/;

/** The gateway's `tidpunkt` answer ('yyyy-mm-dd hh:mm:ss', Swedish local time) → ISO with offset; null for '0' or unreadable. */
export function parseStockholmLocal(text: string): { iso: string; unixSeconds: number } | null {
	const m = TIDPUNKT.exec(typeof text === 'string' ? text.trim() : '');
	if (!m) return null;
	const w: Wall = {
		year: Number(m[1]),
		month: Number(m[2]),
		day: Number(m[3]),
		hour: Number(m[4]),
		minute: Number(m[5]),
		second: m[6] === undefined ? 0 : Number(m[6]),
	};
	if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > daysInMonth(w.year, w.month) || w.hour > 23 || w.minute > 59 || w.second > 59) {
		return null;
	}
	const unixSeconds = Math.floor(zonedToUtcMs(wallToUtcMs(w), formatter('Europe/Stockholm', 'Time Zone')) / 1000);
	return { iso: formatInZone(unixSeconds, 'Europe/Stockholm'), unixSeconds };
}
