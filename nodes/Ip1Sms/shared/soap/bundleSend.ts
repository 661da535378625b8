import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { Ip1InputError, quoteValue } from '../../helpers/errors';
import { normalizePhoneNumber, parseRecipients } from '../../helpers/phone';
import { validateSender } from '../../helpers/sender';
import { toWireText } from '../../helpers/segments';
import { assertSoapText, type GroupRecipient, type GroupSms, type SoapGateway } from '../../gateway';
import { asInputError, errorItem, runPerItem } from '../../helpers/itemRunner';
import { getItemParameter } from '../../helpers/itemParameters';
import { checkSoapTemplate, readTemplate } from '../../helpers/placeholders';
import {
	checkMessage,
	emptyText,
	readOptions,
	readPriority,
	readSendAt,
	readString,
	readTimeout,
	checksPlaceholders,
	segmentFields,
	type CheckedText,
	type CheckedTime,
} from '../params';

interface Common {
	from: string;
	message: string;
	priority: number;
	timeout?: number;
	sendAt?: CheckedTime;
	options: IDataObject;
}

function readCommon(ctx: IExecuteFunctions, itemIndex: number, scheduled: boolean): Common {
	const options = readOptions(ctx, itemIndex);
	return {
		from: validateSender(readString(ctx, 'from', itemIndex), 'From'),
		message: readString(ctx, 'message', itemIndex),
		priority: readPriority(options),
		timeout: readTimeout(options),
		sendAt: scheduled ? readSendAt(ctx, itemIndex) : undefined,
		options,
	};
}

/** The group SMS of one request: this item's (or chunk's) From, Priority and Send At. */
function groupSms(common: Common, recipients: GroupRecipient[], personalised: boolean, text = common.message): GroupSms {
	return { sender: common.from, text, priority: common.priority, sendAt: common.sendAt, recipients, personalised };
}

function scheduleFields(common: Common): IDataObject {
	return common.sendAt ? { sendAt: common.sendAt.iso, sendAtUnix: common.sendAt.unixSeconds } : {};
}

/** Group SMS → Send / Schedule. */
export async function sendBundle(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	scheduled: boolean,
	gateway: SoapGateway,
): Promise<INodeExecutionData[]> {
	const mode = this.getNodeParameter('mode', 0, 'list') as string;
	if (mode === 'combine') return await sendCombined.call(this, items, gateway, scheduled);

	return await runPerItem(this, items, {
		prepare: (i) => {
			const recipients = parseRecipients(getItemParameter(this, 'recipients', i, '') as string | string[], 'Recipients');
			const common = readCommon(this, i, scheduled);
			return { recipients, common, text: checkMessage(common.message, common.options) };
		},
		run: async ({ recipients, common, text }, i) => {
			const group = groupSms(common, recipients.map((to) => ({ to })), false);
			return {
				bundleId: await gateway.sendGroup(group, { itemIndex: i, timeout: common.timeout }),
				recipients,
				recipientCount: recipients.length,
				from: common.from,
				message: common.message,
				priority: common.priority,
				...segmentFields(text),
				totalSegments: text.segments * recipients.length,
				...scheduleFields(common),
			};
		},
	});
}

interface Recipient {
	itemIndex: number;
	/** This item's From, Priority, Send At and options: items whose values differ go in separate requests. */
	common: Common;
	to: string;
	values: Array<[string, string]>;
	text: CheckedText;
	personalised: string;
}

/** A template value's field in an error title: the key shortened, so the title stays short. */
export function templateFieldName(key: string): string {
	return `Template Field ${quoteValue(key, 20)}`;
}

function personalise(message: string, values: Array<[string, string]>): string {
	let text = message;
	for (const [key, value] of values) if (key) text = text.split(key).join(value);
	return text;
}

