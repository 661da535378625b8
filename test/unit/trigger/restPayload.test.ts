/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import fs from 'node:fs';
import path from 'node:path';

import { readRestPayload } from '../../../nodes/Ip1SmsTrigger/rest/payload';

const now = '2026-11-30T12:00:00.000Z';

// The contract's message document (docs) as an incoming SMS, and a delivery report (docs)
const incoming = {
	id: '5bcf4324ee47dee41a9dbb13',
	batchId: '5bc86b6e85c7209830f96936',
	owner: 'ip1-12345',
	sender: '46701234567',
	recipient: '46709876543',
	body: 'Hej på dig 😀',
	direction: 'mo',
	segments: 1,
	type: 'sms',
	datacoding: 'ucs',
	modified: '2026-11-30T10:00:05Z',
	statuses: [{ code: 201, duration: 1, created: '2026-11-30T10:00:04Z' }],
};
const report = {
	id: '5bcf4324ee47dee41a9dbb14',
	batchId: '5bc86b6e85c7209830f96936',
	recipient: '46701234567',
	code: 201,
	duration: 1,
	created: '2026-11-30T10:00:05Z',
	segments: 2,
	price: 0.0416,
	currency: 'EUR',
	reference: 'order-1234',
};

describe('REST webhook payloads', () => {
	it('reads an incoming SMS into the documented output', () => {
		expect(readRestPayload(incoming, now)).toEqual({
			ok: true,
			event: 'incomingSms',
			dedupeKey: 'mo:5bcf4324ee47dee41a9dbb13',
			item: {
				event: 'incomingSms',
				messageId: '5bcf4324ee47dee41a9dbb13',
				batchId: '5bc86b6e85c7209830f96936',
				sender: '46701234567',
				to: '46709876543',
				text: 'Hej på dig 😀',
				segments: 1,
				receivedAt: '2026-11-30T10:00:04.000Z',
			},
		});
	});

	it('reads a delivery report into the documented output', () => {
		expect(readRestPayload(report, now)).toEqual({
			ok: true,
			event: 'deliveryReport',
			dedupeKey: 'dr:5bcf4324ee47dee41a9dbb14:201',
			item: {
				event: 'deliveryReport',
				messageId: '5bcf4324ee47dee41a9dbb14',
				batchId: '5bc86b6e85c7209830f96936',
				to: '46701234567',
				statusCode: 201,
				status: 'DeliveredToHandset',
				state: 'delivered',
				statusAt: '2026-11-30T10:00:05.000Z',
				segments: 2,
				price: 0.0416,
				currency: 'EUR',
				reference: 'order-1234',
			},
		});
	});

	it('takes the message id of a delivery report under either key', () => {
		const { id, ...rest } = report;
		const older = readRestPayload({ ...rest, messageId: id }, now);
		const both = readRestPayload({ ...rest, id, messageId: id }, now);
		expect(older).toEqual(readRestPayload(report, now));
		expect(both).toEqual(readRestPayload(report, now));
	});

	it('reads numbers given as strings and enums given as integers', () => {
		const asStrings = readRestPayload(
			{ ...report, code: '201', segments: '2', price: '0.0416' },
			now,
		);
		expect(asStrings).toEqual(readRestPayload(report, now));
		// the portal's schema numbers direction, type and datacoding
		const numbered = readRestPayload(
			{ ...incoming, direction: 1, type: 1, datacoding: 2, segments: '1' },
			now,
		);
		expect(numbered.ok && numbered.item).toEqual(
			(readRestPayload(incoming, now) as { item: unknown }).item,
		);
	});

	it("reads the enums and the currency as iP.1's examples write them (MT, SMS, GSM, sek)", () => {
		expect(readRestPayload({ ...report, currency: 'eur' }, now)).toEqual(readRestPayload(report, now));
		const vendor = readRestPayload({ ...incoming, direction: 'MO', type: 'SMS', datacoding: 'GSM' }, now);
		expect(vendor.ok && vendor.item).toEqual((readRestPayload(incoming, now) as { item: unknown }).item);
	});

	it('ignores unknown extra fields', () => {
		const extra = { futureField: { nested: [1, 2] }, mcc: '240', mnc: '08', tags: ['x'] };
		expect(readRestPayload({ ...report, ...extra }, now)).toEqual(readRestPayload(report, now));
		expect(readRestPayload({ ...incoming, ...extra }, now)).toEqual(readRestPayload(incoming, now));
	});

	it('reads a time without offset as UTC and fills in a missing one', () => {
		const noOffset = readRestPayload({ ...report, created: '2019-11-01T16:32:18.253' }, now);
		expect(noOffset.ok && noOffset.item.statusAt).toBe('2019-11-01T16:32:18.253Z');
		const missing = readRestPayload({ ...report, created: undefined }, now);
		expect(missing.ok && missing.item.statusAt).toBe(now);
	});

	it.each([
		[101, 'Accepted', 'pending'],
		[113, 'DeliveredToGSM', 'pending'],
		[202, 'Expired', 'expired'],
		[203, 'Canceled', 'cancelled'],
		[403, 'SenderRejected', 'rejected'],
		[406, 'Blacklisted', 'rejected'],
		[407, 'Rejected (code 407)', 'rejected'],
		[512, 'Error (code 512)', 'failed'],
		[150, 'Pending (code 150)', 'pending'],
		// final, but iP.1 does not say the phone got it: the action node's state for it too
		[299, 'Final (code 299)', 'failed'],
	])('names code %s %s, state %s (a code outside the table keeps its class)', (code, status, state) => {
		const reading = readRestPayload({ ...report, code }, now);
		expect(reading.ok && [reading.item.status, reading.item.state]).toEqual([status, state]);
		expect(reading.ok && reading.dedupeKey).toBe(`dr:${report.id}:${code}`);
	});

	it('gives one dedupe key per message and status code, another for an incoming SMS with the same id', () => {
		const keys = [
			readRestPayload(report, now),
			readRestPayload({ ...report, code: 113 }, now),
			readRestPayload({ ...incoming, id: report.id }, now),
		].map((reading) => reading.ok && reading.dedupeKey);
		expect(new Set(keys).size).toBe(3);
	});

	it.each([
		['an array', [report]],
		['a string', 'OK'],
		['null', null],
		['an empty object', {}],
		['a report without an id', { ...report, id: undefined }],
		['a report with a text code', { ...report, code: 'delivered' }],
		['a report with an impossible code', { ...report, code: 999 }],
		['an incoming SMS without a sender', { ...incoming, sender: '' }],
		['an incoming SMS without an id', { ...incoming, id: undefined }],
		['an outgoing message document without a code', { ...incoming, direction: 'mt' }],
	])('refuses %s', (_what, body) => {
		expect(readRestPayload(body, now)).toMatchObject({ ok: false, problem: expect.any(String) });
	});
});

it("a delivery report carries the names of the action node's outputs (its output schemas)", () => {
	const dir = path.resolve(__dirname, '../../../nodes/Ip1Sms/__schema__/v2.0.0');
	const names = new Set<string>();
	for (const resource of fs.readdirSync(dir)) {
		for (const file of fs.readdirSync(path.join(dir, resource))) {
			const schema = JSON.parse(fs.readFileSync(path.join(dir, resource, file), 'utf8'));
			for (const key of Object.keys(schema.properties ?? schema.items?.properties ?? {})) names.add(key);
		}
	}
	const read = readRestPayload(report, now);
	if (!read.ok) throw new Error(read.problem);
	const triggerOnly = ['event', 'dedupeKey'];
	expect(Object.keys(read.item).filter((k) => !triggerOnly.includes(k) && !names.has(k))).toEqual([]);
});
