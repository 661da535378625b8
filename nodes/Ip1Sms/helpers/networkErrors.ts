/** What a failed request's error code says about whether the request reached the gateway. */

// Errors where no byte of the request reached the gateway: a new attempt cannot do anything twice.
export const NOT_REACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

// Plain words in the message: n8n replaces a message that contains a raw code such as ECONNREFUSED.
export const CODE_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ECONNRESET: 'connection reset',
	EPIPE: 'connection closed',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'timed out',
};

/** The Node.js error code (ECONNRESET, …) of an error or of one it wraps (n8n wraps the axios error). */
export function errorCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$|^ERR_/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

export function isTimeout(code: string, error: unknown): boolean {
	return code === 'ETIMEDOUT' || code === 'ECONNABORTED' || /timeout/i.test(String((error as Error)?.message));
}
