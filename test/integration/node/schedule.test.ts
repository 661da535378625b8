import { items, startGateway, type Gateway } from './gateway';

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway({ failSuffixes: { gsm: '5151', phone: '5252' } });
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

/** A wall-clock time in a zone, as the n8n date picker stores it (no offset). */
function localTime(date: Date, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
			.formatToParts(date)
			.map((p) => [p.type, p.value]),
	);
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

const schedule = (sendAt: string | number) => ({
	resource: 'sms',
	operation: 'schedule',
	to: '46701234567',
	from: 'Clinic',
	message: 'Reminder: your appointment is tomorrow',
	sendAt,
});

describe('SMS → Schedule, Get Scheduled Time, Cancel, Get Status', () => {
	it('reads Send At in the workflow time zone and sends Unix seconds', async () => {
		const when = new Date(Math.ceil((Date.now() + 3 * 86400_000) / 1000) * 1000);
		for (const timeZone of ['Europe/Stockholm', 'America/New_York']) {
			gw.sim.reset();
			const result = await gw.run(schedule(localTime(when, timeZone)), { timezone: timeZone });
			expect(result.error).toBeUndefined();
			const out = result.items[0].json;
			expect(out.sendAtUnix).toBe(when.getTime() / 1000);
			const stored = gw.sim.state().messages[0];
			expect(stored.sendAt).toBe(when.getTime() / 1000);
			expect(stored.status).toBe(11);
		}
	});

	it('accepts Unix seconds and ISO strings with offset, refuses the past and non-dates before sending', async () => {
		const future = Math.floor(Date.now() / 1000) + 7200;
		const unix = await gw.run(schedule(future));
		expect(unix.items[0].json.sendAtUnix).toBe(future);
		const iso = await gw.run(schedule(new Date(future * 1000).toISOString()));
		expect(iso.items[0].json.sendAtUnix).toBe(future);
		const past = await gw.run(schedule('2020-01-01T10:00:00'));
		expect(past.error?.message).toMatch(/Send At/);
		expect(past.error?.message).toMatch(/\[item 0\]/);
		const nonsense = await gw.run(schedule('next tuesday-ish'));
		expect(nonsense.error?.message).toMatch(/Send At/);
		expect(gw.sim.state().accepted).toBe(2);
	});

	it('answers the scheduled time as Swedish local time with the right offset, then cancels', async () => {
		// a summer and a winter instant, both in the future
		const year = new Date().getUTCFullYear() + 1;
		const summer = Date.UTC(year, 6, 1, 12, 30) / 1000; // 14:30 in Stockholm (+02:00)
		const winter = Date.UTC(year, 0, 15, 12, 30) / 1000; // 13:30 in Stockholm (+01:00)
		for (const [unix, local, offset] of [
			[summer, `${year}-07-01 14:30:00`, '+02:00'],
			[winter, `${year}-01-15 13:30:00`, '+01:00'],
		] as const) {
			const sent = await gw.run(schedule(unix));
			const id = sent.items[0].json.id as string;
			const time = await gw.run({ resource: 'sms', operation: 'getScheduledTime', smsId: id });
			expect(time.items[0].json).toEqual({
				id,
				scheduled: true,
				gatewayTime: local,
				sendAt: `${local.replace(' ', 'T')}${offset}`,
				sendAtUnix: unix,
			});
			const cancelled = await gw.run({ resource: 'sms', operation: 'cancel', smsId: id });
			expect(cancelled.items[0].json).toEqual({ id, cancelled: true });
			const status = await gw.run({ resource: 'sms', operation: 'getStatus', smsId: id });
			expect(status.items[0].json).toMatchObject({ id, code: 12, final: 'cancelled' });
			const again = await gw.run({ resource: 'sms', operation: 'cancel', smsId: id });
			expect(again.error?.message).toBe(`iP.1 could not cancel SMS ${id}: nothing to cancel (code 110)`);
			expect(again.error?.description).toBe('It was sent or cancelled already, or the ID is wrong. Check it with Get Status.');
		}
	});

	it('Get Scheduled Time of an unscheduled SMS says so', async () => {
		const sent = await gw.run({ resource: 'sms', operation: 'send', to: '46701234567', from: 'Clinic', message: 'now' });
		const id = sent.items[0].json.id as string;
		const time = await gw.run({ resource: 'sms', operation: 'getScheduledTime', smsId: id });
		expect(time.items[0].json).toEqual({ id, scheduled: false, gatewayTime: '0' });
	});

	it('Get Status reports delivered and failed messages with a final state', async () => {
		const sent = await gw.run(
			{ resource: 'sms', operation: 'send', to: '={{ $json.to }}', from: 'Clinic', message: 'hi' },
			{ input: items({ to: '46701234567' }, { to: '46701235151' }, { to: '46701235252' }) },
		);
		const ids = sent.items.map((i) => ({ id: i.json.id }));
		const status = await gw.run({ resource: 'sms', operation: 'getStatus', smsId: '={{ $json.id }}' }, { input: items(...ids) });
		expect(status.items.map((i) => [i.json.code, i.json.final])).toEqual([
			[22, 'delivered'],
			[51, 'failed'],
			[52, 'failed'],
		]);
		expect(status.items[0].json.status).toBe('Delivered to the phone');
	});

	it('refuses an id below 1000 (a status code) without calling the gateway', async () => {
		const result = await gw.run({ resource: 'sms', operation: 'getStatus', smsId: '22' });
		expect(result.error?.message).toBe('SMS ID "22" is a status code, not an ID [item 0]');
		expect(result.error?.description).toBe('Map the ID from the output of the send (a number of 1000 or more).');
		expect(gw.sim.state().requestCount).toBe(0);
	});
});
