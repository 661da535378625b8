import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type WebhookType,
} from 'n8n-workflow';

import { acknowledge, refuse, start, type PlainResponse } from './answers';
import type { CallbackRequestLike } from './callbackRequest';
import { properties, triggerPanel, WEBHOOK_PATH } from './description';
import { claimMessage, type ObservableResponse } from './recentIds';
import { normaliseNumber, normaliseNumberV1, parseNumberList, parseReceivingNumbers } from './receivingNumbers';
import { readRestPayload } from './rest/payload';
import { handedTo, rememberHanded } from './rest/handedReplies';
import { handReplyToWaitingExecution } from './rest/replies';
import { readRestBody } from './rest/request';
import { secretsMatch } from './secret';
import { readSoapCallback, type SoapOptions } from './soapCallback';

export { WEBHOOK_PATH } from './description';

interface TriggerOptions extends SoapOptions {
	receivingNumbers?: string;
	secret?: string;
	/** "Secret Parameter Name": n8n's lint keeps "secret" in parameter names for password fields */
	keyParameterName?: string;
	resumeUrl?: string;
}

/** The secret of a REST call: a query parameter of the registered URL (the body is iP.1's). */
function querySecret(request: CallbackRequestLike, name: string): string | undefined {
	const target = request.originalUrl ?? request.url ?? '';
	const query = target.includes('?') ? target.slice(target.indexOf('?') + 1).split('#')[0] : '';
	let found: string | undefined;
	for (const part of query.split('&')) {
		const equals = part.indexOf('=');
		const key = equals === -1 ? part : part.slice(0, equals);
		if (safeDecode(key) === name) found = safeDecode(equals === -1 ? '' : part.slice(equals + 1));
	}
	return found;
}

function safeDecode(component: string): string {
	try {
		return decodeURIComponent(component.replace(/\+/g, ' '));
	} catch {
		return component;
	}
}

/** Version 2's Receiving Numbers, read the same way at publication and on every call. */
function receivingNumbersOrError(this: IHookFunctions | IWebhookFunctions, list: string): Set<string> {
	const reading = parseReceivingNumbers(list);
	if ('numbers' in reading) return reading.numbers;
	throw new NodeOperationError(this.getNode(), reading.title, { description: reading.fix });
}

function refuseSecret(
	context: IWebhookFunctions,
	response: PlainResponse,
	secretName: string,
): IWebhookResponseData {
	context.logger.warn(`iP.1 SMS Trigger: refused a call with a missing or wrong ${secretName}`);
	return refuse(response, 401, 'Unauthorized');
}

/** Whether the trigger takes an incoming SMS to `to`; version 2 refuses an unreadable list (n8n answers 500, iP.1 retries). */
function takesNumber(context: IWebhookFunctions, list: string, to: string, version2: boolean): boolean {
	if (list.trim() === '') return true;
	if (!version2) return parseNumberList(list).has(normaliseNumberV1(to));
	return receivingNumbersOrError.call(context, list).has(normaliseNumber(to));
}

function isVersion2(version: number): boolean {
	return version >= 2;
}