async function sendCombined(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: SoapGateway,
	scheduled: boolean,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const common = readCommon(this, 0, scheduled);
	// The message is one text for the whole bundle: an expression that differs per item would be
	// silently lost, so it is evaluated per item only when it is an expression, and must not differ.
	const rawMessage = this.getNodeParameter('message', 0, '', { rawExpressions: true }) as string;
	const messageIsExpression = typeof rawMessage === 'string' && rawMessage.startsWith('=');
	const perRequest = Math.max(1, Math.floor(Number(common.options.recipientsPerRequest ?? 500)) || 500);
	if (!common.message.trim()) throw asInputError(this, emptyText('Message'), 0);
	// Version 2 checks the placeholders (helpers/placeholders.ts) and sends \{ as {; version 1 sends the Message as written.
	const template = checksPlaceholders(this) ? readTemplate(common.message) : undefined;
	const message = template?.text ?? common.message;

	const output: INodeExecutionData[] = new Array(items.length);
	const groups = new Map<string, Recipient[]>();
	let usesTemplates = false;
	for (let i = 0; i < items.length; i++) {
		try {
			const itemCommon = i === 0 ? common : readCommon(this, i, scheduled);
			if (messageIsExpression && i > 0 && itemCommon.message !== common.message) {
				throw new Ip1InputError(
					'Message',
					"Message differs from the first item's",
					"With Combine Input Items every item gets the same Message. Write {name} where a value goes, and set each item's value in Template Fields (Key: {name}, Value: mapped from the item).",
				);
			}
			const to = normalizePhoneNumber(readString(this, 'to', i), 'Recipient');
			const fields = (getItemParameter(this, 'templateFields.field', i, []) as IDataObject[]) ?? [];
			const values = fields.map((f): [string, string] => {
				const key = String(f.key ?? '');
				const value = toWireText(String(f.value ?? ''));
				assertSoapText(value, templateFieldName(key));
				return [key, value];
			});
			if (template) checkSoapTemplate(template, values.map(([key]) => key));
			if (values.length) usesTemplates = true;
			const personalised = personalise(message, values);
			const key = JSON.stringify([itemCommon.from, itemCommon.priority, itemCommon.sendAt?.unixSeconds]);
			const group = groups.get(key) ?? [];
			groups.set(key, group);
			group.push({ itemIndex: i, common: itemCommon, to, values, text: checkMessage(personalised, itemCommon.options), personalised });
		} catch (error) {
			const nodeError = asInputError(this, error, i);
			if (!continueOnFail) throw nodeError;
			output[i] = errorItem(nodeError, i);
		}
	}

	const sentBundles: string[] = [];
	const chunks: Recipient[][] = [];
	for (const group of groups.values()) {
		for (let at = 0; at < group.length; at += perRequest) chunks.push(group.slice(at, at + perRequest));
	}
	let start = 0;
	for (const chunk of chunks) {
		const chunkCommon = chunk[0].common;
		const firstItem = chunk[0].itemIndex;
		try {
			const recipients = chunk.map((r) => ({ to: r.to, replacements: r.values }));
			const group = groupSms(chunkCommon, recipients, usesTemplates, message);
			const bundleId = await gateway.sendGroup(group, { itemIndex: firstItem, timeout: chunkCommon.timeout });
			sentBundles.push(bundleId);
			for (const r of chunk) {
				output[r.itemIndex] = {
					json: {
						bundleId,
						to: r.to,
						from: r.common.from,
						message: r.personalised,
						priority: r.common.priority,
						...segmentFields(r.text),
						...scheduleFields(r.common),
					},
					pairedItem: { item: r.itemIndex },
				};
			}
		} catch (error) {
			if (continueOnFail) {
				for (const r of chunk) output[r.itemIndex] = errorItem(error, r.itemIndex);
				start += chunk.length;
				continue;
			}
			const earlier = sentBundles.length
				? ` The ${start} recipients before them were sent in bundle(s) ${sentBundles.join(', ')}.`
				: '';
			throw new NodeOperationError(this.getNode(), (error as Error).message, {
				itemIndex: firstItem,
				description: `${(error as { description?: string }).description ?? ''} This was the request for recipients ${start + 1}–${start + chunk.length}.${earlier}`.trim(),
			});
		}
		start += chunk.length;
	}
	return output;
}
