import { DEFAULT_TTL_MS, SeenIds } from '../../../nodes/Ip1SmsTrigger/seenIds';

describe('SeenIds', () => {
	it('lets an id through once', () => {
		const seen = new SeenIds({ ttlMs: 1000, maxEntries: 10 });
		expect(seen.claim('a')).toBe(true);
		expect(seen.claim('a')).toBe(false);
		expect(seen.claim('b')).toBe(true);
	});

	it('keeps ids for the whole retry window of the gateway (ten retries, 30 minutes apart)', () => {
		expect(DEFAULT_TTL_MS).toBeGreaterThanOrEqual(5.5 * 60 * 60 * 1000);
		let now = 0;
		const seen = new SeenIds({ ttlMs: DEFAULT_TTL_MS, maxEntries: 10, now: () => now });
		expect(seen.claim('id')).toBe(true);
		for (let retry = 1; retry <= 10; retry++) {
			now = retry * 30 * 60 * 1000;
			expect(seen.claim('id')).toBe(false);
		}
	});

	it('forgets an id once its time is up', () => {
		let now = 1_000;
		const seen = new SeenIds({ ttlMs: 500, maxEntries: 10, now: () => now });
		seen.claim('a');
		now += 499;
		expect(seen.claim('a')).toBe(false);
		now += 1;
		expect(seen.claim('a')).toBe(true);
	});

	it('drops expired entries so the memory shrinks', () => {
		let now = 0;
		const seen = new SeenIds({ ttlMs: 100, maxEntries: 1000, now: () => now });
		for (let i = 0; i < 50; i++) seen.claim(`old-${i}`);
		now += 100;
		seen.claim('new');
		expect(seen.size).toBe(1);
	});

	it('stays within its bound, forgetting the oldest first', () => {
		const seen = new SeenIds({ ttlMs: 60_000, maxEntries: 3 });
		for (const id of ['a', 'b', 'c', 'd']) expect(seen.claim(id)).toBe(true);
		expect(seen.size).toBe(3);
		expect(seen.claim('d')).toBe(false);
		expect(seen.claim('b')).toBe(false);
		expect(seen.claim('a')).toBe(true); // evicted by d
	});
});
