/*
 * Version 2 sends on the gateway: SMS (one recipient per item), Batch with a list per item, and
 * Batch with Combine Input Items (every item one recipient, in as few requests as possible).
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { Ip1InputError } from '../../helpers/errors';
import { getItemParameter } from '../../helpers/itemParameters';
import { asInputError, errorItem, runPerItem } from '../../helpers/itemRunner';
import { normalizePhoneNumber, parseRecipients } from '../../helpers/phone';
import { checkRestTemplate, readTemplate } from '../../helpers/placeholders';
import type { RestCharacterSet, RestSegmentInfo } from '../../helpers/segments';
import type { Ip1Gateway, Recipient, SendRequest, SendResult, SentMessage } from '../../gateway/types';
import { readString } from '../../shared/params';
import { checkText, readSendParams, requestBase, requestKey, sendParamsReader, type SendParams } from './readSend';
import { templateText } from './templateMessage';
import {
	isRejected,
	pendingFields,
	rejectionError,
	requestFields,
	sentMessageFields,
	textFields,
} from './sendOutput';

/** SMS → Send / Schedule: one message per item. */
export async function sendSingle(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1Gateway,
	scheduled: boolean,
): Promise<INodeExecutionData[]> {
	const concurrency = Number(getItemParameter(ctx, 'options.parallelRequests', 0, 10)) || 1;
	return await runPerItem(ctx, items, {
		concurrency,
		prepare: async (i) => {
			const to = normalizePhoneNumber(readString(ctx, 'to', i), 'To');
			const params = readSendParams(ctx, i, scheduled, await templateText(ctx, gateway, i, () => readTemplateValues(ctx, i), true));
			return { to, params, info: checkText(params.text, params) };
		},
		run: async ({ to, params, info }, i): Promise<IDataObject> => {
			const request: SendRequest = { ...requestBase(params, info.characterSet), recipients: [{ to, itemIndex: i }] };
			const result = await gateway.send(request, { itemIndex: i, timeout: params.timeout });
			const sent = result.messages[0] ?? { to, itemIndex: i };
			if (isRejected(sent)) throw rejectionError(ctx, [sent], result.batchId, i, 0);
			return {
				batchId: result.batchId,
				...sentMessageFields(sent),
				...pendingFields(result, sent),
				message: params.text,
				...requestFields(params),
				...textFields(info),
			};
		},
	});
}

/** Batch → Send / Schedule with a recipient list per item. */
export async function sendLists(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1Gateway,
	scheduled: boolean,
): Promise<INodeExecutionData[]> {
	return await runPerItem(ctx, items, {
		prepare: async (i) => {
			const recipients = parseRecipients(getItemParameter(ctx, 'recipients', i, '') as string | string[], 'Recipients');
			if (recipients.length > gateway.maxRecipientsPerRequest) {
				throw new Ip1InputError(
					'Recipients',
					`Recipients has ${recipients.length} numbers, more than one request takes (${gateway.maxRecipientsPerRequest})`,
					'Split the list over several items, or use Mode → Combine Input Items with one recipient per item.',
				);
			}
			const params = readSendParams(ctx, i, scheduled, await templateText(ctx, gateway, i, () => readTemplateValues(ctx, i), true));
			return { recipients, params, info: checkText(params.text, params) };
		},
		run: async ({ recipients, params, info }, i): Promise<IDataObject> => {
			const request: SendRequest = {
				...requestBase(params, info.characterSet),
				recipients: recipients.map((to) => ({ to, itemIndex: i })),
			};
			const result = await gateway.send(request, { itemIndex: i, timeout: params.timeout });
			const rejected = result.messages.filter(isRejected);
			if (rejected.length) throw rejectionError(ctx, rejected, result.batchId, i, result.messages.length - rejected.length);
			return {
				batchId: result.batchId,
				recipients,
				recipientCount: recipients.length,
				message: params.text,
				...requestFields(params),
				...textFields(info),
				totalSegments: info.segments * recipients.length,
				messages: result.messages.map(sentMessageFields),
				...pendingFields(result),
			};
		},
	});
}

interface CombinedRecipient extends Recipient {
	params: SendParams;
	text: string;
	info: RestSegmentInfo;
}

interface Group {
	request: Omit<SendRequest, 'recipients'>;
	timeout?: number;
	recipients: CombinedRecipient[];
}

function readTemplateValues(ctx: IExecuteFunctions, itemIndex: number): Record<string, string> | undefined {
	const fields = (getItemParameter(ctx, 'templateFields.field', itemIndex, []) as IDataObject[] | undefined) ?? [];
	const values: Record<string, string> = {};
	for (const field of fields) {
		const key = String(field.key ?? '').trim().replace(/^\{(.*)\}$/, '$1');
		if (!key) {
			throw new Ip1InputError('Template Fields', 'A template field has no Name', 'Give each template field the placeholder name it fills, e.g. name for {name}.');
		}
		values[key] = field.value === undefined || field.value === null ? '' : String(field.value);
	}
	return Object.keys(values).length ? values : undefined;
}

