import { decodeUtf8 } from '../bytes';
import type { CallbackRequestLike } from '../callbackRequest';

/**
 * A webhook document is a few hundred bytes (a message body is at most 2000 characters); far more
 * than that is not iP.1 and is refused before it is read.
 */
export const MAX_BODY_BYTES = 64 * 1024;

export type RestBodyReading =
	| { ok: true; body: unknown }
	| { ok: false; status: number; message: string; headers?: Record<string, string> };

function header(req: CallbackRequestLike, name: string): string {
	const value = req.headers?.[name];
	return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** `application/json`, `text/json` and `…+json` are JSON; no content type is read as JSON too (iP.1 documents none). */
function mediaType(req: CallbackRequestLike): 'json' | 'unknown' | 'other' {
	const type = header(req, 'content-type').split(';')[0].trim().toLowerCase();
	if (type === '') return 'unknown';
	if (type === 'application/json' || type === 'text/json' || /^application\/[\w.+-]+\+json$/.test(type)) {
		return 'json';
	}
	return type === 'text/plain' ? 'unknown' : 'other';
}

function bodySize(req: CallbackRequestLike): number {
	if (req.rawBody) return req.rawBody.length;
	const declared = Number(header(req, 'content-length'));
	return Number.isFinite(declared) ? declared : 0;
}

/** Checks method, size and content type of a REST webhook and gives its JSON document. */
export function readRestBody(req: CallbackRequestLike, parsedBody: unknown): RestBodyReading {
	if ((req.method ?? 'GET').toUpperCase() !== 'POST') {
		return {
			ok: false,
			status: 405,
			message: 'Method Not Allowed: iP.1 REST webhooks are POST requests',
			headers: { Allow: 'POST' },
		};
	}
	if (bodySize(req) > MAX_BODY_BYTES) {
		return { ok: false, status: 413, message: `Payload Too Large: at most ${MAX_BODY_BYTES} bytes` };
	}
	const type = mediaType(req);
	if (type === 'other') {
		return {
			ok: false,
			status: 415,
			message: 'Unsupported Media Type: send application/json',
		};
	}
	if (req.rawBody && req.rawBody.length > 0) {
		const { text, valid } = decodeUtf8(req.rawBody);
		if (!valid) return { ok: false, status: 400, message: 'Bad Request: the body is not UTF-8' };
		try {
			return { ok: true, body: JSON.parse(text) as unknown };
		} catch {
			return { ok: false, status: 400, message: 'Bad Request: the body is not JSON' };
		}
	}
	if (type === 'json' && parsedBody !== null && typeof parsedBody === 'object') {
		return { ok: true, body: parsedBody };
	}
	return { ok: false, status: 400, message: 'Bad Request: empty body' };
}
