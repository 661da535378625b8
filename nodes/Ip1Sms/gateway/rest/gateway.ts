import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type {
	Balance,
	BatchInfo,
	BlacklistEntry,
	CallOptions,
	Contact,
	ContactCreated,
	ContactInput,
	ConversationSummary,
	Ip1RestGateway,
	LabelSummary,
	MessageInfo,
	Paging,
	Sender,
	SendRequest,
	SendResult,
	SentMessage,
	SmsTemplate,
} from '../types';
import { batchBody, render, repeatedTemplatedRecipient } from './batchRequest';
import type { RestClient, RestContext, RestRequest, RestResponse } from './client';
import {
	isDoc,
	readBalance,
	readBatch,
	readBlacklistEntry,
	readMessage,
	readSender,
	readSummary,
	type Doc,
} from './documents';
import { ContactCalls } from './contacts';
import { readPages } from './paging';
import { failureNamingCall, NOT_RESENT } from './problems';
import { complete, countsRejected, matchMessages, readSendAnswer, statusFromCounts, type SendAnswer } from './sendAnswer';
import { restStatus } from './statuses';
import { TemplateReader } from './templates';

/**
 * Recipients per `POST /v2/batches`. iP.1 does not document a maximum; 1000 keeps one request's
 * body well under a megabyte even with template values, and 10,000 recipients take 10 requests.
 */
export const MAX_RECIPIENTS_PER_REQUEST = 1000;

/**
 * Pauses before reading a send's messages again when iP.1 has not listed them all yet (a 202 send
 * works in the background): three reads at most, about 1.3 s in all. Never a second POST.
 */
const READ_AGAIN_MS = [250, 1000];

/** The longest reference an older revision of iP.1's sample allows; the node still takes 256. */
const SAMPLE_REFERENCE_LIMIT = 40;

const segment = (value: string) => encodeURIComponent(value.trim());

/** The recipients as sent, with nothing learnt about their messages. */
const unread = (request: SendRequest): SentMessage[] => request.recipients.map((r) => ({ to: r.to, itemIndex: r.itemIndex }));

export class RestGateway implements Ip1RestGateway {
	readonly api = 'rest' as const;

	readonly maxRecipientsPerRequest = MAX_RECIPIENTS_PER_REQUEST;

	/** Batch reads and cancels by key, once per execution: every item of a Combine send carries the same batch id. */
	private readonly done = new Map<string, Promise<unknown>>();

	private readonly templates: TemplateReader;

	private readonly contacts: ContactCalls;

	constructor(
		private readonly ctx: RestContext,
		private readonly client: RestClient,
	) {
		this.templates = new TemplateReader(client);
		this.contacts = new ContactCalls(client);
	}

	render(text: string, values: Record<string, string> | undefined, defaults?: Record<string, string>): string {
		return render(text, values, defaults);
	}

	async send(request: SendRequest, opts: CallOptions): Promise<SendResult> {
		this.checkRecipients(request, opts);
		const before = this.client.requests;
		const response = await this.client
			.request({
				method: 'POST',
				path: '/v2/batches',
				body: batchBody(request),
				call: request.recipients.length === 1 ? 'send the message' : 'send the messages',
				itemIndex: opts.itemIndex,
				timeout: opts.timeout,
			})
			.catch((error: unknown) => {
				throw this.withReferenceHint(error, request, opts);
			});
		const answer = readSendAnswer(response);
		let messages: SentMessage[] | undefined = answer.messages && matchMessages(request.recipients, answer.messages);
		if (!answer.batchId && !messages?.some((m) => m.messageId)) {
			throw this.client.error(
				{
					message: `iP.1 accepted the send (HTTP ${response.status}) but its answer names no batch`,
					description: `${NOT_RESENT} The answer began: ${response.text.slice(0, 120) || '(empty)'}`,
				},
				opts.itemIndex,
				response.status,
			);
		}
		let unlisted: string | undefined;
		if (answer.batchId && !(messages && complete(messages))) {
			if (request.readMessageIds === false) messages = statusFromCounts(messages ?? unread(request), answer.statusCounts);
			// on: the ids are wanted; off: a refused recipient the counts cannot name, which only a read says
			const read = request.readMessageIds !== false || (countsRejected(answer.statusCounts) && messages!.some((m) => !m.status));
			if (read) ({ messages, unlisted } = await this.readBack(answer.batchId, request, messages, answer.statusCounts, opts));
		}
		return {
			...(answer.batchId ? { batchId: answer.batchId } : {}),
			messages: messages ?? unread(request),
			requests: this.client.requests - before,
			...(unlisted ? { messageIdsPending: true, notice: this.pendingNotice(response.status, answer, unlisted) } : {}),
		};
	}

