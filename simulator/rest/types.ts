import type { AutoReplyRecord } from './autoReply';
import type { AutoReplyRule } from './autoReplyRules';
// The REST API v2 side of the simulator: its settings ("switches") and what state() shows of it.

/**
 * Answer to `POST /v2/batches`: 201 + batch document (default), 200 + document, 200 + bare `{ "id" }`,
 * 201 + the array of the batch's message documents (as `GET /v2/batches/{id}/messages` lists them),
 * or 202 + batch document (accepted for work in the background).
 */
export type PostAnswer = 'created' | 'ok' | 'id' | 'messages' | 'accepted';
/** Answer to `DELETE /v2/batches/{id}`: 200 + batch document (default) or 204 without a body. */
export type DeleteAnswer = 'ok' | 'noContent';
/** Which key carries the message id in a delivery report. */
export type ReportIdKey = 'id' | 'messageId' | 'both';
/**
 * Error answers (except 401, always empty): problem+json as iP.1's portal documents it (default:
 * `type, title, status, detail, instance`, field errors told in `detail`), ASP.NET's validation
 * problem (`errors` per field), plain text, or no body.
 */
export type ErrorBody = 'problem' | 'validation' | 'text' | 'empty';
/** Enums in answers: `lower` (`mt`, `sms`, `gsm`, currency `SEK`), `vendor` (as iP.1's examples: `MT`, `SMS`/`flash`, `GSM`, currency `sek`), `integer` (the portal's schema). */
export type EnumCase = 'lower' | 'vendor' | 'integer';
/** Which forms add to the blacklist: `PUT /v2/blacklist/{msisdn}`, `POST /v2/blacklist` `{ msisdn }`, or both (default); the other answers 405. */
export type BlacklistAdd = 'both' | 'put' | 'post';
/** `Link` header form: `<url>; rel="next"` (default, RFC 8288) or `<url> rel="next"`. */
export type LinkStyle = 'semicolon' | 'space';

export interface RestSettings {
	postAnswer: PostAnswer;
	deleteAnswer: DeleteAnswer;
	reportIdKey: ReportIdKey;
	errorBody: ErrorBody;
	linkStyle: LinkStyle;
	enumCase: EnumCase;
	/** the batch document carries `status`: the code most of its messages have now (iP.1 shows one, meaning undocumented) */
	batchStatus: boolean;
	/** a batch's messages are listed (and readable one by one) only this long after the send; 0 = at once */
	messagesListedAfterMs: number;
	/** longest `reference`; a longer one is a 400 (iP.1's older sample: 40) */
	maxReferenceLength: number;
	blacklistAdd: BlacklistAdd;
	/** largest `limit` of a page; a larger one is a 400 */
	maxPageSize: number;
	/** most recipients in one batch; more is a 400 */
	maxRecipients: number;
	/** per API key: at most `requests` in each window of `perMs`; beyond it 429 with Retry-After. null = no limit */
	rateLimit: { requests: number; perMs: number } | null;
	/** webhook retry interval (delivery reports and incoming SMS) */
	webhookRetryMs: number;
	webhookMaxAttempts: number;
	/** a recipient whose number ends in the key gets that final status code instead of 201 */
	statusSuffixes: Record<string, number>;
	// ---- templates, contacts, labels: the unknowns of docs/ip1-api-contract.md ----
	/** where the SMS templates are listed: `/v2/templates/sms` (default) or `/v2/templates`; the other path is 404 */
	templatesPath: 'sms' | 'plain';
	/** a template's `id`: a string (default) or the C# driver's ObjectId object `{ timestamp, machine, pid, increment }` */
	templateIdForm: 'string' | 'object';
	/** `POST /v2/contacts?sync`: imported at once and answered with the contacts (default), or `ignored`: always 202 */
	contactSync: 'honoured' | 'ignored';
	/** the synchronous answer: 200 + list (default, the portal), 201 + list, or 201 + the first contact alone */
	contactCreated: 'ok' | 'created' | 'object';
	/** `GET /v2/contacts` filters (`labels`, `properties[…]`): applied (default) or ignored (every contact listed) */
	contactFilters: 'applied' | 'ignored';
	/** the method that deletes a contact: `DELETE` (default) or the `POST` the vendor's page names; the other answers 405 */
	contactDelete: 'delete' | 'post';
	/** label answers: `{ labelName, usageCount }` (default) or 204 without a body */
	labelAnswer: 'summary' | 'noContent';
}

