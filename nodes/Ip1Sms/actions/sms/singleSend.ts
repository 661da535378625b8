import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { normalizePhoneNumber } from '../../helpers/phone';
import { validateSender } from '../../helpers/sender';
import { assertUnambiguousLatin1, percentEncodeLatin1 } from '../../helpers/latin1';
import type { Ip1Credentials } from '../../gateway/soap/credentials';
import { soapCall, urlCall } from '../../gateway/soap/request';
import { expectId } from '../../gateway/soap/results';
import {
	fromField,
	maxSegmentsOption,
	messageField,
	parallelRequestsOption,
	priorityOption,
	sendAtField,
	timeoutOption,
	toField,
	transportOption,
} from '../common.descriptions';
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
	timeout: number;
	transport: 'soap' | 'url';
	sendAt?: CheckedTime;
	urlQuery?: string;
}

const OPERATION: Record<SingleSendKind, string> = { sms: 'sms', flash: 'flashSms', scheduled: 'smsAt' };

/** The fields of Send, Send Flash and Schedule (the URL call cannot schedule). */
export function singleSendProperties(kind: SingleSendKind): INodeProperties[] {
	const options = [maxSegmentsOption, parallelRequestsOption, priorityOption, timeoutOption];
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
	creds: Ip1Credentials,
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
				const query: Array<[string, string, string]> = [
					['acc', creds.accountId, 'Account ID'],
					['pass', creds.apiKey, 'API Key'],
					['msg', text.wire, 'Message'],
					['to', to, 'To'],
					['from', from, 'From'],
					['prio', String(priority), 'Priority'],
				];
				if (kind === 'flash') query.push(['type', 'flash', 'Type']);
				prepared.urlQuery = query
					.map(([k, v, field]) => `${k}=${percentEncodeLatin1(v, field, field === 'API Key')}`)
					.join('&');
				assertUnambiguousLatin1(text.wire, 'Message');
			}
			return prepared;
		},
		run: async (p, i): Promise<IDataObject> => {
			let answer: string;
			if (p.urlQuery !== undefined) {
				answer = await urlCall.call(this, creds, p.urlQuery, { itemIndex: i, timeout: p.timeout, repeatable: false });
			} else {
				const params = [
					{ name: 'konto', text: creds.accountId },
					{ name: 'passwd', text: creds.apiKey },
					{ name: 'till', text: p.to },
					{ name: 'from', text: p.from },
					{ name: 'meddelande', text: p.text.wire },
					{ name: 'prio', text: String(p.priority) },
				];
				if (p.sendAt) params.push({ name: 'sendAt', text: String(p.sendAt.unixSeconds) });
				const result = await soapCall.call(this, creds, 'sms', OPERATION[kind], params, {
					itemIndex: i,
					timeout: p.timeout,
					repeatable: false,
				});
				answer = result.text;
			}
			const id = expectId(this, answer, 'sms', p.urlQuery !== undefined ? 'sendsms.aspx' : OPERATION[kind], i);
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
