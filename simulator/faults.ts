import type { FaultKind, FaultSpec, ServiceName } from './types';

export const FAULT_KINDS: FaultKind[] = ['delay', 'resetBefore', 'resetAfter', 'http500', 'http503', 'malformedXml', 'emptyBody', 'truncatedBody'];
const DEFAULT_DELAY_MS = 1000;

export interface FaultDecision {
	delayMs: number;
	/** the one non-delay fault to apply, if any */
	kind?: Exclude<FaultKind, 'delay'>;
}

/** Scripted faults: the first matching entries win; counted ones are used up. */
export class Faults {
	private list: FaultSpec[] = [];

	set(f: FaultSpec): void {
		if (!f || !FAULT_KINDS.includes(f.kind)) {
			throw new Error(`unknown fault kind ${JSON.stringify(f?.kind)}; one of ${FAULT_KINDS.join(', ')}`);
		}
		if (f.service !== undefined && !['sms', 'mms', 'url'].includes(f.service)) {
			throw new Error(`unknown service ${JSON.stringify(f.service)}; one of sms, mms, url`);
		}
		if (f.count !== undefined && !(Number.isInteger(f.count) && f.count > 0)) throw new Error('count must be a positive integer');
		if (f.delayMs !== undefined && !(Number.isFinite(f.delayMs) && f.delayMs >= 0)) throw new Error('delayMs must be a number ≥ 0');
		this.list.push({ ...f });
	}

	clear(): void {
		this.list = [];
	}

	get active(): boolean {
		return this.list.length > 0;
	}

	snapshot(): FaultSpec[] {
		return this.list.map((f) => ({ ...f }));
	}

	/** Decides (and uses up) the faults for one request; every matching delay adds up. */
	take(service: ServiceName, operation: string): FaultDecision {
		const decision: FaultDecision = { delayMs: 0 };
		if (this.list.length === 0) return decision;
		const op = operation.toLowerCase();
		for (const f of this.list) {
			if (f.service !== undefined && f.service !== service) continue;
			if (f.operation !== undefined && f.operation.toLowerCase() !== op) continue;
			if (f.kind === 'delay') decision.delayMs += f.delayMs ?? DEFAULT_DELAY_MS;
			else if (decision.kind) continue;
			else decision.kind = f.kind;
			if (f.count !== undefined) f.count--;
		}
		this.list = this.list.filter((f) => f.count === undefined || f.count > 0);
		return decision;
	}
}
