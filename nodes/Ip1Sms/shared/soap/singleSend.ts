import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { normalizePhoneNumber } from '../../helpers/phone';
import { validateSender } from '../../helpers/sender';
import type { PreparedUrlSms, SoapGateway } from '../../gateway';
import type { SendRequest } from '../../gateway/types';
import {
	fromField,
	messageField,
	parallelRequestsOption,
	priorityOptions,
	sendAtField,
	smsPartsOption,
	timeoutOptions,
	toField,
	transportOption,
} from '../fields';
import { runPerItem } from '../../helpers/itemRunner';
import {
	checkMessage,
	readOptions,
	readPriority,
	readSendAt,
	readString,
	readTimeout,
	segmentFields,
	type CheckedText,
	type CheckedTime,
} from '../params';

export type SingleSendKind = 'sms' | 'flash' | 'scheduled';

interface PreparedSms {
	to: string;
	from: string;
	message: string;
	text: CheckedText;
	priority: number;
	timeout?: number;
	transport: 'soap' | 'url';
	sendAt?: CheckedTime;
	/** With Transport → URL Call: checked before any request. */
	urlSms?: PreparedUrlSms;
}

/** The fields of Send, Send Flash and Schedule (the URL call cannot schedule). */
export function singleSendProperties(kind: SingleSendKind): INodeProperties[] {
	const options = [smsPartsOption, parallelRequestsOption, priorityOptions.soap, timeoutOptions.soap];
	return [
		toField,
		fromField,
		messageField,
		...(kind === 'scheduled' ? [sendAtField] : []),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: kind === 'scheduled' ? options : [...options, transportOption],
		},
	];
}

/** Send, Send Flash and Schedule: one SMS per input item. */
export async function sendSingleSms(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	kind: SingleSendKind,
	gateway: SoapGateway,
): Promise<INodeExecutionData[]> {
	const first = readOptions(this, 0);
	const concurrency = Number(first.parallelRequests ?? 10) || 1;

	return await runPerItem(this, items, {
		concurrency,
		prepare: (i): PreparedSms => {
			const options = readOptions(this, i);
			const to = normalizePhoneNumber(readString(this, 'to', i), 'To');
			const from = validateSender(readString(this, 'from', i), 'From');
			const message = readString(this, 'message', i);
			const text = checkMessage(message, options);
			const priority = readPriority(options);
			const transport = kind !== 'scheduled' && options.transport === 'url' ? 'url' : 'soap';
			const prepared: PreparedSms = { to, from, message, text, priority, timeout: readTimeout(options), transport };
			if (kind === 'scheduled') prepared.sendAt = readSendAt(this, i);
			if (transport === 'url') {
				prepared.urlSms = gateway.prepareUrlSms({ to, sender: from, text: message, priority, flash: kind === 'flash' });
			}
			return prepared;
		},
		run: async (p, i): Promise<IDataObject> => {
			const opts = { itemIndex: i, timeout: p.timeout };
			let id: string | undefined;
			if (p.urlSms) {
				id = await gateway.sendUrlSms(p.urlSms, opts);
			} else {
				const request: SendRequest = {
					sender: p.from,
					text: p.message,
					recipients: [{ to: p.to, itemIndex: i }],
					type: kind === 'flash' ? 'flash' : 'sms',
					priority: p.priority,
					sendAt: p.sendAt,
				};
				id = (await gateway.send(request, opts)).messages[0].messageId;
			}
			const json: IDataObject = {
				id,
				to: p.to,
				from: p.from,
				message: p.message,
				type: kind === 'flash' ? 'flash' : 'sms',
				priority: p.priority,
				...segmentFields(p.text),
				transport: p.transport,
			};
			if (p.sendAt) {
				json.sendAt = p.sendAt.iso;
				json.sendAtUnix = p.sendAt.unixSeconds;
			}
			return json;
		},
	});
}
