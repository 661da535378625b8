import type { FaultKind, FaultSpec, ServiceName, WebhookFaultKind } from './types';

export const FAULT_KINDS: (FaultKind | WebhookFaultKind)[] = ['delay', 'resetBefore', 'resetAfter', 'http500', 'http503', 'malformedXml', 'emptyBody', 'truncatedBody', 'webhookStatus'];
const DEFAULT_DELAY_MS = 1000;

export interface FaultDecision {
	delayMs: number;
	/** the one non-delay fault to apply, if any */
	kind?: Exclude<FaultKind, 'delay'>;
}

/** The method and path of a REST request, for faults that name them. */
export interface RestTarget {
	method: string;
	path: string;
}

function pathMatches(pattern: string, path: string): boolean {
	const re = new RegExp(`^${pattern.replace(/\/+$/, '').split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}/?$`, 'i');
	return re.test(path);
}

/** Scripted faults: the first matching entries win; counted ones are used up. */
export class Faults {
	private list: FaultSpec[] = [];

	set(f: FaultSpec): void {
		if (!f || !FAULT_KINDS.includes(f.kind)) {
			throw new Error(`unknown fault kind ${JSON.stringify(f?.kind)}; one of ${FAULT_KINDS.join(', ')}`);
		}
		if (f.service !== undefined && !['sms', 'mms', 'url', 'rest'].includes(f.service)) {
			throw new Error(`unknown service ${JSON.stringify(f.service)}; one of sms, mms, url, rest`);
		}
		if (f.kind === 'webhookStatus' && !(Number.isInteger(f.status) && f.status! >= 100 && f.status! <= 599)) {
			throw new Error('webhookStatus needs status: an HTTP status 100–599');
		}
		if (f.webhook !== undefined && f.webhook !== 'deliveryReport' && f.webhook !== 'incoming') {
			throw new Error('webhook must be deliveryReport or incoming');
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
	take(service: ServiceName, operation: string, rest?: RestTarget): FaultDecision {
		const decision: FaultDecision = { delayMs: 0 };
		if (this.list.length === 0) return decision;
		const op = operation.toLowerCase();
		for (const f of this.list) {
			if (f.kind === 'webhookStatus') continue;
			if (f.service !== undefined && f.service !== service) continue;
			if (f.operation !== undefined && f.operation.toLowerCase() !== op) continue;
			if (f.method !== undefined && f.method.toUpperCase() !== rest?.method.toUpperCase()) continue;
			if (f.path !== undefined && !(rest && pathMatches(f.path, rest.path))) continue;
			if (f.kind === 'delay') decision.delayMs += f.delayMs ?? DEFAULT_DELAY_MS;
			else if (decision.kind) continue;
			else decision.kind = f.kind;
			if (f.count !== undefined) f.count--;
		}
		this.list = this.list.filter((f) => f.count === undefined || f.count > 0);
		return decision;
	}

	/** The status a webhook answer is to be read as (and uses the fault up), if a webhookStatus fault applies. */
	takeWebhook(webhook: 'deliveryReport' | 'incoming'): number | undefined {
		const f = this.list.find((x) => x.kind === 'webhookStatus' && (x.webhook === undefined || x.webhook === webhook));
		if (!f) return undefined;
		if (f.count !== undefined && --f.count <= 0) this.list = this.list.filter((x) => x !== f);
		return f.status;
	}
}