	/** Why some message ids are missing (`unlisted`: the read's outcome), and where to find them. */
	private pendingNotice(status: number, answer: SendAnswer, unlisted: string): string {
		const refused = Object.entries(answer.statusCounts ?? {})
			.filter(([code, c]) => c.messages > 0 && restStatus(Number(code)).state === 'rejected')
			.reduce((n, [, c]) => n + c.messages, 0);
		return [
			`iP.1 accepted the send (HTTP ${status}), but ${unlisted}: the message IDs are not available yet.`,
			refused ? `Its counts show ${refused} refused message(s).` : '',
			`Read them later with Batch → Get Messages (batch ${answer.batchId}).`,
		]
			.filter(Boolean)
			.join(' ');
	}

	/** A 400 on a send with a reference longer than iP.1's sample allows: say so, and which field. */
	private withReferenceHint(error: unknown, request: SendRequest, opts: CallOptions): unknown {
		const length = request.reference?.length ?? 0;
		const { httpCode, message, description } = error as NodeApiError;
		if (!(error instanceof NodeApiError) || httpCode !== '400' || length <= SAMPLE_REFERENCE_LIMIT) return error;
		const named = /reference/i.test(description ?? '');
		const hint = named
			? `iP.1 refused the field Reference (${length} characters): its limit may be ${SAMPLE_REFERENCE_LIMIT} characters (an older revision of iP.1's own sample says so). Shorten Reference and run the step again.`
			: `If the refusal is about the field Reference: it has ${length} characters, and iP.1's limit may be ${SAMPLE_REFERENCE_LIMIT} (an older revision of iP.1's own sample says so).`;
		return this.client.error({ message, description: [description, hint].filter(Boolean).join(' ') }, opts.itemIndex, 400);
	}

	async getMessage(messageId: string, batchId: string | undefined, opts: CallOptions): Promise<MessageInfo> {
		if (!batchId?.trim()) {
			throw new NodeOperationError(this.ctx.getNode(), 'Batch ID is required to read a message', {
				description: 'The REST API finds a message by its batch id and its message id: map both from the send output.',
				itemIndex: opts.itemIndex,
			});
		}
		const path = `/v2/batches/${segment(batchId)}/messages/${segment(messageId)}`;
		return readMessage(await this.document(path, `read message ${messageId.trim()}`, opts));
	}

	async getBatchMessages(batchId: string, paging: Paging, opts: CallOptions): Promise<MessageInfo[]> {
		return await this.once(`messages ${batchId.trim()} ${paging.returnAll ? 'all' : paging.limit}`, opts, async () => {
			const rows = await this.pages(`/v2/batches/${segment(batchId)}/messages`, `read the messages of batch ${batchId.trim()}`, paging, opts);
			return rows.map(readMessage);
		});
	}

	async cancelBatch(batchId: string, opts: CallOptions): Promise<{ cancelled: boolean; batch?: BatchInfo }> {
		return await this.once(`cancel ${batchId.trim()}`, opts, async () => {
			const response = await this.client.request({
				method: 'DELETE',
				path: `/v2/batches/${segment(batchId)}`,
				call: `cancel batch ${batchId.trim()}`,
				itemIndex: opts.itemIndex,
				timeout: opts.timeout,
				// 409: nothing in the batch was still waiting
				accept: [409],
			});
			if (response.status === 409) return { cancelled: false };
			return isDoc(response.json) && Object.keys(response.json).length > 1
				? { cancelled: true, batch: readBatch(response.json) }
				: { cancelled: true };
		});
	}

	async getBalance(opts: CallOptions): Promise<Balance> {
		const doc = await this.document('/api/me', 'read the account balance', opts);
		const balance = readBalance(doc);
		if (!balance) throw this.unexpected('read the account balance', 'no Balance', opts, { text: JSON.stringify(doc) });
		return balance;
	}

	async getBatch(batchId: string, opts: CallOptions): Promise<BatchInfo> {
		return await this.once(`batch ${batchId.trim()}`, opts, async () =>
			readBatch(await this.document(`/v2/batches/${segment(batchId)}`, `read batch ${batchId.trim()}`, opts)),
		);
	}

	async listBatches(paging: Paging & { order?: 'ASC' | 'DESC' }, opts: CallOptions): Promise<BatchInfo[]> {
		const rows = await readPages(
			this.client,
			{ path: '/v2/batches', call: 'list the batches', itemIndex: opts.itemIndex, timeout: opts.timeout, order: paging.order },
			paging,
		);
		return rows.filter(isDoc).map(readBatch);
	}

	async getConversation(
		participant: string,
		direction: 'all' | 'outgoing' | 'incoming',
		paging: Paging & { order?: 'ASC' | 'DESC' },
		opts: CallOptions,
	): Promise<MessageInfo[]> {
		const tail = direction === 'outgoing' ? '/mt' : direction === 'incoming' ? '/mo' : '';
		const rows = await this.pages(`/v2/conversations/${segment(participant)}${tail}`, `read the conversation with ${participant.trim()}`, paging, opts, paging.order);
		return rows.map(readMessage);
	}

