import { DateTime } from 'luxon';
import { Ip1InputError } from '../../../nodes/Ip1Sms/helpers/errors';
import { inputErrorOf } from './inputErrorOf';
import { assertFuture, formatInZone, parseStockholmLocal, toUnixSeconds } from '../../../nodes/Ip1Sms/helpers/dates';

const SE = 'Europe/Stockholm';
const NY = 'America/New_York';
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

/** Last Sunday of a month (EU summer time changes at 01:00 UTC on the last Sunday of March and October). */
function lastSunday(year: number, month: number): number {
	const last = new Date(Date.UTC(year, month, 0));
	return last.getUTCDate() - last.getUTCDay();
}
function nthSunday(year: number, month: number, n: number): number {
	const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
	return 1 + ((7 - first) % 7) + 7 * (n - 1);
}
const two = (n: number) => String(n).padStart(2, '0');


describe('toUnixSeconds', () => {
	it.each<[string, unknown, string, number]>([
		['Unix seconds', 1782909000, SE, 1782909000],
		['Unix seconds with a fraction', 1782909000.9, SE, 1782909000],
		['milliseconds', 1782909000123, SE, 1782909000],
		['numeric string', '1782909000', SE, 1782909000],
		['numeric string in ms', ' 1782909000123 ', SE, 1782909000],
		['ISO with Z', '2026-07-01T12:30:00Z', SE, utc(2026, 7, 1, 12, 30)],
		['ISO with lower-case z and ms', '2026-07-01t12:30:00.999z', SE, utc(2026, 7, 1, 12, 30)],
		['ISO with offset', '2026-07-01T14:30:00+02:00', NY, utc(2026, 7, 1, 12, 30)],
		['ISO with negative offset', '2026-07-01T08:30:00-04:00', SE, utc(2026, 7, 1, 12, 30)],
		['ISO with offset without colon', '2026-07-01T14:30+0200', SE, utc(2026, 7, 1, 12, 30)],
		['ISO with hour-only offset', '2026-07-01T14:30:00+02', SE, utc(2026, 7, 1, 12, 30)],
		['ISO with half-hour offset', '2026-07-01T18:00:00+05:30', SE, utc(2026, 7, 1, 12, 30)],
		['local, summer, Stockholm', '2026-07-01 14:30', SE, utc(2026, 7, 1, 12, 30)],
		['local with T and seconds', '2026-07-01T14:30:15', SE, utc(2026, 7, 1, 12, 30, 15)],
		['local with ms', '2026-07-01 14:30:15.500', SE, utc(2026, 7, 1, 12, 30, 15)],
		['local, winter, Stockholm', '2026-01-15 08:00:00', SE, utc(2026, 1, 15, 7, 0)],
		['local, UTC', '2026-01-15 08:00', 'UTC', utc(2026, 1, 15, 8, 0)],
		['local, New York summer', '2026-07-01 08:30', NY, utc(2026, 7, 1, 12, 30)],
		['local, New York winter', '2026-01-15 08:00', NY, utc(2026, 1, 15, 13, 0)],
		['date only: midnight local', '2026-07-01', SE, utc(2026, 6, 30, 22, 0)],
		['leap day', '2028-02-29 12:00', 'UTC', utc(2028, 2, 29, 12)],
		['JS Date', new Date(Date.UTC(2026, 6, 1, 12, 30)), SE, utc(2026, 7, 1, 12, 30)],
		['Luxon DateTime', DateTime.fromISO('2026-07-01T14:30:00', { zone: SE }), NY, utc(2026, 7, 1, 12, 30)],
		['object with toISO only', { toISO: () => '2026-07-01T14:30:00+02:00' }, NY, utc(2026, 7, 1, 12, 30)],
		['object with toMillis', { toMillis: () => Date.UTC(2026, 6, 1, 12, 30) }, NY, utc(2026, 7, 1, 12, 30)],
		[
			"n8n 2.x expression DateTime ({{ $now }} reaches the node serialised)",
			{ __n8nType: 'DateTime', __isoString: '2026-07-01T14:30:00.000+02:00', __zone: SE },
			NY,
			utc(2026, 7, 1, 12, 30),
		],
		['Date#toString text', 'Wed Jul 01 2026 14:30:00 GMT+0200 (Central European Summer Time)', NY, utc(2026, 7, 1, 12, 30)],
		['Date#toUTCString text', 'Wed, 01 Jul 2026 12:30:00 GMT', SE, utc(2026, 7, 1, 12, 30)],
	])('%s', (_name, value, zone, expected) => {
		expect(toUnixSeconds(value, zone)).toBe(expected);
	});

	it('reads a local time in the given zone (the same text, three instants)', () => {
		const text = '2026-07-01 12:00';
		expect(toUnixSeconds(text, 'UTC') - toUnixSeconds(text, SE)).toBe(2 * 3600);
		expect(toUnixSeconds(text, NY) - toUnixSeconds(text, 'UTC')).toBe(4 * 3600);
	});

	describe.each([2024, 2025, 2026, 2027, 2030])('Stockholm summer time changes in %i', (year) => {
		const march = lastSunday(year, 3);
		const october = lastSunday(year, 10);
		const day = (m: number, d: number) => `${year}-${two(m)}-${two(d)}`;

		it('spring gap (02:00–03:00 does not exist): shifted forward by the gap', () => {
			expect(toUnixSeconds(`${day(3, march)} 01:59:59`, SE)).toBe(utc(year, 3, march, 0, 59, 59));
			expect(toUnixSeconds(`${day(3, march)} 02:00`, SE)).toBe(utc(year, 3, march, 1, 0));
			expect(toUnixSeconds(`${day(3, march)} 02:30`, SE)).toBe(utc(year, 3, march, 1, 30));
			expect(toUnixSeconds(`${day(3, march)} 03:00`, SE)).toBe(utc(year, 3, march, 1, 0));
			expect(formatInZone(toUnixSeconds(`${day(3, march)} 02:30`, SE), SE)).toBe(`${day(3, march)}T03:30:00+02:00`);
		});

		it('autumn overlap (02:00–03:00 happens twice): the earlier instant', () => {
			expect(toUnixSeconds(`${day(10, october)} 01:59`, SE)).toBe(utc(year, 10, october - 1, 23, 59));
			expect(toUnixSeconds(`${day(10, october)} 02:00`, SE)).toBe(utc(year, 10, october, 0, 0));
			expect(toUnixSeconds(`${day(10, october)} 02:30`, SE)).toBe(utc(year, 10, october, 0, 30));
			expect(toUnixSeconds(`${day(10, october)} 02:59:59`, SE)).toBe(utc(year, 10, october, 0, 59, 59));
			expect(toUnixSeconds(`${day(10, october)} 03:00`, SE)).toBe(utc(year, 10, october, 2, 0));
			// the second 02:30 is reachable with an explicit offset
			expect(toUnixSeconds(`${day(10, october)}T02:30:00+01:00`, SE)).toBe(utc(year, 10, october, 1, 30));
		});
	});

	it('New York: spring gap shifted forward, autumn overlap the earlier instant', () => {
		const year = 2026;
		const march = nthSunday(year, 3, 2);
		const november = nthSunday(year, 11, 1);
		expect(toUnixSeconds(`${year}-03-${two(march)} 02:30`, NY)).toBe(utc(year, 3, march, 7, 30)); // = 03:30 EDT
		expect(formatInZone(toUnixSeconds(`${year}-03-${two(march)} 02:30`, NY), NY)).toBe(`${year}-03-${two(march)}T03:30:00-04:00`);
		expect(toUnixSeconds(`${year}-11-${two(november)} 01:30`, NY)).toBe(utc(year, 11, november, 5, 30)); // EDT, the first one
		expect(toUnixSeconds(`${year}-11-${two(november)} 02:30`, NY)).toBe(utc(year, 11, november, 7, 30)); // EST
	});

	it('reads back every formatted instant exactly, and keeps local times outside gaps', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		for (const zone of [SE, NY, 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
			for (let k = 0; k < 200; k++) {
				const s = utc(2000, 1, 1) + Math.floor(random() * 40 * 365 * 86400);
				const iso = formatInZone(s, zone);
				expect([zone, iso, toUnixSeconds(iso, zone)]).toEqual([zone, iso, s]);
				const local = iso.slice(0, 19);
				const back = toUnixSeconds(local, zone);
				// the local time names s, or (overlap) an earlier instant with the same wall time
				expect([zone, local, formatInZone(back, zone).slice(0, 19)]).toEqual([zone, local, local]);
				expect(back).toBeLessThanOrEqual(s);
				expect(s - back).toBeLessThanOrEqual(3600);
			}
		}
	});

	const HINT =
		'Use an ISO 8601 date and time such as 2026-07-01T14:30:00+02:00, a local time such as 2026-07-01 14:30 (read in the workflow time zone) or Unix seconds.';
	const MISTAKE = `That is surely a mistake, e.g. a Unix time of 0 or an empty date. ${HINT}`;
	const RANGE = `A month, day, hour, minute or second is out of range. ${HINT}`;
	it.each<[string, unknown, string, string]>([
		['text', 'next tuesday', 'Send At "next tuesday" is not a date and time', HINT],
		['long text', 'on the first Tuesday after the next full moon', 'Send At "on the first Tuesday after the nex…" is not a date and time', HINT],
		['empty text', '  ', 'Send At is empty', `Enter the date and time to send at. ${HINT}`],
		['null', null, 'Send At (empty) is not a date and time', HINT],
		['undefined', undefined, 'Send At (empty) is not a date and time', HINT],
		['boolean', true, 'Send At "true" is not a date and time', HINT],
		['NaN', Number.NaN, 'Send At NaN is not a date and time', HINT],
		['Infinity', Number.POSITIVE_INFINITY, 'Send At Infinity is not a date and time', HINT],
		['invalid Date', new Date('nope'), 'Send At (an invalid date) is not a date and time', HINT],
		['invalid Luxon DateTime', DateTime.fromISO('nope'), 'Send At (an invalid date) is not a date and time', HINT],
		['plain object', { a: 1 }, 'Send At (an object) is not a date and time', HINT],
		['zero', 0, 'Send At is in the year 1970, before 2000', MISTAKE],
		['1999', '1999-12-31T23:59:59Z', 'Send At is in the year 1999, before 2000', MISTAKE],
		['month 13', '2026-13-01 10:00', 'Send At "2026-13-01 10:00" is not a valid date and time', RANGE],
		['30 February', '2026-02-30 10:00', 'Send At "2026-02-30 10:00" is not a valid date and time', RANGE],
		['29 February in a common year', '2027-02-29 10:00', 'Send At "2027-02-29 10:00" is not a valid date and time', RANGE],
		['hour 24', '2026-07-01 24:00', 'Send At "2026-07-01 24:00" is not a valid date and time', RANGE],
		['minute 60', '2026-07-01 10:60', 'Send At "2026-07-01 10:60" is not a valid date and time', RANGE],
		[
			'offset 19 hours',
			'2026-07-01T10:00:00+19:00',
			'Send At "2026-07-01T10:00:00+19:00" has an invalid UTC offset',
			`An offset is at most ±18:00, e.g. +02:00. ${HINT}`,
		],
		['a local text Date.parse would guess', '07/01/2026 14:30', 'Send At "07/01/2026 14:30" is not a date and time', HINT],
		['far future', 1e15 * 1000, 'Send At is after the year 9999', `That is surely a mistake. ${HINT}`],
	])('refuses %s: short title, how to fix in the description', (_name, value, title, description) => {
		const error = inputErrorOf(() => toUnixSeconds(value, SE));
		expect(error.field).toBe('Send At');
		expect(error.message).toBe(title);
		expect(error.hint).toBe(description);
	});

	it('names the field it is given, and refuses an unknown time zone', () => {
		expect(inputErrorOf(() => toUnixSeconds('soon', SE, 'Schedule')).message).toBe('Schedule "soon" is not a date and time');
		const zone = inputErrorOf(() => toUnixSeconds('2026-07-01 10:00', 'Mars/Olympus'));
		expect(zone.message).toBe('Time zone "Mars/Olympus" is unknown');
		expect(zone.hint).toBe(
			"Set the workflow's time zone (Workflow settings → Timezone) to an IANA name, e.g. Europe/Stockholm, or give the time with its offset, e.g. 2026-07-01T14:30:00+02:00.",
		);
		// a time with an offset needs no zone
		expect(toUnixSeconds('2026-07-01T10:00:00Z', 'Mars/Olympus')).toBe(utc(2026, 7, 1, 10));
	});

	it('converts 10,000 local times quickly', () => {
		const started = performance.now();
		for (let k = 0; k < 10000; k++) toUnixSeconds(`2026-${two(1 + (k % 12))}-${two(1 + (k % 28))} ${two(k % 24)}:30`, SE);
		expect(performance.now() - started).toBeLessThan(1500);
	});
});

