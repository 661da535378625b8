/*
 * Replies this trigger handed to a waiting execution, kept in the node's workflow static data, which n8n
 * saves after the webhook call in whichever process took it. When iP.1 repeats such a reply (it missed
 * the 200) after a restart or to another webhook process, the execution no longer waits; this record
 * tells that repeat from a reply that came too late, so the repeat starts nothing. The process's own
 * memory (recentIds.ts) catches repeats first; this covers what it cannot see.
 */
import type { IDataObject } from 'n8n-workflow';

const KEY = 'handedReplies';
export const HANDED_MAX_ENTRIES = 1000;
/** iP.1 repeats a webhook for about 100 minutes (10 tries, 10 minutes apart); a week is ample. */
export const HANDED_MAX_AGE_MS = 7 * 86_400_000;

type Handed = Record<string, [executionId: string, at: number]>;

function handed(staticData: IDataObject): Handed {
	const value = staticData[KEY];
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Handed) : {};
}

export function rememberHanded(staticData: IDataObject, replyId: string, executionId: string, now = Date.now()): void {
	const entries = Object.entries(handed(staticData)).filter(([, [, at]]) => now - at < HANDED_MAX_AGE_MS);
	entries.push([replyId, [executionId, now]]);
	staticData[KEY] = Object.fromEntries(entries.slice(-HANDED_MAX_ENTRIES));
}

/** The execution a reply was handed to, if this trigger did so. */
export function handedTo(staticData: IDataObject, replyId: string): string | undefined {
	return handed(staticData)[replyId]?.[0];
}
