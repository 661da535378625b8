import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { readCallbackPairs, sortCallbackPairs, type CallbackRequestLike } from './callbackRequest';
import type { TextEncodingOption, UsedEncoding } from './rawQuery';
import { normaliseNumber, parseNumberList } from './receivingNumbers';
import { DEFAULT_MAX_ENTRIES, DEFAULT_TTL_MS, SeenIds } from './seenIds';
import { secretsMatch } from './secret';

/** Path under the node's webhook id: the URL is `<n8n>/webhook/<webhook id>/ip1-sms`. */
export const WEBHOOK_PATH = 'ip1-sms';

/** The part of n8n's (Express) response the trigger writes to. */
interface PlainResponse {
	headersSent?: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

interface TriggerOptions {
	includeRawQuery?: boolean;
	receivingNumbers?: string;
	secret?: string;
	/** "Secret Parameter Name": n8n's lint keeps "secret" in parameter names for password fields */
	keyParameterName?: string;
	textEncoding?: TextEncodingOption;
}

/**
 * Callback ids already taken, for this process. n8n runs a webhook in the process that
 * received the request: with several webhook processors (queue mode) each keeps its own memory.
 */
export const seenCallbackIds = new SeenIds({
	ttlMs: DEFAULT_TTL_MS,
	maxEntries: DEFAULT_MAX_ENTRIES,
});

function reply(res: PlainResponse, status: number, body: string): void {
	if (res.headersSent) return;
	res.writeHead(status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': String(body.length),
		'Cache-Control': 'no-store',
	});
	res.end(body);
}

function isTextEncoding(value: unknown): value is TextEncodingOption {
	return value === 'auto' || value === 'utf-8' || value === 'iso-8859-1';
}

