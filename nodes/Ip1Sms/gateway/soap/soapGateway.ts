import { NodeApiError, NodeOperationError, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { toWireText } from '../../helpers/segments';
import type {
	Balance,
	CallOptions,
	Ip1Gateway,
	MessageInfo,
	MessageStatus,
	Paging,
	SendRequest,
	SendResult,
} from '../types';
import { getIp1Credentials, type Ip1Credentials } from './credentials';
import { soapCall, type Ip1Service } from './request';
import { describeCode, expectCode, expectDone, expectId, gatewayRejection } from './results';
import type { XmlNode } from './soapEnvelope';
import { readBundleRows } from './xmlReader';

/** SOAP's own calls that only SOAP actions (URL call, MMS, Status Code, scheduled time) make. */
export interface SoapGateway extends Ip1Gateway {
	readonly api: 'soap';
	readonly creds: Ip1Credentials;
	/** Status of an SMS (appendix A) or an MMS (appendix B). */
	getStatus(service: Ip1Service, messageId: string, opts: CallOptions): Promise<MessageStatus>;
}

/** The most recipients one bundle request carries (Recipients per Request's maximum). */
const MAX_BUNDLE_RECIPIENTS = 5000;

function toStatus(code: number, service: Ip1Service): MessageStatus {
	const info = describeCode(code, service);
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
	const login = (): XmlNode[] => [
		{ name: 'konto', text: creds.accountId },
		{ name: 'passwd', text: creds.apiKey },
	];

	const getStatus = async (service: Ip1Service, messageId: string, opts: CallOptions): Promise<MessageStatus> => {
		const { text } = await soapCall.call(ctx, creds, service, 'status', [{ name: service === 'mms' ? 'mmsId' : 'id', text: messageId }], {
			...opts,
			repeatable: true,
		});
		return toStatus(expectCode(ctx, text, 'status', opts.itemIndex), service);
	};

	return {
		api: 'soap',
		creds,
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
			const operation = single
				? request.sendAt ? 'smsAt' : request.type === 'flash' ? 'flashSms' : 'sms'
				: request.sendAt ? 'smsBundleAt' : 'smsBundle';
			const templated = request.recipients.some((r) => r.values) || request.defaults !== undefined;
			const params: XmlNode[] = [
				...login(),
				{ name: 'till', text: templated ? '' : request.recipients.map((r) => r.to).join(',') },
				{ name: 'from', text: request.sender },
				{ name: 'meddelande', text: toWireText(request.text) },
				{ name: 'prio', text: String(request.priority) },
			];
			if (templated) {
				params.push({
					name: 'recipients',
					children: request.recipients.map((r) => ({
						name: 'Recipient',
						children: [
							{ name: 'Number', text: r.to },
							{
								name: 'Parameters',
								children: Object.entries({ ...request.defaults, ...r.values }).map(([key, value]) => ({
									name: 'TemplateField',
									children: [
										{ name: 'Key', text: `{${key}}` },
										{ name: 'Value', text: toWireText(value) },
									],
								})),
							},
						],
					})),
				});
			}
			if (request.sendAt) params.push({ name: 'sendAt', text: String(request.sendAt.unixSeconds) });
			const answer = await soapCall.call(ctx, creds, 'sms', operation, params, { ...opts, repeatable: false });
			const id = expectId(ctx, answer.text, 'sms', operation, opts.itemIndex);
			const messages = request.recipients.map((r) => ({
				to: r.to,
				itemIndex: r.itemIndex,
				messageId: single ? id : undefined,
				text: renderSoap(request.text, r.values, request.defaults),
			}));
			return { batchId: single ? undefined : id, messages, requests: 1 };
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
						message: 'iP.1 answered statusBundle with a row whose SMS id is not a number',
						description: 'The gateway may be having trouble; try again later.',
						itemIndex: opts.itemIndex,
					});
				}
				const code = expectCode(ctx, row.status, 'statusBundle', opts.itemIndex);
				return { messageId: row.smsId, batchId, status: toStatus(code, 'sms') };
			});
		},

		async cancelBatch(batchId: string, opts: CallOptions) {
			// Not repeated after a lost answer: a second cancel would answer an error code for a cancelled bundle.
			const { text } = await soapCall.call(ctx, creds, 'sms', 'cancelBundle', [...login(), { name: 'bundleID', text: batchId }], {
				...opts,
				repeatable: false,
			});
			expectDone(ctx, text, 'cancelBundle', `bundle ${batchId}`, opts.itemIndex);
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
				throw gatewayRejection(ctx, expectCode(ctx, text, 'balans', opts.itemIndex), 'sms', opts.itemIndex, 'refused the balance request');
			}
			return { balance: Number(`${match[1]}.${match[2]}`), raw: text, accountId: creds.accountId };
		},
	};
}
