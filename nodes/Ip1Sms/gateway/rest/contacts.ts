/*
 * Contacts and labels (REST API v2): `/v2/contacts` and `/v2/labels/{name}` (docs/ip1-api-contract.md).
 * A contact's number goes out as iP.1's pages write it (`+46…`) and is read back as digits only.
 */
import type { CallOptions, Contact, ContactCreated, ContactInput, LabelSummary, Paging } from '../types';
import type { RestClient, RestResponse } from './client';
import { field, isDoc, num, str, type Doc } from './documents';
import { readPages } from './paging';
import { failureNamingCall } from './problems';

const STANDARD = ['phoneNumber', 'firstName', 'lastName', 'email'] as const;
const segment = (value: string) => encodeURIComponent(value.trim());

/** `+46701234567`, `0046…`, `46 70…` → `46701234567`; text without digits as written. */
function digitsOf(value: string): string {
	const digits = value.replace(/[^\d]/g, '').replace(/^00/, '');
	return digits || value;
}

export function readContact(doc: Doc): Contact {
	const rawProperties = field(doc, 'properties');
	const properties: Record<string, string> = {};
	if (isDoc(rawProperties)) {
		for (const [name, value] of Object.entries(rawProperties)) {
			if (value !== null && value !== undefined) properties[name] = typeof value === 'string' ? value : JSON.stringify(value);
		}
	}
	const standard = (name: string) => {
		const key = Object.keys(properties).find((k) => k.toLowerCase() === name.toLowerCase());
		if (key === undefined) return undefined;
		const value = properties[key];
		delete properties[key];
		return value;
	};
	const [phone, firstName, lastName, email] = STANDARD.map(standard);
	const labels = field(doc, 'labels');
	const contact: Contact = {
		contactId: str(doc, 'id') ?? '',
		phoneNumber: phone ? digitsOf(phone) : undefined,
		firstName,
		lastName,
		email,
		customFields: properties,
		labels: Array.isArray(labels) ? labels.map(String) : [],
	};
	return Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined)) as unknown as Contact;
}

/** The contact document to send: only what is given. */
export function contactBody(input: ContactInput, contactId?: string): Doc {
	const properties: Record<string, string> = { ...input.customFields };
	if (input.phoneNumber !== undefined) properties.phoneNumber = `+${input.phoneNumber}`;
	for (const name of ['firstName', 'lastName', 'email'] as const) if (input[name] !== undefined) properties[name] = input[name]!;
	return { ...(contactId ? { id: contactId } : {}), properties, ...(input.labels ? { labels: input.labels } : {}) };
}

/** The first contact document of an answer: a list, one document, or a list under a wrapper key. */
function firstContact(json: unknown): Doc | undefined {
	if (Array.isArray(json)) return json.find(isDoc);
	if (!isDoc(json)) return undefined;
	for (const key of ['items', 'data', 'contacts', 'value']) {
		const rows = json[key];
		if (Array.isArray(rows)) return rows.find(isDoc);
	}
	return json;
}

export class ContactCalls {
	constructor(private readonly client: RestClient) {}

	async create(input: ContactInput, synchronous: boolean, opts: CallOptions): Promise<ContactCreated> {
		const response = await this.write('POST', '/v2/contacts', 'create the contact', opts, [contactBody(input)], synchronous ? { sync: 'true' } : undefined);
		const doc = firstContact(response.json);
		const contact = doc && str(doc, 'id') ? readContact(doc) : undefined;
		// 202: accepted for the background import, whatever was asked
		if (response.status === 202 || !contact) return { imported: false, ...(contact ? { contact } : {}) };
		return { imported: true, contact };
	}

	async update(contactId: string, input: ContactInput, opts: CallOptions): Promise<Contact> {
		const id = contactId.trim();
		const response = await this.write('PATCH', `/v2/contacts/${segment(id)}`, `update contact ${id}`, opts, contactBody(input, id));
		const doc = firstContact(response.json);
		// an answer without the document: read it
		return doc && str(doc, 'id') ? readContact(doc) : await this.get(id, opts);
	}

	async get(contactId: string, opts: CallOptions): Promise<Contact> {
		const id = contactId.trim();
		const call = `read contact ${id}`;
		const response = await this.client.request({ method: 'GET', path: `/v2/contacts/${segment(id)}`, call, itemIndex: opts.itemIndex, timeout: opts.timeout });
		const doc = firstContact(response.json);
		if (!doc) {
			const failure = failureNamingCall((asked) => `iP.1 answered with something unexpected when asked to ${asked} (not an object)`, call, `The answer began: ${response.text.slice(0, 120) || '(empty)'}`);
			throw this.client.error(failure, opts.itemIndex, response.status);
		}
		return readContact(doc);
	}

	async list(paging: Paging & { label?: string }, opts: CallOptions, filter?: Record<string, string>, call = 'list the contacts'): Promise<Contact[]> {
		const rows = await readPages(
			this.client,
			{ path: '/v2/contacts', call, itemIndex: opts.itemIndex, timeout: opts.timeout, filter: { ...(paging.label ? { labels: paging.label } : {}), ...filter } },
			paging,
		);
		const contacts = rows.filter(isDoc).map(readContact);
		// a server that ignores the label filter must not hand over other contacts
		return paging.label ? contacts.filter((c) => c.labels.includes(paging.label!)) : contacts;
	}

	/** Asks in iP.1's `+` form, then in digits only; keeps only contacts whose number really is this one. */
	async findByPhone(phoneNumber: string, opts: CallOptions): Promise<Contact[]> {
		for (const written of [`+${phoneNumber}`, phoneNumber]) {
			const found = await this.list({ returnAll: true, limit: 0 }, opts, { 'properties[phoneNumber]': written }, `find the contact with number ${phoneNumber}`);
			const same = found.filter((c) => c.phoneNumber === phoneNumber);
			if (same.length) return same;
		}
		return [];
	}

	async delete(contactId: string, opts: CallOptions): Promise<void> {
		const id = contactId.trim();
		const path = `/v2/contacts/${segment(id)}`;
		// 405: this server deletes with the POST its page documents; nothing was done yet
		const response = await this.write('DELETE', path, `delete contact ${id}`, opts, undefined, undefined, [405]);
		if (response.status === 405) await this.write('POST', path, `delete contact ${id}`, opts);
	}

	async addLabel(label: string, contactIds: string[], opts: CallOptions): Promise<LabelSummary> {
		const name = label.trim();
		const response = await this.write('POST', `/v2/labels/${segment(name)}/contacts`, `add the label ${name} to contacts`, opts, contactIds);
		return readLabelSummary(response, name);
	}

	async deleteLabel(label: string, opts: CallOptions): Promise<LabelSummary> {
		const name = label.trim();
		return readLabelSummary(await this.write('DELETE', `/v2/labels/${segment(name)}`, `delete the label ${name}`, opts), name);
	}

	private async write(
		method: 'POST' | 'PATCH' | 'DELETE',
		path: string,
		call: string,
		opts: CallOptions,
		body?: unknown,
		query?: Record<string, string>,
		accept?: number[],
	): Promise<RestResponse> {
		return await this.client.request({ method, path, query, body, call, itemIndex: opts.itemIndex, timeout: opts.timeout, kind: 'write', accept });
	}
}

/** `{ labelName, usageCount }`, or nothing (the label as asked, no count). */
function readLabelSummary(response: RestResponse, label: string): LabelSummary {
	const doc = isDoc(response.json) ? response.json : {};
	const count = num(doc, 'usageCount');
	return { label: str(doc, 'labelName') ?? label, ...(count !== undefined ? { contactCount: count } : {}) };
}