	async getConversationSummary(participant: string, opts: CallOptions): Promise<ConversationSummary> {
		const doc = await this.document(`/v2/conversations/${segment(participant)}/summary`, `read the conversation summary of ${participant.trim()}`, opts);
		return readSummary(doc, participant.trim());
	}

	async listSenders(opts: CallOptions): Promise<Sender[]> {
		// Not paged in any source: one request (paging parameters a server ignores would repeat rows).
		const response = await this.call({ method: 'GET', path: '/v2/me/senders', call: 'list the senders' }, opts);
		if (!Array.isArray(response.json)) throw this.unexpected('list the senders', 'not a list', opts, response);
		return response.json.filter(isDoc).map((doc) => readSender(doc));
	}

	async getSender(sender: string, opts: CallOptions): Promise<Sender> {
		const doc = await this.document(`/v2/me/senders/${segment(sender)}`, `read the sender ${sender.trim()}`, opts);
		return readSender(doc, sender.trim());
	}

	async registerSender(sender: string, opts: CallOptions): Promise<Sender> {
		const response = await this.call({ method: 'PUT', path: `/v2/me/senders/${segment(sender)}`, call: `register the sender ${sender.trim()}` }, opts);
		return readSender(isDoc(response.json) ? response.json : {}, sender.trim());
	}

	async removeSender(sender: string, opts: CallOptions): Promise<void> {
		await this.call({ method: 'DELETE', path: `/v2/me/senders/${segment(sender)}`, call: `remove the sender ${sender.trim()}` }, opts);
	}

	async listBlacklist(paging: Paging, opts: CallOptions): Promise<BlacklistEntry[]> {
		const rows = await this.pages('/v2/blacklist', 'read the blacklist', paging, opts);
		return rows.map((doc) => readBlacklistEntry(doc));
	}

	/**
	 * iP.1 documents two forms: `PUT /v2/blacklist/{msisdn}` (its table, sample and third parties)
	 * and `POST /v2/blacklist`. A 404 or 405 on the PUT says its route does not exist, so nothing was
	 * added: then, and only then, the POST, once.
	 */
	async addToBlacklist(phoneNumber: string, opts: CallOptions): Promise<BlacklistEntry> {
		const number = phoneNumber.trim();
		const call = `add ${number} to the blacklist`;
		const base = { call, itemIndex: opts.itemIndex, timeout: opts.timeout };
		let response = await this.client.request({ ...base, method: 'PUT', path: `/v2/blacklist/${segment(number)}`, accept: [404, 405] });
		if (response.status === 404 || response.status === 405) {
			response = await this.client.request({ ...base, method: 'POST', path: '/v2/blacklist', body: { msisdn: number }, kind: 'write' });
		}
		return readBlacklistEntry(isDoc(response.json) ? response.json : {}, number);
	}

	async removeFromBlacklist(phoneNumber: string, opts: CallOptions): Promise<void> {
		await this.call({ method: 'DELETE', path: `/v2/blacklist/${segment(phoneNumber)}`, call: `remove ${phoneNumber.trim()} from the blacklist` }, opts);
	}

	// ---- templates, contacts, labels (gateway/rest/templates.ts, contacts.ts) ----

	async listTemplates(paging: Paging & { category?: string }, opts: CallOptions): Promise<SmsTemplate[]> {
		return await this.templates.list(paging, opts);
	}

	async getTemplate(templateId: string, opts: CallOptions): Promise<SmsTemplate | undefined> {
		const all = await this.once('templates', opts, async () => await this.templates.list({ returnAll: true, limit: 0 }, opts));
		return all.find((t) => t.templateId === templateId.trim());
	}

	async createContact(contact: ContactInput, synchronous: boolean, opts: CallOptions): Promise<ContactCreated> {
		return await this.contacts.create(contact, synchronous, opts);
	}

	async updateContact(contactId: string, contact: ContactInput, opts: CallOptions): Promise<Contact> {
		return await this.contacts.update(contactId, contact, opts);
	}

	async getContact(contactId: string, opts: CallOptions): Promise<Contact> {
		return await this.contacts.get(contactId, opts);
	}

	async listContacts(paging: Paging & { label?: string }, opts: CallOptions): Promise<Contact[]> {
		return await this.contacts.list(paging, opts);
	}

	async findContactsByPhone(phoneNumber: string, opts: CallOptions): Promise<Contact[]> {
		return await this.contacts.findByPhone(phoneNumber, opts);
	}

	async deleteContact(contactId: string, opts: CallOptions): Promise<void> {
		await this.contacts.delete(contactId, opts);
	}

