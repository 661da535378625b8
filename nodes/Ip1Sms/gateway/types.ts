/*
 * What an action needs from iP.1, in neutral terms: no wire names of either API appear here or in
 * the operation files. Two implementations: gateway/soap (the manuals' SOAP services and URL call)
 * and gateway/rest (REST API v2); a node run creates one, for the API it speaks (v1/Ip1SmsV1.node.ts, v2/router.ts).
 */

export type Api = 'rest' | 'soap';

/** Where a message stands. Only `pending` may still change. */
export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'cancelled' | 'expired' | 'rejected';

export interface MessageStatus {
	/** The API's own code (REST 101–599; SOAP appendix A/B). */
	code: number;
	/** Its name, e.g. "DeliveredToHandset" (REST) or "Delivered to the phone" (SOAP). */
	name: string;
	/** What it means for the user, what to do. */
	description: string;
	state: DeliveryState;
	/** When the message reached this status (ISO 8601, UTC), where the API says. */
	at?: string;
}

export interface CallOptions {
	/** The input item errors are reported on. */
	itemIndex: number;
	/** Milliseconds; each gateway has its own default. */
	timeout?: number;
}

export interface Recipient {
	/** International number, digits only, country code first. */
	to: string;
	/** Template values for this recipient (key → value). */
	values?: Record<string, string>;
	/** The input item this recipient came from (outputs and errors are paired to it). */
	itemIndex: number;
}

export type CharacterSet = 'gsm' | 'ucs2';

export interface SendRequest {
	sender: string;
	/** One text for every recipient; with values, placeholders are filled per recipient. */
	text: string;
	recipients: Recipient[];
	/** Template values used where a recipient has none for a key (REST `default`). */
	defaults?: Record<string, string>;
	type: 'sms' | 'flash';
	/** As the API numbers it: SOAP 1–3 (2 normal), REST 1 normal / 2 high. */
	priority: number;
	/** Decided by the action (Auto resolved before the call). SOAP ignores it: the gateway chooses. */
	characterSet?: CharacterSet;
	/** Hold the messages until then. */
	sendAt?: { unixSeconds: number; iso: string };
	deliveryReportUrl?: string;
	reference?: string;
	tags?: string[];
	/**
	 * Whether the gateway may make more requests to learn each recipient's message id and first
	 * status when the send answer lacks them. Default true; false: the result may name the batch only.
	 */
	readMessageIds?: boolean;
}

export interface SentMessage {
	to: string;
	itemIndex: number;
	messageId?: string;
	/** First status, where the API gives it (REST: from the batch's messages). */
	status?: MessageStatus;
	/** The text as rendered for this recipient, where the API says. */
	text?: string;
	segments?: number;
}

export interface SendResult {
	/** REST batch id / SOAP bundle id; absent for a SOAP single send (it has a message id only). */
	batchId?: string;
	messages: SentMessage[];
	/** HTTP requests this send took (the send itself plus any read-backs), for the README's cost figures. */
	requests: number;
	/**
	 * The messages were sent but some recipients' message ids could not be read (iP.1 had not listed
	 * them yet, or the read failed): those have no `messageId`, and `notice` says why and what to do.
	 */
	messageIdsPending?: boolean;
	notice?: string;
}

export interface MessageInfo {
	messageId: string;
	batchId?: string;
	to?: string;
	from?: string;
	text?: string;
	segments?: number;
	price?: number;
	currency?: string;
	reference?: string;
	status: MessageStatus;
	/** Newest first, where the API keeps a history. */
	history?: MessageStatus[];
	direction?: 'outgoing' | 'incoming';
}

export interface BatchInfo {
	batchId: string;
	from?: string;
	text?: string;
	type?: string;
	characterSet?: string;
	priority?: number;
	createdAt?: string;
	sendAt?: string;
	reference?: string;
	tags?: string[];
	deliveryReportUrl?: string;
	price?: { total: number; average?: number; currency: string };
	/** Message and SMS-part counts per status code. */
	statusCounts?: Record<string, { messages: number; segments: number }>;
	/** The batch's own status code, where the API gives one (REST: its meaning for a batch is not documented). */
	statusCode?: number;
}

export interface Balance {
	balance: number;
	currency?: string;
	accountType?: string;
	accountId?: string;
	/** The balance as the API wrote it, where it is text (SOAP). */
	raw?: string;
}

export interface Paging {
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit: number;
}

