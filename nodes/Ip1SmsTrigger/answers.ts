import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

/** The part of n8n's (Express) response the trigger writes to when it refuses a call. */
export interface PlainResponse {
	headersSent?: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/** What iP.1 wants to hear: exactly `OK` (the SOAP gateway checks the body; REST only the status). */
export const ACCEPTED_BODY = 'OK';

/** A refusal, written at once: no execution is started. */
export function refuse(
	res: PlainResponse,
	status: number,
	body: string,
	headers: Record<string, string> = {},
): IWebhookResponseData {
	if (!res.headersSent) {
		res.writeHead(status, {
			'Content-Type': 'text/plain; charset=utf-8',
			'Content-Length': String(body.length), // every refusal text is ASCII
			'Cache-Control': 'no-store',
			...headers,
		});
		res.end(body);
	}
	return { noWebhookResponse: true };
}

/** Acknowledged, no execution: n8n answers `OK` (a repeat, or a call this trigger does not take). */
export function acknowledge(): IWebhookResponseData {
	return { webhookResponse: ACCEPTED_BODY };
}

/**
 * Starts one execution. n8n answers `OK` only once it has recorded the execution (the webhook's
 * `responseMode: 'onReceived'` with an empty `responseData`), and 500 when it cannot: iP.1 then
 * tries again, so a message is never acknowledged and lost.
 */
export function start(item: IDataObject): IWebhookResponseData {
	return { workflowData: [[{ json: item }]], webhookResponse: ACCEPTED_BODY };
}
