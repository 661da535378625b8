/*
 * The reference a Send and Wait SMS carries at iP.1: which n8n execution waits for the reply, the token
 * that resumes it, and until when. iP.1 keeps it with the message, so the conversation with a number
 * is the lasting record of who waits for that number's reply (docs/send-and-wait.md).
 *
 *   n8n-wait:<execution id>:<resume token>:<deadline, Unix seconds; 0 = none>:<a ask | r re-ask>
 */

export const WAIT_REFERENCE_PREFIX = 'n8n-wait';

/** The waiting execution's webhook: `<n8n>/webhook-waiting/<execution id>/ip1-reply?signature=<token>`. */
export const REPLY_WEBHOOK_PATH = 'ip1-reply';

export type WaitKind = 'ask' | 'reask';

export interface WaitReference {
	executionId: string;
	/** n8n's resume token of the execution (its `signature` parameter); empty where n8n has none. */
	token: string;
	/** Unix milliseconds after which a reply no longer answers; undefined: no limit. */
	deadline?: number;
	kind: WaitKind;
}

export function encodeWaitReference(wait: WaitReference): string {
	const deadline = wait.deadline === undefined ? 0 : Math.ceil(wait.deadline / 1000);
	return [WAIT_REFERENCE_PREFIX, wait.executionId, wait.token, deadline, wait.kind === 'reask' ? 'r' : 'a'].join(':');
}

/** The wait a reference names; undefined for any other reference (the user's own, or none). */
export function parseWaitReference(reference: string | undefined | null): WaitReference | undefined {
	if (typeof reference !== 'string') return undefined;
	const parts = reference.trim().split(':');
	if (parts.length !== 5 || parts[0] !== WAIT_REFERENCE_PREFIX) return undefined;
	const [, executionId, token, deadline, kind] = parts;
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(executionId) || !/^[A-Za-z0-9_-]{0,128}$/.test(token)) return undefined;
	if (!/^\d{1,12}$/.test(deadline) || (kind !== 'a' && kind !== 'r')) return undefined;
	const seconds = Number(deadline);
	return { executionId, token, deadline: seconds === 0 ? undefined : seconds * 1000, kind: kind === 'r' ? 'reask' : 'ask' };
}
