
import type { AutoReplyInput, AutoReplyRule } from './rest/autoReplyRules';
import type { RestIncomingInput, RestSettings, RestState, WebhookRecord } from './rest/types';
import type { TemplateInput } from './rest/crmStore';

export interface SimulatorAccount {
	id: string;
	/** the SOAP / URL-call key */
	key: string;
	balance: number;
	/** REST v2 API keys (Bearer); default one: `<key>-rest` */
	restKeys?: string[];
	/** default SEK (EUR when `type` is international) */
	currency?: 'SEK' | 'EUR';
	/** default Swedish */
	type?: 'Swedish' | 'international';
	/** a trial account may only send from iP1 / iP1sms and register no sender */
	trial?: boolean;
	name?: string;
	organization?: string;
	/** REST senders registered from the start, besides iP1 and iP1sms */
	senders?: string[];
	/** where incoming SMS are POSTed (REST v2 webhook) */
	incomingUrl?: string;
	/** REST SMS templates from the start (default: three samples, simulator/rest/crmStore.ts) */
	templates?: TemplateInput[];
	/** REST price of one SMS part at priority 1 (priority 2 costs double); default 0.35 SEK / 0.035 EUR */
	pricePerPart?: number;
}

export type DeliveryTiming = 'instant' | { toNetworkMs: number; toPhoneMs: number };

export interface SimulatorOptions {
	host?: string;
	port?: number;
	accounts?: SimulatorAccount[];
	callbackUrl?: string;
	callbackEncoding?: 'iso-8859-1' | 'utf-8';
	callbackRetryMs?: number;
	callbackMaxAttempts?: number;
	/** At most this many SOAP callbacks and REST webhooks in flight at once (the gateway's delivery workers); default no limit */
	deliveryConcurrency?: number;
	delivery?: DeliveryTiming;
	failSuffixes?: { gsm: string; phone: string };
	/** REST v2 switches and webhook settings; every one can be changed later with `setRest` */
	rest?: Partial<RestSettings>;
	/** REST v2: numbers that answer a send (the "phone"); `reset()` comes back to these */
	autoReplies?: AutoReplyInput[];
	quiet?: boolean;
}

export type FaultKind =
	| 'delay'
	| 'resetBefore'
	| 'resetAfter'
	| 'http500'
	| 'http503'
	| 'malformedXml'
	| 'emptyBody'
	| 'truncatedBody';

/** Acts on the simulator's REST webhooks, not on requests: it reads the receiver's answer as `status` (the request is really sent). */
export type WebhookFaultKind = 'webhookStatus';

export type ServiceName = 'sms' | 'mms' | 'url' | 'rest';

export interface FaultSpec {
	kind: FaultKind | WebhookFaultKind;
	/** operation name as on the wire, e.g. 'sms', 'status', 'sendMMS', 'sendsms.aspx'; default: any */
	operation?: string;
	service?: ServiceName;
	/** the next N matching requests; default: unlimited */
	count?: number;
	delayMs?: number;
	/** REST: the HTTP method, e.g. 'POST'; default: any */
	method?: string;
	/** REST: the path, `*` for one segment, e.g. '/v2/batches/*'; default: any */
	path?: string;
	/** webhookStatus: the status the answer is read as */
	status?: number;
	/** webhookStatus: which webhooks; default both */
	webhook?: 'deliveryReport' | 'incoming';
}

export interface IncomingSmsInput {
	sender: string;
	to: string;
	text: string;
	encoding?: 'iso-8859-1' | 'utf-8';
	callbackUrl?: string;
}

export interface CallbackAttempt {
	/** epoch milliseconds */
	at: number;
	/** HTTP status, 0 when no answer came (connection refused, timeout) */
	status: number;
	body: string;
	error?: string;
	url: string;
}

export interface IncomingRecord {
	incsmsid: string;
	sender: string;
	to: string;
	text: string;
	encoding: 'iso-8859-1' | 'utf-8';
	callbackUrl: string;
	attempts: CallbackAttempt[];
	delivered: boolean;
	/** true when no further attempt will be made (delivered, or max attempts reached) */
	finished: boolean;
}

export type SmsEncoding = 'GSM 03.38' | 'UCS-2';

export interface MessageRecord {
	id: string;
	account: string;
	to: string;
	from: string;
	text: string;
	prio: number;
	flash: boolean;
	encoding: SmsEncoding;
	characters: number;
	segments: number;
	status: number;
	/** Unix seconds, only for scheduled messages (smsAt, smsBundleAt) */
	sendAt?: number;
	bundleId?: string;
	via: 'soap' | 'url';
	/** epoch milliseconds */
	acceptedAt: number;
}

export interface BundleRecord {
	id: string;
	account: string;
	messageIds: string[];
	sendAt?: number;
}

export interface MmsFileRecord {
	name: string;
	contentType: string;
	size: number;
}

export interface MmsRecord {
	id: string;
	account: string;
	to: string;
	from: string;
	text: string;
	files: MmsFileRecord[];
	status: number;
	acceptedAt: number;
}

export interface RequestLogEntry {
	at: number;
	service: ServiceName;
	operation: string;
	soapVersion?: '1.1' | '1.2';
	faulted?: FaultKind;
}

export interface SimulatorState {
	url: string;
	accounts: { id: string; balance: number }[];
	messages: MessageRecord[];
	bundles: BundleRecord[];
	mms: MmsRecord[];
	incoming: IncomingRecord[];
	/** the most recent requests (at most 1000); `requestCount` counts them all */
	requests: RequestLogEntry[];
	requestCount: number;
	/** per operation: `sms`, `status`, … for the SMS service, `mms.sendMMS`, `mms.status`, `sendsms.aspx` */
	calls: Record<string, number>;
	/** SMS and MMS messages really accepted (each bundle recipient counts once) */
	accepted: number;
	faults: FaultSpec[];
	rest: RestState;
}

export interface SimulatorHandle {
	url: string;
	port: number;
	stop(): Promise<void>;
	reset(): void;
	injectIncoming(sms: IncomingSmsInput): Promise<IncomingRecord>;
	setFault(f: FaultSpec): void;
	clearFaults(): void;
	state(): SimulatorState;
	/** REST v2: changes switches (the rest stay) and answers all of them */
	setRest(settings: Partial<RestSettings>): RestSettings;
	/** REST v2: an incoming SMS POSTed to the account's incoming URL; resolves after the first attempt */
	injectRestIncoming(sms: RestIncomingInput): Promise<WebhookRecord>;
	/** REST v2: the account's incoming-SMS URL (null: none) */
	setIncomingUrl(account: string, url: string | null): void;
	/** REST v2: replaces the auto-reply rules (until the next reset) and answers them as kept */
	setAutoReplies(rules: AutoReplyInput[]): AutoReplyRule[];
	/** REST v2: the auto-reply rules in force */
	autoReplies(): AutoReplyRule[];
	/** REST v2: POSTs an incoming SMS's document to its URL once more; resolves after that delivery's first attempt */
	repeatRestIncoming(messageId: string): Promise<WebhookRecord>;
}
