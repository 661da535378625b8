import { NodeApiError, NodeOperationError, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { parseStockholmLocal } from '../../helpers/dates';
import type { Balance, CallOptions, MessageInfo, MessageStatus, Paging, SendRequest, SendResult } from '../types';
import { getIp1Credentials } from './credentials';
import { login, mmsParams, smsOperation, smsParams, templatedRecipients, urlSmsQuery } from './messages';
import { soapCall, urlCall } from './request';
import { describeCode, expectCode, expectDone, expectId, gatewayRejection } from './results';
import type { XmlNode } from './soapEnvelope';
import type { MessageKind, SoapGateway } from './types';
import { readBundleRows } from './xmlReader';

export type { SoapGateway };

/** The most recipients one bundle request carries (Recipients per Request's maximum). */
const MAX_BUNDLE_RECIPIENTS = 5000;

function toStatus(code: number, kind: MessageKind): MessageStatus {
	const info = describeCode(code, kind);
	return { code: info.code, name: info.status, description: info.description, state: info.final };
}

/** SOAP template keys are the text to replace as written; the neutral values name `{key}` placeholders. */
function renderSoap(text: string, values: Record<string, string> | undefined, defaults?: Record<string, string>): string {
	let out = text;
	for (const [key, value] of Object.entries({ ...defaults, ...values })) out = out.split(`{${key}}`).join(value);
	return out;
}

export async function createSoapGateway(ctx: IExecuteFunctions): Promise<SoapGateway> {
	const creds = await getIp1Credentials.call(ctx);

	/** Sends are never repeated once they may have reached the gateway; the answer is the new id. */
	const sendOnce = async (kind: MessageKind, operation: string, params: XmlNode[], opts: CallOptions): Promise<string> => {
		const { text } = await soapCall.call(ctx, creds, kind, operation, params, { ...opts, repeatable: false });
		return expectId(ctx, text, kind, opts.itemIndex);
	};

	const getStatus = async (kind: MessageKind, messageId: string, opts: CallOptions): Promise<MessageStatus> => {
		const { text } = await soapCall.call(ctx, creds, kind, 'status', [{ name: kind === 'mms' ? 'mmsId' : 'id', text: messageId }], {
			...opts,
			repeatable: true,
		});
		return toStatus(expectCode(ctx, text, opts.itemIndex), kind);
	};

	return {
		api: 'soap',
		maxRecipientsPerRequest: MAX_BUNDLE_RECIPIENTS,
		render: renderSoap,
		getStatus,

		async send(request: SendRequest, opts: CallOptions): Promise<SendResult> {
			const single = request.recipients.length === 1 && !request.recipients[0].values && !request.defaults;
			if (!single && request.type === 'flash') {
				throw new NodeOperationError(ctx.getNode(), 'The SOAP web service cannot send a flash SMS to many recipients', {
					itemIndex: opts.itemIndex,
					description: 'Send flash messages one recipient per item (SMS → Send with Type Flash).',
				});
			}
			const operation = smsOperation(!single, request.type === 'flash', request.sendAt !== undefined);
			const templated = request.recipients.some((r) => r.values) || request.defaults !== undefined;
			const params = smsParams(creds, {
				till: templated ? '' : request.recipients.map((r) => r.to).join(','),
				sender: request.sender,
				text: request.text,
				priority: request.priority,
				recipients: templated
					? templatedRecipients(
							request.recipients.map((r) => ({
								to: r.to,
								replacements: Object.entries({ ...request.defaults, ...r.values }).map(([key, value]): [string, string] => [`{${key}}`, value]),
							})),
						)
					: undefined,
				sendAt: request.sendAt,
			});
			const id = await sendOnce('sms', operation, params, opts);
			const messages = request.recipients.map((r) => ({
				to: r.to,
				itemIndex: r.itemIndex,
				messageId: single ? id : undefined,
				text: renderSoap(request.text, r.values, request.defaults),
			}));
			return { batchId: single ? undefined : id, messages, requests: 1 };
		},

		prepareUrlSms: (sms) => ({ query: urlSmsQuery(creds, sms) }),

		async sendUrlSms(sms, opts) {
			const answer = await urlCall.call(ctx, creds, sms.query, { ...opts, repeatable: false });
			return expectId(ctx, answer, 'sms', opts.itemIndex);
		},

		async sendGroup(group, opts) {
			const params = smsParams(creds, {
				till: group.personalised ? '' : group.recipients.map((r) => r.to).join(','),
				sender: group.sender,
				text: group.text,
				priority: group.priority,
				recipients: group.personalised ? templatedRecipients(group.recipients) : undefined,
				sendAt: group.sendAt,
			});
			return await sendOnce('sms', smsOperation(true, false, group.sendAt !== undefined), params, opts);
		},

		sendMms: async (mms, opts) => await sendOnce('mms', 'sendMMS', mmsParams(creds, mms), opts),

		async cancelMessage(messageId, opts) {
			// Not repeated after a lost answer: a second cancel would answer an error code for a cancelled message.
			const { text } = await soapCall.call(ctx, creds, 'sms', 'cancelSms', [...login(creds), { name: 'smsID', text: messageId }], {
				...opts,
				repeatable: false,
			});
			expectDone(ctx, text, `SMS ${messageId}`, opts.itemIndex);
		},

		async getScheduledTime(messageId, opts) {
			const { text } = await soapCall.call(ctx, creds, 'sms', 'tidpunkt', [{ name: 'id', text: messageId }], { ...opts, repeatable: true });
			return { raw: text, sendAt: parseStockholmLocal(text) ?? undefined };
		},

		async describeStatusCode(code, opts) {
			const { text } = await soapCall.call(ctx, creds, 'sms', 'beskrivning', [{ name: 'Id', text: code }], { ...opts, repeatable: true });
			return { text, status: toStatus(Number(code), 'sms') };
		},

		async getMessage(messageId: string, batchId: string | undefined, opts: CallOptions): Promise<MessageInfo> {
			return { messageId, batchId, status: await getStatus('sms', messageId, opts) };
		},

		async getBatchMessages(batchId: string, paging: Paging, opts: CallOptions): Promise<MessageInfo[]> {
			const { text, element } = await soapCall.call(ctx, creds, 'sms', 'statusBundle', [{ name: 'bundleID', text: batchId }], {
				...opts,
				repeatable: true,
			});
			const rows = readBundleRows(element);
			// No rows and a bare code: the gateway refused the request (e.g. an unknown bundle).
			if (!rows.length && /^\d{1,3}$/.test(text)) {
				throw gatewayRejection(ctx, Number(text), 'sms', opts.itemIndex, `has no status for bundle ${batchId}`);
			}
			const wanted = paging.returnAll ? rows : rows.slice(0, paging.limit);
			return wanted.map((row) => {
				if (!/^\d+$/.test(row.smsId)) {
					throw new NodeApiError(ctx.getNode(), { message: 'bad row' } as JsonObject, {
						message: 'iP.1 gave a bundle status row whose SMS ID is not a number',
						description: 'The gateway may be having trouble; try again later. (statusBundle)',
						itemIndex: opts.itemIndex,
					});
				}
				const code = expectCode(ctx, row.status, opts.itemIndex);
				return { messageId: row.smsId, batchId, status: toStatus(code, 'sms') };
			});
		},

		async cancelBatch(batchId: string, opts: CallOptions) {
			// Not repeated after a lost answer: a second cancel would answer an error code for a cancelled bundle.
			const { text } = await soapCall.call(ctx, creds, 'sms', 'cancelBundle', [...login(creds), { name: 'bundleID', text: batchId }], {
				...opts,
				repeatable: false,
			});
			expectDone(ctx, text, `bundle ${batchId}`, opts.itemIndex);
			return { cancelled: true };
		},

		async getBalance(opts: CallOptions): Promise<Balance> {
			const params: XmlNode[] = [
				{ name: 'Konto', text: creds.accountId },
				{ name: 'Passwd', text: creds.apiKey },
			];
			const { text } = await soapCall.call(ctx, creds, 'sms', 'balans', params, { ...opts, repeatable: true });
			// A balance always has a decimal separator (250.00); a bare integer is a status code (101: wrong key).
			const match = /^(-?\d+)[.,](\d+)$/.exec(text);
			if (!match) {
				throw gatewayRejection(ctx, expectCode(ctx, text, opts.itemIndex), 'sms', opts.itemIndex, 'refused the balance request');
			}
			return { balance: Number(`${match[1]}.${match[2]}`), raw: text, accountId: creds.accountId };
		},
	};
}
