import type { IWebhookFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_ENTRIES, DEFAULT_TTL_MS, SeenIds } from './seenIds';

/**
 * Which messages the trigger already started an execution for, so that iP.1's repeats start nothing.
 *
 * The memory is this process's (`SeenIds`): check and set in one synchronous step, so repeats arriving
 * at the same moment cannot both pass. A claim is only final once n8n has answered 2xx (the execution
 * is recorded). A repeat arriving meanwhile waits for that answer; when n8n could not record the
 * execution (it answers 500) the claim is released, so the gateway's next try starts the execution.
 *
 * Nothing is persisted: a restarted n8n, or another webhook process (queue mode), does not know the
 * messages this process took, and a repeat reaching it starts a second execution. Every version 2 item
 * carries `dedupeKey` (versions 1 and 1.1: `incsmsid`) for n8n's Remove Duplicates node, which stops
 * that second execution. Guarantees per path: docs/trigger.md.
 */

/** The part of n8n's (Express) response whose end tells whether the execution was recorded. */
export interface ObservableResponse {
	statusCode?: number;
	once?(event: 'finish' | 'close', listener: () => void): unknown;
}

interface Scope {
	memory: SeenIds;
	/** key → resolves true once n8n answered 2xx to the call that claimed it */
	inFlight: Map<string, Promise<boolean>>;
}

/** Per workflow, node and mode (a test call never uses up an id for production). */
const scopes = new Map<string, Scope>();

function scopeOf(context: IWebhookFunctions): Scope {
	const manual = context.getMode() === 'manual';
	const name = [context.getWorkflow().id ?? '', context.getNode().id, manual ? 'manual' : 'production'].join('\u0000');
	let scope = scopes.get(name);
	if (!scope) {
		scope = { memory: new SeenIds({ ttlMs: DEFAULT_TTL_MS, maxEntries: DEFAULT_MAX_ENTRIES }), inFlight: new Map() };
		scopes.set(name, scope);
	}
	return scope;
}

/** Resolves true when n8n answers 2xx, false when it answers an error; a call the sender gave up on counts as recorded. */
function recorded(response: ObservableResponse): Promise<boolean> {
	if (typeof response.once !== 'function') return Promise.resolve(true);
	return new Promise((resolve) => {
		response.once?.('finish', () => resolve((response.statusCode ?? 200) < 300));
		response.once?.('close', () => resolve(true));
	});
}

export type Claim = 'new' | 'repeat' | 'retryLater';

/**
 * Whether `key` (e.g. `mo:<message id>`) is new for this node in this process: `new` starts an
 * execution, `repeat` is acknowledged, `retryLater` (the first call failed while this one waited) is
 * refused so that the gateway tries again.
 */
export async function claimMessage(context: IWebhookFunctions, key: string, response: ObservableResponse): Promise<Claim> {
	const scope = scopeOf(context);
	const pending = scope.inFlight.get(key);
	if (pending) return (await pending) ? 'repeat' : 'retryLater';
	if (!scope.memory.claim(key)) return 'repeat';

	const settled = recorded(response).then((ok) => {
		scope.inFlight.delete(key);
		if (!ok) scope.memory.release(key);
		return ok;
	});
	scope.inFlight.set(key, settled);
	return 'new';
}
