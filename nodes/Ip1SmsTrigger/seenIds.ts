/**
 * Bounded memory of callback ids already taken, so that the gateway's repeats of one incoming
 * SMS start one execution. Entries expire after `ttlMs`; beyond `maxEntries` the oldest go first.
 * Claims are synchronous (check and set in one step), so repeats arriving at the same moment
 * cannot both win.
 */

export interface SeenIdsOptions {
	ttlMs: number;
	maxEntries: number;
	now?: () => number;
}

/** The gateway retries every 30 minutes, ten times: five hours. Keep six. */
export const DEFAULT_TTL_MS = 6 * 60 * 60 * 1000;
export const DEFAULT_MAX_ENTRIES = 50_000;

export class SeenIds {
	/** key → expiry time; a Map keeps insertion order, and with one TTL that is expiry order */
	private readonly expiries = new Map<string, number>();

	private readonly ttlMs: number;

	private readonly maxEntries: number;

	private readonly now: () => number;

	constructor(options: SeenIdsOptions) {
		this.ttlMs = options.ttlMs;
		this.maxEntries = Math.max(1, options.maxEntries);
		this.now = options.now ?? (() => Date.now());
	}

	/** true when `key` was not yet taken (it is taken now); false for a repeat. */
	claim(key: string): boolean {
		const now = this.now();
		this.evictExpired(now);
		const expiry = this.expiries.get(key);
		if (expiry !== undefined && expiry > now) return false;
		while (this.expiries.size >= this.maxEntries) {
			const oldest = this.expiries.keys().next().value as string;
			this.expiries.delete(oldest);
		}
		this.expiries.set(key, now + this.ttlMs);
		return true;
	}

	/** Forgets `key` (its execution was not recorded: a repeat must be able to start it). */
	release(key: string): void {
		this.expiries.delete(key);
	}

	get size(): number {
		return this.expiries.size;
	}

	private evictExpired(now: number): void {
		for (const [key, expiry] of this.expiries) {
			if (expiry > now) break;
			this.expiries.delete(key);
		}
	}
}