	async addLabel(label: string, contactIds: string[], opts: CallOptions): Promise<LabelSummary> {
		return await this.contacts.addLabel(label, contactIds, opts);
	}

	async deleteLabel(label: string, opts: CallOptions): Promise<LabelSummary> {
		return await this.contacts.deleteLabel(label, opts);
	}

	private checkRecipients(request: SendRequest, opts: CallOptions): void {
		const fail = (message: string, description: string, itemIndex: number) => {
			throw new NodeOperationError(this.ctx.getNode(), message, { description, itemIndex });
		};
		if (request.recipients.length === 0) fail('No recipients to send to', 'Give at least one phone number.', opts.itemIndex);
		if (request.recipients.length > this.maxRecipientsPerRequest) {
			fail(
				`Too many recipients for one request (${request.recipients.length})`,
				`One REST send carries at most ${this.maxRecipientsPerRequest} recipients: split the list.`,
				opts.itemIndex,
			);
		}
		const repeated = repeatedTemplatedRecipient(request);
		if (repeated) {
			fail(
				`The number ${repeated.to} is listed twice in one send with template values`,
				'With template values iP.1 takes each number once per request: send the second one in another request.',
				repeated.itemIndex,
			);
		}
	}

	/**
	 * The send answer lacked message ids or statuses: read them from the batch, again after a pause
	 * while iP.1 has not listed them all (READ_AGAIN_MS). The messages are sent by now, so a failed
	 * read keeps what the answer gave instead of failing the send. `unlisted` says why ids are still
	 * missing, if they are; the counts then give the status where one code covers every recipient.
	 */
	private async readBack(
		batchId: string,
		request: SendRequest,
		fromAnswer: SentMessage[] | undefined,
		counts: SendAnswer['statusCounts'],
		opts: CallOptions,
	): Promise<{ messages: SentMessage[]; unlisted?: string }> {
		// one message per recipient: asking for that many takes one request per 1,000, Link header or not
		const paging = { returnAll: false, limit: request.recipients.length };
		let messages = fromAnswer ?? unread(request);
		let failed = false;
		for (let read = 0; ; read++) {
			let rows: Doc[];
			try {
				rows = await this.pages(`/v2/batches/${segment(batchId)}/messages`, `read the messages of batch ${batchId}`, paging, opts);
			} catch {
				failed = true;
				break;
			}
			messages = matchMessages(request.recipients, rows).map((m, i) => (m.messageId ? m : (fromAnswer?.[i] ?? m)));
			if (messages.every((m) => m.messageId) || read >= READ_AGAIN_MS.length) break;
			await this.client.pause(READ_AGAIN_MS[read]);
		}
		messages = statusFromCounts(messages, counts);
		if (messages.every((m) => m.messageId)) return { messages };
		return { messages, unlisted: failed ? 'reading its messages failed' : `it had not listed every message after ${READ_AGAIN_MS.length + 1} reads` };
	}

	private async call(req: Pick<RestRequest, 'method' | 'path' | 'call'>, opts: CallOptions): Promise<RestResponse> {
		return await this.client.request({ ...req, itemIndex: opts.itemIndex, timeout: opts.timeout });
	}

	private async document(path: string, call: string, opts: CallOptions): Promise<Doc> {
		const response = await this.call({ method: 'GET', path, call }, opts);
		if (!isDoc(response.json)) throw this.unexpected(call, 'not an object', opts, response);
		return response.json;
	}

	private async pages(path: string, call: string, paging: Paging, opts: CallOptions, order?: 'ASC' | 'DESC'): Promise<Doc[]> {
		const rows = await readPages(this.client, { path, call, itemIndex: opts.itemIndex, timeout: opts.timeout, order }, paging);
		return rows.filter(isDoc);
	}

	private unexpected(call: string, what: string, opts: CallOptions, response?: { text: string; status?: number }): NodeApiError {
		const failure = failureNamingCall(
			(asked) => `iP.1 answered with something unexpected when asked to ${asked} (${what})`,
			call,
			`The answer began: ${response?.text.slice(0, 120) || '(empty)'}`,
		);
		return this.client.error(failure, opts.itemIndex, response?.status);
	}

	/** Runs `work` once per key in this execution; a later item gets the same result, or the same error named for its own item. */
	private async once<T>(key: string, opts: CallOptions, work: () => Promise<T>): Promise<T> {
		let pending = this.done.get(key) as Promise<T> | undefined;
		const first = !pending;
		if (!pending) {
			pending = work();
			this.done.set(key, pending);
		}
		if (first) return await pending;
		try {
			return await pending;
		} catch (error) {
			const { message, description, httpCode } = error as NodeApiError;
			throw this.client.error({ message, description: description ?? '' }, opts.itemIndex, httpCode ? Number(httpCode) : undefined);
		}
	}
}
