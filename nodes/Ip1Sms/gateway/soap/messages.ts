/* The SOAP and URL-call parameters of a send, built from the node's neutral values (the manuals' names). */
import { assertUnambiguousLatin1, percentEncodeLatin1 } from '../../helpers/latin1';
import { toWireText } from '../../helpers/segments';
import type { Ip1Credentials } from './credentials';
import type { XmlNode } from './soapEnvelope';
import type { GroupRecipient, Mms, SendTime, UrlSms } from './types';

export function login(creds: Ip1Credentials): XmlNode[] {
	return [
		{ name: 'konto', text: creds.accountId },
		{ name: 'passwd', text: creds.apiKey },
	];
}

export interface SmsParams {
	/** The numbers, comma-separated; empty when `recipients` carries them. */
	till: string;
	sender: string;
	text: string;
	priority: number;
	/** The templated recipients element (templatedRecipients). */
	recipients?: XmlNode;
	sendAt?: SendTime;
}

/** sms, flashSms, smsAt, smsBundle and smsBundleAt take the same parameters, in this order. */
export function smsParams(creds: Ip1Credentials, sms: SmsParams): XmlNode[] {
	const params: XmlNode[] = [
		...login(creds),
		{ name: 'till', text: sms.till },
		{ name: 'from', text: sms.sender },
		{ name: 'meddelande', text: toWireText(sms.text) },
		{ name: 'prio', text: String(sms.priority) },
	];
	if (sms.recipients) params.push(sms.recipients);
	if (sms.sendAt) params.push({ name: 'sendAt', text: String(sms.sendAt.unixSeconds) });
	return params;
}

/** Each recipient with its template fields: the gateway replaces each key, as written, by the value. */
export function templatedRecipients(recipients: GroupRecipient[]): XmlNode {
	return {
		name: 'recipients',
		children: recipients.map((r) => ({
			name: 'Recipient',
			children: [
				{ name: 'Number', text: r.to },
				{
					name: 'Parameters',
					children: (r.replacements ?? []).map(([key, value]) => ({
						name: 'TemplateField',
						children: [
							{ name: 'Key', text: toWireText(key) },
							{ name: 'Value', text: toWireText(value) },
						],
					})),
				},
			],
		})),
	};
}

/** The operation of a send: a group send is a bundle even with one recipient. */
export function smsOperation(group: boolean, flash: boolean, scheduled: boolean): string {
	if (group) return scheduled ? 'smsBundleAt' : 'smsBundle';
	return scheduled ? 'smsAt' : flash ? 'flashSms' : 'sms';
}

/** The URL call's query, ISO-8859-1 percent-encoded; throws an Ip1InputError for what it cannot carry. */
export function urlSmsQuery(creds: Ip1Credentials, sms: UrlSms): string {
	const text = toWireText(sms.text);
	const query: Array<[string, string, string]> = [
		['acc', creds.accountId, 'Account ID'],
		['pass', creds.apiKey, 'API Key'],
		['msg', text, 'Message'],
		['to', sms.to, 'To'],
		['from', sms.sender, 'From'],
		['prio', String(sms.priority), 'Priority'],
	];
	if (sms.flash) query.push(['type', 'flash', 'Type']);
	const encoded = query.map(([k, v, field]) => `${k}=${percentEncodeLatin1(v, field, field === 'API Key')}`).join('&');
	assertUnambiguousLatin1(text, 'Message');
	return encoded;
}

/** sendMMS: the files travel inline, base64-encoded (written straight into the request body: buildSoapBody). */
export function mmsParams(creds: Ip1Credentials, mms: Mms): XmlNode[] {
	return [
		{ name: 'acc', text: creds.accountId },
		{ name: 'pass', text: creds.apiKey },
		{ name: 'msg', text: toWireText(mms.text) },
		{ name: 'to', text: mms.to },
		{ name: 'from', text: mms.sender },
		{
			name: 'files',
			children: mms.files.map((file) => ({
				name: 'InlineFile',
				children: [
					{ name: 'FileName', text: file.fileName },
					{ name: 'ContentType', text: file.mimeType || 'application/octet-stream' },
					{ name: 'Data', base64: file.data },
				],
			})),
		},
	];
}
