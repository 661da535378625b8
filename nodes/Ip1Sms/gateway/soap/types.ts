/*
 * What only the SOAP web service (and its URL call) does, in the node's terms: the operation files
 * call these and never see a wire name. The wire lives in soapGateway.ts and messages.ts.
 */
import type { CallOptions, Ip1Gateway, MessageStatus } from '../types';

/** Whose status table a code is read in: appendix A (SMS) or appendix B (MMS). */
export type MessageKind = 'sms' | 'mms';

export interface SendTime {
	unixSeconds: number;
	iso: string;
}

/** One SMS over the URL call (Options → Transport → URL Call). */
export interface UrlSms {
	to: string;
	sender: string;
	text: string;
	priority: number;
	flash: boolean;
}

/** A URL-call SMS whose values were checked (and encoded) before any request. */
export interface PreparedUrlSms {
	readonly query: string;
}

export interface GroupRecipient {
	to: string;
	/** Text to replace, as written in the message → this recipient's value, in the user's order. */
	replacements?: Array<[string, string]>;
}

/** One message to many recipients (a group SMS), answered with one group id. */
export interface GroupSms {
	sender: string;
	text: string;
	priority: number;
	sendAt?: SendTime;
	recipients: GroupRecipient[];
	/** Whether the gateway fills in each recipient's replacements: each recipient then carries its list, even an empty one. */
	personalised: boolean;
}

export interface MmsFile {
	fileName: string;
	/** Empty when unknown. */
	mimeType: string;
	data: Buffer;
}

export interface Mms {
	to: string;
	sender: string;
	text: string;
	files: MmsFile[];
}

export interface ScheduledTime {
	/** The gateway's answer as it wrote it. */
	raw: string;
	/** When the SMS goes out; absent when it is not (or no longer) scheduled. */
	sendAt?: SendTime;
}

/** The neutral calls plus SOAP's own (URL call, group SMS, MMS, Status Code, scheduled time, single cancel). */
export interface SoapGateway extends Ip1Gateway {
	readonly api: 'soap';
	/** Status of an SMS (appendix A) or an MMS (appendix B). */
	getStatus(kind: MessageKind, messageId: string, opts: CallOptions): Promise<MessageStatus>;
	/** Throws an Ip1InputError naming the field for a value the URL call cannot carry: call it before any request. */
	prepareUrlSms(sms: UrlSms): PreparedUrlSms;
	/** Resolves with the message id. Never repeated once it may have reached the gateway. */
	sendUrlSms(sms: PreparedUrlSms, opts: CallOptions): Promise<string>;
	/** Resolves with the group id (whatever the number of recipients). Never repeated once it may have reached the gateway. */
	sendGroup(group: GroupSms, opts: CallOptions): Promise<string>;
	/** Resolves with the MMS id. Never repeated once it may have reached the gateway. */
	sendMms(mms: Mms, opts: CallOptions): Promise<string>;
	/** Cancels one scheduled SMS; throws when the gateway refuses. Not repeated after a lost answer. */
	cancelMessage(messageId: string, opts: CallOptions): Promise<void>;
	getScheduledTime(messageId: string, opts: CallOptions): Promise<ScheduledTime>;
	/** The gateway's own text for an SMS status code (digits, as the user wrote them), and the node's reading of it. */
	describeStatusCode(code: string, opts: CallOptions): Promise<{ text: string; status: MessageStatus }>;
}
