// readHistory parses each status time once and isoUtc remembers recent times: the same statuses in the
// same order as parsing in the comparator (the code before), over many random histories.
import { isoUtc, readHistory, type Doc } from '../../../../nodes/Ip1Sms/gateway/rest/documents';
import type { MessageStatus } from '../../../../nodes/Ip1Sms/gateway/types';

/** The order before: every comparison parsed both times again. */
function sortedBefore(list: MessageStatus[]): MessageStatus[] {
	if (!list.every((s) => s.at && !Number.isNaN(Date.parse(s.at)))) return list;
	return list
		.map((s, i) => ({ s, i }))
		.sort((a, b) => Date.parse(b.s.at as string) - Date.parse(a.s.at as string) || a.i - b.i)
		.map(({ s }) => s);
}

const TIMES = ['2026-11-30T19:49:57Z', '2026-11-30T19:49:56Z', '2026-11-30 20:49:57+01:00', '2026-11-30T19:49:57.500Z', '2026-11-30 19:49', 'soon', '', undefined, '2026-12-01'];

let seed = 15;
const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);

describe('readHistory', () => {
	it('orders 2,000 random histories as before', () => {
		for (let n = 0; n < 2000; n++) {
			const statuses = Array.from({ length: random(6) }, () => ({ code: [101, 103, 201, 405][random(4)], created: TIMES[random(TIMES.length)] }));
			const doc: Doc = { id: `m${n}`, statuses };
			// each entry read alone: the list before sorting
			const unsorted = statuses.flatMap((s) => readHistory({ statuses: [s] }));
			expect(readHistory(doc)).toEqual(sortedBefore(unsorted));
		}
	});
});

describe('isoUtc', () => {
	it('gives the same answer from memory as fresh, beyond the memory size', () => {
		const values = Array.from({ length: 600 }, (_, i) => `2026-11-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:${String(i % 60).padStart(2, '0')}${i % 3 ? 'Z' : '+02:00'}`);
		const first = values.map(isoUtc);
		const again = values.map(isoUtc);
		expect(again).toEqual(first);
		expect(first[1]).toBe('2026-11-02T01:00:01.000Z');
		expect(first[0]).toBe('2026-10-31T22:00:00.000Z');
		expect(isoUtc(' 2026-11-30T19:49:57Z ')).toBe('2026-11-30T19:49:57.000Z');
	});
});