export class Ip1SmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iP.1 SMS Trigger',
		name: 'ip1SmsTrigger',
		icon: { light: 'file:../../icons/ip1.svg', dark: 'file:../../icons/ip1.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n evaluates a Webhook-v1 option through its expression engine on every
		// request to a version-1 start node; at 1.1 that per-callback cost is gone.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: 'Incoming SMS',
		description: 'Starts the workflow when an SMS arrives at your iP.1 number',
		defaults: {
			name: 'iP.1 SMS Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				path: WEBHOOK_PATH,
			},
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: WEBHOOK_PATH,
			},
		],
		triggerPanel: {
			header: 'Waiting for an incoming SMS',
			executionsHelp: {
				inactive:
					"Click 'Listen for test event', then send an SMS to your iP.1 number while the Test URL is registered as the Callback URL in the iP.1 portal (or call the Test URL yourself with incsmsid, sender, text and to). Once the workflow is published, the Production URL takes the callbacks.",
				active:
					'The workflow is published: every incoming SMS that iP.1 delivers to the Production URL starts an execution.',
			},
			activationHint:
				'Register the Production URL as the Callback URL in the iP.1 portal, then publish the workflow.',
		},
		properties: [
			{
				displayName:
					"Register this node's Production URL (see Webhook URLs above) as the Callback URL in the iP.1 portal: app.ip1sms.com, Settings, Callback URL. If you set a Secret below, register the URL with ?secret=your-secret appended. iP.1 calls that URL for every SMS sent to your number; this node answers OK itself.",
				name: 'callbackNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Include Raw Query',
						name: 'includeRawQuery',
						type: 'boolean',
						default: false,
						description:
							'Whether to add the undecoded query string of the callback to the output as rawQuery',
					},
					{
						displayName: 'Only For Receiving Numbers',
						name: 'receivingNumbers',
						type: 'string',
						default: '',
						placeholder: '46701234567, 46709876543',
						description:
							'Comma-separated list of your iP.1 numbers this trigger handles (+46…, 0046… and 46… are the same number). An SMS to any other number is acknowledged with OK and starts nothing. Leave empty for all.',
					},
					{
						displayName: 'Secret',
						name: 'secret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'A shared secret that every callback must carry as a query parameter: register the URL at iP.1 as …/ip1-sms?secret=your-secret. Callbacks with a missing or wrong secret get 401 and start nothing.',
					},
					{
						displayName: 'Secret Parameter Name',
						name: 'keyParameterName',
						type: 'string',
						default: 'secret',
						description: 'Name of the query parameter that carries the secret',
					},
					{
						displayName: 'Text Encoding',
						name: 'textEncoding',
						type: 'options',
						default: 'auto',
						description:
							'How the percent-encoded bytes of the callback are read. Auto-detect reads UTF-8 when the bytes are valid UTF-8 and ISO-8859-1 (what iP.1 sends) otherwise.',
						options: [
							{
								name: 'Auto-Detect',
								value: 'auto',
							},
							{
								name: 'ISO-8859-1 (Latin-1)',
								value: 'iso-8859-1',
							},
							{
								name: 'UTF-8',
								value: 'utf-8',
							},
						],
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// iP.1 offers no API to register a callback URL: the user registers it by hand in the
			// portal. The node remembers which URL it announced and reminds the user of it.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				return staticData.callbackUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const callbackUrl = this.getNodeWebhookUrl('default');
				const staticData = this.getWorkflowStaticData('node');
				staticData.callbackUrl = callbackUrl;
				this.logger.info(
					`iP.1 SMS Trigger "${this.getNode().name}" listens at ${callbackUrl ?? '(unknown URL)'}: register this URL as the Callback URL in the iP.1 portal`,
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
		const response = this.getResponseObject() as unknown as PlainResponse;
		const encoding: TextEncodingOption = isTextEncoding(options.textEncoding)
			? options.textEncoding
			: 'auto';
		const secret = options.secret ?? '';
		const secretParameterName = (options.keyParameterName ?? '').trim() || 'secret';

		const parsedBody =
			(request.method ?? 'GET').toUpperCase() === 'GET' ? undefined : this.getBodyData();
		const { pairs, rawQuery } = readCallbackPairs(request, parsedBody, encoding);
		const callback = sortCallbackPairs(
			pairs,
			rawQuery,
			secret !== '' ? secretParameterName : undefined,
		);

		if (
			secret !== '' &&
			(callback.secret === undefined || !secretsMatch(callback.secret, secret))
		) {
			this.logger.warn(
				`iP.1 SMS Trigger: refused a callback with a missing or wrong ${secretParameterName}`,
			);
			reply(response, 401, 'Unauthorized');
			return { noWebhookResponse: true };
		}

		const incsmsid = callback.fields.incsmsid?.value.trim() ?? '';
		const sender = callback.fields.sender?.value ?? '';
		if (incsmsid === '' || sender === '') {
			const missing = [incsmsid === '' ? 'incsmsid' : '', sender === '' ? 'sender' : '']
				.filter((name) => name !== '')
				.join(' and ');
			reply(response, 400, `Bad Request: missing ${missing}`);
			return { noWebhookResponse: true };
		}

		const to = callback.fields.to?.value ?? '';
		const receivingNumbers = parseNumberList(options.receivingNumbers ?? '');
		if (receivingNumbers.size > 0 && !receivingNumbers.has(normaliseNumber(to))) {
			// acknowledged, so that the gateway does not retry for five hours a message this trigger will never take
			this.logger.debug(
				`iP.1 SMS Trigger: ignored callback ${incsmsid} to ${to}, not a listed receiving number`,
			);
			reply(response, 200, 'OK');
			return { noWebhookResponse: true };
		}

		const textEncoding: UsedEncoding =
			callback.fields.text?.encoding ?? (encoding === 'iso-8859-1' ? 'iso-8859-1' : 'utf-8');
		const item: IDataObject = {
			incsmsid,
			sender,
			to,
			text: callback.fields.text?.value ?? '',
			receivedAt: new Date().toISOString(),
			encoding: textEncoding,
			query: callback.query,
		};
		if (options.includeRawQuery === true) item.rawQuery = callback.rawQuery;

		// check and set in one synchronous step: simultaneous repeats cannot both pass
		const mode = this.getMode() === 'manual' ? 'manual' : 'production';
		const key = [this.getWorkflow().id ?? '', this.getNode().id, mode, incsmsid].join('\u0000');
		const isFirst = seenCallbackIds.claim(key);
		reply(response, 200, 'OK');
		if (!isFirst) {
			this.logger.debug(
				`iP.1 SMS Trigger: callback ${incsmsid} was already taken, answered OK again`,
			);
			return { noWebhookResponse: true };
		}
		return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
	}
}