/** Requests of at most `size` recipients; a number twice in one group goes into another request. */
function chunk(recipients: CombinedRecipient[], size: number): CombinedRecipient[][] {
	const chunks: Array<{ list: CombinedRecipient[]; numbers: Set<string> }> = [];
	let open = 0;
	for (const r of recipients) {
		while (open < chunks.length && chunks[open].list.length >= size) open++;
		let target = chunks.slice(open).find((c) => c.list.length < size && !c.numbers.has(r.to));
		if (!target) {
			target = { list: [], numbers: new Set() };
			chunks.push(target);
		}
		target.list.push(r);
		target.numbers.add(r.to);
	}
	return chunks.map((c) => c.list);
}

/** requestBase and requestKey of the last params and character set: with Combine most items share them. */
class RequestCache {
	private last?: { params: SendParams; characterSet: RestCharacterSet; request: Omit<SendRequest, 'recipients'>; key: string };

	get(params: SendParams, characterSet: RestCharacterSet): { request: Omit<SendRequest, 'recipients'>; key: string } {
		if (this.last?.params !== params || this.last.characterSet !== characterSet) {
			const request = requestBase(params, characterSet);
			this.last = { params, characterSet, request, key: requestKey(request) };
		}
		return this.last;
	}
}

/** The params with the Message's escapes removed (a backslash before a brace); the same object for the same params, as RequestCache wants. */
function unescapedParams(): (params: SendParams, text: string) => SendParams {
	let last: { params: SendParams; unescaped: SendParams } | undefined;
	return (params, text) => {
		if (params.text === text) return params;
		if (last?.params !== params) last = { params, unescaped: { ...params, text } };
		return last.unescaped;
	};
}

/** Batch → Send / Schedule with Combine Input Items. */
export async function sendCombined(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: Ip1Gateway,
	scheduled: boolean,
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const output: INodeExecutionData[] = new Array(items.length);
	const groups = new Map<string, Group>();
	let firstMessage: string | undefined;
	const readParams = sendParamsReader(ctx, scheduled);
	const requests = new RequestCache();
	const unescaped = unescapedParams();

	for (let i = 0; i < items.length; i++) {
		try {
			const written = readParams(i, await templateText(ctx, gateway, i, () => readTemplateValues(ctx, i), false));
			firstMessage ??= written.text;
			if (written.text !== firstMessage) {
				throw new Ip1InputError(
					'Message',
					"Message differs from the first item's",
					'With Combine Input Items every item gets the same Message. Write {name} where a value goes, and set each item\'s value in Template Fields (Name: name, Value: mapped from the item).',
				);
			}
			const to = normalizePhoneNumber(readString(ctx, 'to', i), 'Recipient');
			const values = readTemplateValues(ctx, i);
			const template = readTemplate(written.text);
			checkRestTemplate(template, Object.keys(values ?? {}));
			const params = unescaped(written, template.text);
			const text = gateway.render(params.text, values);
			const info = checkText(text, params);
			const { request, key } = requests.get(params, params.characterSet ?? info.characterSet);
			let group = groups.get(key);
			if (!group) {
				group = { request, timeout: params.timeout, recipients: [] };
				groups.set(key, group);
			}
			group.recipients.push({ to, values, itemIndex: i, params, text, info });
		} catch (error) {
			const nodeError = asInputError(ctx, error, i);
			if (!continueOnFail) throw nodeError;
			output[i] = errorItem(nodeError, i);
		}
	}

	const wanted = Number(getItemParameter(ctx, 'options.recipientsPerRequest', 0, gateway.maxRecipientsPerRequest));
	const size = Math.max(1, Math.min(gateway.maxRecipientsPerRequest, Math.floor(wanted) || gateway.maxRecipientsPerRequest));
	const sentBatches: string[] = [];
	let sentCount = 0;
	for (const group of groups.values()) {
		for (const list of chunk(group.recipients, size)) {
			const firstItem = list[0].itemIndex;
			let result: SendResult;
			try {
				result = await gateway.send(
					{ ...group.request, recipients: list.map(({ to, values, itemIndex }) => ({ to, values, itemIndex })) },
					{ itemIndex: firstItem, timeout: group.timeout },
				);
			} catch (error) {
				if (continueOnFail) {
					for (const r of list) output[r.itemIndex] = errorItem(error, r.itemIndex);
					continue;
				}
				const earlier = sentBatches.length
					? ` ${sentCount} recipient(s) before them were sent in batch(es) ${sentBatches.join(', ')}.`
					: '';
				throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
					itemIndex: firstItem,
					description: `${(error as { description?: string }).description ?? ''} This was the request for ${list.length} recipient(s) from item ${firstItem} on.${earlier}`.trim(),
				});
			}
			if (result.batchId) sentBatches.push(result.batchId);
			sentCount += list.length;
			const byItem = new Map<number, SentMessage>(result.messages.map((m) => [m.itemIndex, m]));
			for (const r of list) {
				const sent = byItem.get(r.itemIndex) ?? { to: r.to, itemIndex: r.itemIndex };
				if (isRejected(sent)) {
					const error = rejectionError(ctx, [sent], result.batchId, r.itemIndex, 0);
					if (!continueOnFail) throw error;
					output[r.itemIndex] = errorItem(error, r.itemIndex);
					continue;
				}
				output[r.itemIndex] = {
					json: {
						batchId: result.batchId,
						...sentMessageFields(sent),
						...pendingFields(result, sent),
						message: r.text,
						...requestFields(r.params),
						...textFields(r.info),
					},
					pairedItem: { item: r.itemIndex },
				};
			}
		}
	}
	return output.filter((item) => item !== undefined);
}