export class Ip1SmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iP.1 SMS Trigger',
		name: 'ip1SmsTrigger',
		icon: { light: 'file:../../icons/ip1.svg', dark: 'file:../../icons/ip1.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n evaluates a Webhook-v1 option through its expression engine on every
		// request to a version-1 start node; at 1.1 that per-callback cost is gone.
		version: [1, 1.1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["api"] === "soap" ? "SOAP callback" : "REST webhooks" }}',
		// n8n's nodes panel merges the action node and this trigger into one "iP.1 SMS" entry and shows this
		// description for it: so it speaks for both nodes.
		description: 'Send and track SMS through iP.1, and start workflows on incoming SMS and delivery reports',
		defaults: {
			name: 'iP.1 SMS Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ip1SmsRestApi', required: true, displayOptions: { show: { resumeWaiting: [true] } } }],
		// One lifecycle (webhookMethods.default) for the node: only the POST webhook carries that name.
		// `responseData: ''` lets n8n answer with the node's `webhookResponse` once it has recorded the execution.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: WEBHOOK_PATH,
			},
			{
				// n8n's type lists 'default' | 'setup', but any name works; it runs webhookMethods[name] only
				name: 'soapGet' as WebhookType,
				httpMethod: 'GET',
				responseMode: 'onReceived',
				responseData: '',
				path: WEBHOOK_PATH,
				// only the SOAP callback calls GET: a REST trigger shows its POST URL alone (version 1 has no API: shown)
				ndvHideUrl: '={{ $parameter["api"] === "rest" }}',
			},
		],
		triggerPanel,
		properties,
	};

	webhookMethods = {
		default: {
			// iP.1 offers no API to register a URL: the user registers it by hand. The node remembers which
			// URL it announced and reminds the user of it; version 2 refuses unreadable Receiving Numbers here,
			// so that publishing fails with the reason instead of every SMS being dropped.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				return staticData.callbackUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (isVersion2(this.getNode().typeVersion)) {
					const options = this.getNodeParameter('options', {}) as TriggerOptions;
					receivingNumbersOrError.call(this, options.receivingNumbers ?? '');
				}
				const callbackUrl = this.getNodeWebhookUrl('default');
				const staticData = this.getWorkflowStaticData('node');
				staticData.callbackUrl = callbackUrl;
				this.logger.info(
					`iP.1 SMS Trigger "${this.getNode().name}" listens at ${callbackUrl ?? '(unknown URL)'}: register this URL at iP.1`,
				);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				delete staticData.callbackUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const request = this.getRequestObject() as unknown as CallbackRequestLike;
		const response = this.getResponseObject() as unknown as PlainResponse & ObservableResponse;
		const version2 = isVersion2(this.getNode().typeVersion);
		const api = version2 ? (this.getNodeParameter('api', 'rest') as string) : 'soap';
		const secret = options.secret ?? '';
		const secretName = (options.keyParameterName ?? '').trim() || 'secret';
		const receivedAt = new Date().toISOString();

		let item: IDataObject;
		let dedupeKey: string;
		let to: string | undefined;
		let resumeWaiting = false;
		if (api === 'soap') {
			const parsedBody =
				(request.method ?? 'GET').toUpperCase() === 'GET' ? undefined : this.getBodyData();
			const reading = readSoapCallback(
				request,
				parsedBody,
				options,
				secret !== '' ? secretName : undefined,
				receivedAt,
				version2,
			);
			if (secret !== '' && (reading.secret === undefined || !secretsMatch(reading.secret, secret))) {
				return refuseSecret(this, response, secretName);
			}
			if (!reading.ok) return refuse(response, 400, `Bad Request: ${reading.problem}`);
			item = reading.item;
			to = reading.to;
			dedupeKey = `sms:${reading.messageId}`;
		} else {
			if (secret !== '') {
				const given = querySecret(request, secretName);
				if (given === undefined || !secretsMatch(given, secret)) {
					return refuseSecret(this, response, secretName);
				}
			}
			const body = readRestBody(request, this.getBodyData());
			if (!body.ok) return refuse(response, body.status, body.message, body.headers);
			const reading = readRestPayload(body.body, receivedAt);
			if (!reading.ok) return refuse(response, 400, `Bad Request: ${reading.problem}`);
			const events = this.getNodeParameter('events', ['incomingSms']) as string[];
			if (!events.includes(reading.event)) {
				this.logger.debug(`iP.1 SMS Trigger: acknowledged a ${reading.event}, an event this trigger does not take`);
				return acknowledge();
			}
			item = reading.item;
			dedupeKey = reading.dedupeKey;
			to = reading.event === 'incomingSms' ? String(item.to) : undefined;
			resumeWaiting = reading.event === 'incomingSms' && this.getNodeParameter('resumeWaiting', false) === true;
		}

		if (to !== undefined && !takesNumber(this, options.receivingNumbers ?? '', to, version2)) {
			// acknowledged, so that the gateway does not retry a message this trigger will never take
			this.logger.debug(`iP.1 SMS Trigger: ignored a message to ${to}, not a listed receiving number`);
			return acknowledge();
		}

		const claim = await claimMessage(this, dedupeKey, response);
		if (claim === 'retryLater') {
			return refuse(response, 503, 'Service Unavailable: not recorded yet, try again', { 'Retry-After': '5' });
		}
		if (claim === 'repeat') {
			this.logger.debug(`iP.1 SMS Trigger: ${dedupeKey} was already taken, acknowledged again`);
			return acknowledge();
		}
		if (resumeWaiting) {
			try {
				const handed = await handReplyToWaitingExecution(this, item, options.resumeUrl);
				const staticData = this.getWorkflowStaticData('node');
				if (handed.resumed) {
					this.logger.debug(`iP.1 SMS Trigger: ${dedupeKey} ${handed.outcome} waiting execution ${handed.executionId}`);
					rememberHanded(staticData, String(item.messageId), handed.executionId);
					return acknowledge();
				}
				if (handed.reason === 'notWaiting' && handedTo(staticData, String(item.messageId)) === handed.executionId) {
					this.logger.debug(`iP.1 SMS Trigger: ${dedupeKey} was handed to execution ${handed.executionId} before, acknowledged again`);
					return acknowledge();
				}
			} catch (error) {
				this.logger.warn(`iP.1 SMS Trigger: could not hand ${dedupeKey} to a waiting execution: ${(error as Error).message}`);
				return refuse(response, 503, 'Service Unavailable: not handed over yet, try again', { 'Retry-After': '5' });
			}
		}
		// version 2: the key of the memory above, for n8n's Remove Duplicates node where that memory does not
		// reach (after a restart, on another webhook process); versions 1 and 1.1 keep their output (`incsmsid`)
		return start(version2 ? { ...item, dedupeKey } : item);
	}
}
