/**
 * What the answer to `POST /v2/batches` tells, in whichever form it comes (the contract leaves it
 * open): a whole batch document, a bare `{ "id" }`, an array (of messages or of one batch), a bare
 * id as JSON string or text, or only a `Location` header. And which message is whose.
 */
import type { BatchInfo, Recipient, SentMessage } from '../types';
import type { RestResponse } from './client';
import { field, isDoc, readBatch, readHistory, str, num, type Doc } from './documents';
import { restStatus } from './statuses';

const ID = /^[0-9A-Za-z_-]{1,128}$/;

export interface SendAnswer {
	batchId?: string;
	/** Message documents, when the answer carries them. */
	messages?: Doc[];
	/** Messages per status code, when the answer is a batch document with its summary. */
	statusCounts?: BatchInfo['statusCounts'];
}

function isMessage(doc: Doc): boolean {
	return field(doc, 'recipient') !== undefined;
}

function fromLocation(location: string | undefined): string | undefined {
	const m = location ? /\/batches\/([^/?#]+)\/?(?:[?#].*)?$/.exec(location) : null;
	return m ? decodeURIComponent(m[1]) : undefined;
}

export function readSendAnswer(response: RestResponse): SendAnswer {
	const { json } = response;
	const answer: SendAnswer = {};
	if (isDoc(json)) {
		if (isMessage(json)) {
			answer.messages = [json];
			answer.batchId = str(json, 'batchId');
		} else {
			answer.batchId = str(json, 'id') ?? str(json, 'batchId');
			answer.statusCounts = readBatch(json).statusCounts;
			const messages = field(json, 'messages');
			if (Array.isArray(messages)) answer.messages = messages.filter(isDoc);
		}
	} else if (Array.isArray(json)) {
		const docs = json.filter(isDoc);
		if (docs.some(isMessage)) {
			answer.messages = docs.filter(isMessage);
			answer.batchId = answer.messages.map((m) => str(m, 'batchId')).find(Boolean);
		} else if (docs.length === 1) {
			answer.batchId = str(docs[0], 'id') ?? str(docs[0], 'batchId');
		}
	} else if (typeof json === 'string' && ID.test(json)) {
		answer.batchId = json;
	} else if (json === undefined && ID.test(response.text.trim())) {
		answer.batchId = response.text.trim();
	}
	answer.batchId ??= fromLocation(response.headers.location);
	return answer;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * Pairs each recipient with its message by number, in order: a number listed twice takes the
 * first unused message of that number each time.
 */
export function matchMessages(recipients: Recipient[], docs: Doc[]): SentMessage[] {
	const byNumber = new Map<string, Doc[]>();
	for (const doc of docs) {
		const key = digits(str(doc, 'recipient') ?? '');
		const list = byNumber.get(key) ?? [];
		list.push(doc);
		byNumber.set(key, list);
	}
	return recipients.map((recipient) => {
		const doc = byNumber.get(digits(recipient.to))?.shift();
		const sent: SentMessage = { to: recipient.to, itemIndex: recipient.itemIndex };
		if (!doc) return sent;
		const messageId = str(doc, 'id') ?? str(doc, 'messageId');
		const status = readHistory(doc)[0];
		const text = str(doc, 'body');
		const segments = num(doc, 'segments');
		if (messageId) sent.messageId = messageId;
		if (status) sent.status = status;
		if (text !== undefined) sent.text = text;
		if (segments !== undefined) sent.segments = segments;
		return sent;
	});
}

/** Whether every recipient has a message id and a status. */
export function complete(messages: SentMessage[]): boolean {
	return messages.every((m) => m.messageId && m.status);
}

/** Whether the counts say iP.1 refused some of the messages (a 4xx status): only a read names which. */
export function countsRejected(counts: SendAnswer['statusCounts']): boolean {
	return Object.entries(counts ?? {}).some(([code, c]) => c.messages > 0 && restStatus(Number(code)).state === 'rejected');
}

/**
 * Without a read: where every message of the batch has the same status (one code, counted once per
 * recipient), that status is each recipient's; else the recipients keep what they have.
 */
export function statusFromCounts(messages: SentMessage[], counts: SendAnswer['statusCounts']): SentMessage[] {
	const codes = Object.entries(counts ?? {}).filter(([, c]) => c.messages > 0);
	if (codes.length !== 1 || codes[0][1].messages !== messages.length || !/^\d+$/.test(codes[0][0])) return messages;
	const status = restStatus(Number(codes[0][0]));
	return messages.map((m) => (m.status ? m : { ...m, status }));
}
