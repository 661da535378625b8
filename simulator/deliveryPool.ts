/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The gateway's own delivery workers: at most `limit` callbacks and webhooks (SOAP and REST together) in
// flight at once; the rest wait their turn. A real gateway sends from a bounded pool; without a bound, a
// short retry interval turns thousands of waiting messages into a flood at a restarting receiver.

export class DeliveryPool {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private readonly limit = Infinity) {
		if (!(limit >= 1)) throw new Error('deliveryConcurrency must be a number ≥ 1');
	}

	async run<T>(attempt: () => Promise<T>): Promise<T> {
		if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
		else this.active++;
		try {
			return await attempt();
		} finally {
			const next = this.waiting.shift();
			if (next) next(); // the slot passes on: active stays
			else this.active--;
		}
	}

	/** In flight, waiting: for the web view and tests. */
	get load(): { active: number; waiting: number } {
		return { active: this.active, waiting: this.waiting.length };
	}
}