/** What both APIs do. */
export interface Ip1Gateway {
	readonly api: Api;
	/** The most recipients one send request may carry. */
	readonly maxRecipientsPerRequest: number;
	/** The text a recipient gets: placeholders filled as this API fills them. */
	render(text: string, values: Record<string, string> | undefined, defaults?: Record<string, string>): string;
	/** One request. Never repeated once it may have reached the gateway. */
	send(request: SendRequest, opts: CallOptions): Promise<SendResult>;
	getMessage(messageId: string, batchId: string | undefined, opts: CallOptions): Promise<MessageInfo>;
	getBatchMessages(batchId: string, paging: Paging, opts: CallOptions): Promise<MessageInfo[]>;
	/** Cancels what still waits; resolves with what the API says was cancelled. */
	cancelBatch(batchId: string, opts: CallOptions): Promise<{ cancelled: boolean; batch?: BatchInfo }>;
	getBalance(opts: CallOptions): Promise<Balance>;
}

export interface Sender {
	sender: string;
	createdAt?: string;
}

export interface BlacklistEntry {
	phoneNumber: string;
	createdAt?: string;
}

export interface ConversationSummary {
	participant: string;
	totalMessages: number;
	totalSegments: number;
	outgoing: Record<string, { messages: number; segments: number }>;
	incoming: Record<string, { messages: number; segments: number }>;
}

/** What only REST API v2 does. */
export interface Ip1RestGateway extends Ip1Gateway, Ip1CrmGateway {
	readonly api: 'rest';
	getBatch(batchId: string, opts: CallOptions): Promise<BatchInfo>;
	listBatches(paging: Paging & { order?: 'ASC' | 'DESC' }, opts: CallOptions): Promise<BatchInfo[]>;
	getConversation(
		participant: string,
		direction: 'all' | 'outgoing' | 'incoming',
		paging: Paging & { order?: 'ASC' | 'DESC' },
		opts: CallOptions,
	): Promise<MessageInfo[]>;
	getConversationSummary(participant: string, opts: CallOptions): Promise<ConversationSummary>;
	listSenders(opts: CallOptions): Promise<Sender[]>;
	/** One registered sender; an error when the account has none of that name. */
	getSender(sender: string, opts: CallOptions): Promise<Sender>;
	registerSender(sender: string, opts: CallOptions): Promise<Sender>;
	removeSender(sender: string, opts: CallOptions): Promise<void>;
	listBlacklist(paging: Paging, opts: CallOptions): Promise<BlacklistEntry[]>;
	addToBlacklist(phoneNumber: string, opts: CallOptions): Promise<BlacklistEntry>;
	removeFromBlacklist(phoneNumber: string, opts: CallOptions): Promise<void>;
}

/** An SMS template of the account (REST). */
export interface SmsTemplate {
	templateId: string;
	name: string;
	/** Path-like, e.g. `/orders` or `/`. */
	category?: string;
	pinned?: boolean;
	/** The text, with `{placeholders}`. */
	body: string;
	createdAt?: string;
	modifiedAt?: string;
}

/** A contact as iP.1 keeps it (REST). */
export interface Contact {
	contactId: string;
	/** Digits only, country code first, as the node's other outputs write numbers. */
	phoneNumber?: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	/** Every other property of the contact. */
	customFields: Record<string, string>;
	labels: string[];
}

/** What to write on a contact; a field left undefined is not sent. */
export interface ContactInput {
	/** Digits only, country code first. */
	phoneNumber?: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	customFields?: Record<string, string>;
	/** Replaces the contact's labels when given. */
	labels?: string[];
}

export interface ContactCreated {
	/** False: iP.1 accepted the contact for a background import; it has no id yet. */
	imported: boolean;
	contact?: Contact;
}

export interface LabelSummary {
	label: string;
	/** Contacts that have the label, where iP.1 says. */
	contactCount?: number;
}

/** Templates, contacts and labels (REST API v2). */
export interface Ip1CrmGateway {
	listTemplates(paging: Paging & { category?: string }, opts: CallOptions): Promise<SmsTemplate[]>;
	/** One template by id, from the list (read once per execution). */
	getTemplate(templateId: string, opts: CallOptions): Promise<SmsTemplate | undefined>;
	createContact(contact: ContactInput, synchronous: boolean, opts: CallOptions): Promise<ContactCreated>;
	updateContact(contactId: string, contact: ContactInput, opts: CallOptions): Promise<Contact>;
	getContact(contactId: string, opts: CallOptions): Promise<Contact>;
	listContacts(paging: Paging & { label?: string }, opts: CallOptions): Promise<Contact[]>;
	/** The contacts with this number (digits only), whatever form iP.1 keeps it in. */
	findContactsByPhone(phoneNumber: string, opts: CallOptions): Promise<Contact[]>;
	deleteContact(contactId: string, opts: CallOptions): Promise<void>;
	addLabel(label: string, contactIds: string[], opts: CallOptions): Promise<LabelSummary>;
	deleteLabel(label: string, opts: CallOptions): Promise<LabelSummary>;
}
