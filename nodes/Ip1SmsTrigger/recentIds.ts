import { sleep, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_ENTRIES, DEFAULT_TTL_MS, SeenIds } from './seenIds';

/**
 * Which messages the trigger already started an execution for, so that iP.1's repeats start nothing.
 *
 * Two memories. This process's (`SeenIds`): check and set in one synchronous step, so repeats
 * arriving at the same moment cannot both pass. And the workflow's static data, which n8n saves to
 * its database once it has recorded the execution (before it answers), so that a restarted n8n or
 * another webhook process (queue mode) knows the messages of the gateway's retry window.
 *
 * n8n reads the static data when a call starts and saves it as a whole object after recording the
 * execution, so concurrent calls (in one process or several) overwrite each other's saves. What a
 * call saves is therefore computed when n8n saves it (`toJSON`), not when the call starts: every
 * message this process knows to be recorded (its own, and every key it has read from the database)
 * plus the call's own. A key is only written once its execution is recorded, so a saved key never
 * stands for a message that has no execution. Limits across processes: docs/queue-mode.md.
 *
 * A claim is only final once n8n has answered 2xx (the execution is recorded). A repeat arriving
 * meanwhile waits for that answer; when n8n could not record the execution (it answers 500) the
 * claim is released, so the gateway's next try starts the execution. Limits: docs/trigger.md.
 */

/** The part of n8n's (Express) response whose end tells whether the execution was recorded. */
export interface ObservableResponse {
	statusCode?: number;
	once?(event: 'finish' | 'close', listener: () => void): unknown;
}

/** Keys kept in the static data: the messages in flight around a crash and well beyond. */
export const PERSISTED_MAX = 500;

const STATIC_KEY = 'recentMessages';

type Persisted = Record<string, number>;

interface Scope {
	memory: SeenIds;
	/** key → expiry: messages known to be recorded (this process's answered 2xx, and every key read from the static data) */
	recorded: Map<string, number>;
	/** key → resolves true once n8n answered 2xx to the call that claimed it */
	inFlight: Map<string, Promise<boolean>>;
}

/** Per workflow, node and mode (a test call never uses up an id for production). */
const scopes = new Map<string, Scope>();

function scopeOf(context: IWebhookFunctions, manual: boolean): Scope {
	const name = [context.getWorkflow().id ?? '', context.getNode().id, manual ? 'manual' : 'production'].join('\u0000');
	let scope = scopes.get(name);
	if (!scope) {
		scope = { memory: new SeenIds({ ttlMs: DEFAULT_TTL_MS, maxEntries: DEFAULT_MAX_ENTRIES }), recorded: new Map(), inFlight: new Map() };
		scopes.set(name, scope);
	}
	return scope;
}

function persistedOf(staticData: IDataObject, now: number): Persisted {
	const stored = staticData[STATIC_KEY];
	const result: Persisted = {};
	if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return result;
	for (const [key, expiry] of Object.entries(stored as Record<string, unknown>)) {
		if (typeof expiry === 'number' && expiry > now) result[key] = expiry;
	}
	return result;
}

/** The newest `PERSISTED_MAX` entries. */
function bounded(entries: Persisted): Persisted {
	const sorted = Object.entries(entries).sort((a, b) => a[1] - b[1]);
	return Object.fromEntries(sorted.slice(-PERSISTED_MAX));
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
 * Whether `key` (e.g. `mo:<message id>`) is new for this node: `new` starts an execution,
 * `repeat` is acknowledged, `retryLater` (the first call failed while this one waited) is refused
 * so that the gateway tries again. Manual (test) calls are not persisted.
 */
export async function claimMessage(
	context: IWebhookFunctions,
	key: string,
	response: ObservableResponse,
	now = Date.now(),
): Promise<Claim> {
	const manual = context.getMode() === 'manual';
	const scope = scopeOf(context, manual);
	const pending = scope.inFlight.get(key);
	if (pending) return (await pending) ? 'repeat' : 'retryLater';
	if (!scope.memory.claim(key)) return 'repeat';

	const settled = recorded(response).then((ok) => {
		scope.inFlight.delete(key);
		if (ok) {
			if (!manual) remember(scope, { [key]: now + DEFAULT_TTL_MS }, Date.now());
		} else scope.memory.release(key);
		return ok;
	});
	scope.inFlight.set(key, settled);
	if (manual) return 'new';

	const staticData = context.getWorkflowStaticData('node');
	const persisted = persistedOf(staticData, now);
	remember(scope, persisted, now);
	// also a key read by an earlier call whose save a concurrent one has since overwritten
	if ((scope.recorded.get(key) ?? 0) > now) {
		scope.inFlight.delete(key);
		return 'repeat';
	}
	const value = savedAtSaveTime(scope, key, now + DEFAULT_TTL_MS);
	staticData[STATIC_KEY] = value;
	markChangedUntil(() => (staticData[STATIC_KEY] = value), settled);
	return 'new';
}

/**
 * n8n 2.40 saves a webhook call's static data only when it is marked changed at the moment it has
 * recorded the execution; but recording builds new Workflow objects on the same static data
 * (WorkflowRunner: establishContextForPersistence, WorkflowPreExecute), and each one clears that mark,
 * so a change made in webhook() is never saved when the call starts an execution. Writing the value
 * again through the node's static data marks it changed again: done every millisecond while n8n records
 * (database writes, the queue), until the call is answered (at most a minute).
 */
const marking = new Map<() => void, number>();
let markingLoop: Promise<void> | undefined;

function markChangedUntil(mark: () => void, answered: Promise<unknown>): void {
	marking.set(mark, Date.now() + 60_000);
	const stop = () => marking.delete(mark);
	answered.then(stop, stop);
	markingLoop ??= (async () => {
		while (marking.size) {
			const now = Date.now();
			for (const [markAgain, until] of marking) {
				if (until < now) marking.delete(markAgain);
				else markAgain();
			}
			await sleep(1);
		}
		markingLoop = undefined;
	})();
}

/** Adds keys known to be recorded; keeps the newest PERSISTED_MAX unexpired ones. */
function remember(scope: Scope, keys: Persisted, now: number): void {
	for (const [key, expiry] of Object.entries(keys)) {
		if (expiry > (scope.recorded.get(key) ?? 0)) scope.recorded.set(key, expiry);
	}
	if (scope.recorded.size <= 2 * PERSISTED_MAX) return;
	const kept = Object.entries(bounded(Object.fromEntries(scope.recorded))).filter(([, expiry]) => expiry > now);
	scope.recorded = new Map(kept);
}

/**
 * The static data value of one call: its enumerable keys are what this process knew when the call
 * started (what a copy that ignores `toJSON` keeps); `toJSON`, which n8n's save calls after it has
 * recorded the execution, gives what the process knows then, so that the last save of a burst carries
 * every message recorded before it, not only those recorded before that call started.
 */
function savedAtSaveTime(scope: Scope, key: string, expiry: number): Persisted {
	const current = (): Persisted => {
		const now = Date.now();
		const known = [...scope.recorded].filter(([, until]) => until > now);
		return bounded({ ...Object.fromEntries(known), [key]: expiry });
	};
	const value = current();
	Object.defineProperty(value, 'toJSON', { value: current, enumerable: false });
	return value;
}