describe('assertFuture', () => {
	const now = Date.UTC(2026, 6, 1, 12, 0, 0);
	it('accepts a time after now', () => {
		expect(() => assertFuture(now / 1000 + 1, 'Send At', now)).not.toThrow();
	});
	it.each([
		['now', now / 1000],
		['one second ago', now / 1000 - 1],
		['long ago', utc(2001, 1, 1)],
	])('refuses %s, naming the time in ISO', (_name, s) => {
		const error = inputErrorOf(() => assertFuture(s, 'Send At', now));
		expect(error.field).toBe('Send At');
		expect(error.message).toBe(`Send At ${new Date(s * 1000).toISOString().replace('.000Z', 'Z')} is not in the future`);
		expect(error.hint).toBe('It is now 2026-07-01T12:00:00Z. Choose a time in the future, or send the message now.');
	});
	it('uses the clock by default', () => {
		expect(() => assertFuture(Math.floor(Date.now() / 1000) - 5)).toThrow(Ip1InputError);
		expect(() => assertFuture(Math.floor(Date.now() / 1000) + 3600)).not.toThrow();
	});
});

describe('formatInZone', () => {
	it.each([
		[utc(2026, 7, 1, 12, 30), SE, '2026-07-01T14:30:00+02:00'],
		[utc(2026, 1, 15, 7, 0, 5), SE, '2026-01-15T08:00:05+01:00'],
		[utc(2026, 7, 1, 12, 30), 'UTC', '2026-07-01T12:30:00+00:00'],
		[utc(2026, 7, 1, 12, 30), NY, '2026-07-01T08:30:00-04:00'],
		[utc(2026, 1, 1, 0, 0), NY, '2025-12-31T19:00:00-05:00'],
		[utc(2026, 7, 1, 12, 30), 'Asia/Kolkata', '2026-07-01T18:00:00+05:30'],
		[utc(2026, 7, 1, 12, 30), 'America/St_Johns', '2026-07-01T10:00:00-02:30'],
		[utc(2026, 7, 1, 0, 0), SE, '2026-07-01T02:00:00+02:00'],
		[utc(2026, 6, 30, 22, 0), SE, '2026-07-01T00:00:00+02:00'], // midnight is 00, not 24
	])('%i in %s → %s', (s, zone, expected) => {
		expect(formatInZone(s, zone)).toBe(expected);
	});

	it('agrees with Luxon', () => {
		for (let s = utc(2024, 1, 1); s < utc(2031, 1, 1); s += 86400 * 3 + 3917) {
			for (const zone of [SE, NY]) {
				expect(formatInZone(s, zone)).toBe(DateTime.fromSeconds(s, { zone }).toISO({ suppressMilliseconds: true }));
			}
		}
	});
});