export type WebhookKind = 'deliveryReport' | 'incoming';

export interface WebhookAttempt {
	/** epoch milliseconds */
	at: number;
	/** HTTP status, 0 when no answer came */
	status: number;
	body: string;
	error?: string;
	/** set when a `webhookStatus` fault made the simulator read the answer as this status */
	faultedAs?: number;
}

export interface WebhookRecord {
	seq: number;
	kind: WebhookKind;
	account: string;
	url: string;
	/** the JSON document POSTed */
	payload: Record<string, unknown>;
	messageId: string;
	/** delivery reports: the status code reported */
	code?: number;
	attempts: WebhookAttempt[];
	delivered: boolean;
	/** no further attempt will be made (delivered, or max attempts reached) */
	finished: boolean;
	/** a repeat (`repeatRestIncoming`, `repeat`): the seq of the first delivery of the same document */
	repeatOf?: number;
}

export interface RestStatus {
	code: number;
	/** epoch milliseconds */
	at: number;
}

/** What a REST message is, in the store and in state(). */
export interface RestMessageFields {
	id: string;
	batchId: string;
	account: string;
	direction: 'mt' | 'mo';
	sender: string;
	recipient: string;
	body: string;
	type: 'sms' | 'flash';
	datacoding: 'gsm' | 'ucs';
	priority: number;
	segments: number;
	price: number;
	currency: string;
	reference: string | null;
}

export interface RestMessageRecord extends RestMessageFields {
	/** latest status now */
	status: number;
	/** the statuses reached so far, oldest first */
	history: RestStatus[];
}

/** What a REST batch is, in the store and in state() (times there as ISO text). */
export interface RestBatchFields {
	id: string;
	account: string;
	sender: string;
	body: string;
	type: 'sms' | 'flash';
	datacoding: 'gsm' | 'ucs';
	priority: number;
	templated: boolean;
	deliveryReportUrl: string | null;
	reference: string | null;
	tags: string[];
	/** epoch milliseconds */
	created: number;
	currency: string;
	messageIds: string[];
}

export interface RestBatchRecord extends RestBatchFields {
	deliveryWindows: { opens: string; closes: string }[];
}

export interface RestState {
	settings: RestSettings;
	batches: RestBatchRecord[];
	/** outgoing (mt) and incoming (mo) messages */
	messages: RestMessageRecord[];
	/** mt messages really accepted for sending (not refused at once with 4xx) */
	accepted: number;
	webhooks: WebhookRecord[];
	senders: Record<string, string[]>;
	blacklist: Record<string, string[]>;
	/** per account: its SMS templates, ids as strings */
	templates: Record<string, Array<{ id: string; name: string; category: string; pinned: boolean; body: string }>>;
	/** per account: its contacts */
	contacts: Record<string, Array<{ id: string; properties: Record<string, string>; labels: string[] }>>;
	incomingUrls: Record<string, string | null>;
	/** per route, e.g. `POST /v2/batches`, `GET /v2/batches/{id}` */
	calls: Record<string, number>;
	/** the auto-reply rules in force */
	autoReplies: AutoReplyRule[];
	/** every answer the auto-reply gave, oldest first */
	autoReplied: AutoReplyRecord[];
}

export interface RestIncomingInput {
	/** the phone that writes */
	sender: string;
	/** your number (or sender name) it writes to */
	recipient: string;
	body: string;
	/** default: the first account */
	account?: string;
	/** default: the account's incoming URL */
	url?: string;
	/** POST the same document this many more times, each once the delivery before it has had its first attempt (default 0) */
	repeat?: number;
}