describe('parseStockholmLocal', () => {
	it.each([
		['2026-07-01 14:30:00', '2026-07-01T14:30:00+02:00', utc(2026, 7, 1, 12, 30)],
		['2026-01-15 08:00:00', '2026-01-15T08:00:00+01:00', utc(2026, 1, 15, 7, 0)],
		['  2026-12-24 15:00:00\n', '2026-12-24T15:00:00+01:00', utc(2026, 12, 24, 14, 0)],
		['2026-0701 14:30:00', '2026-07-01T14:30:00+02:00', utc(2026, 7, 1, 12, 30)], // the Swedish manual's 'yyyy-mmdd'
		['2026-07-01T14:30:00', '2026-07-01T14:30:00+02:00', utc(2026, 7, 1, 12, 30)],
		['2026-07-01 14:30', '2026-07-01T14:30:00+02:00', utc(2026, 7, 1, 12, 30)],
		['2026-07-01 9:05:00', '2026-07-01T09:05:00+02:00', utc(2026, 7, 1, 7, 5)],
		['2026-10-25 02:30:00', '2026-10-25T02:30:00+02:00', utc(2026, 10, 25, 0, 30)], // overlap: the earlier
		['2026-03-29 02:30:00', '2026-03-29T03:30:00+02:00', utc(2026, 3, 29, 1, 30)], // gap: forward
	])('%j → %s', (text, iso, unixSeconds) => {
		expect(parseStockholmLocal(text)).toEqual({ iso, unixSeconds });
	});

	it.each(['0', '', ' 0 ', 'x', '2026-13-01 10:00:00', '2026-02-30 10:00:00', '2026-07-01 25:00:00', '1782909000'])(
		'%j → null',
		(text) => {
			expect(parseStockholmLocal(text)).toBeNull();
		},
	);
});
