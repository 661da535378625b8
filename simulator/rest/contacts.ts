/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// /v2/contacts and /v2/labels (docs/ip1-api-contract.md): contacts of the account, their labels.
import { json } from './http';
import { iso } from './documents';
import type { SimContact } from './crmStore';
import { readJsonBody, type RouteContext, type RouteKit } from './routeKit';

const contactDocument = (c: SimContact) => ({ id: c.id, ownerId: c.ownerId, properties: { ...c.properties }, metadata: {}, labels: [...c.labels], created: iso(c.created) });
const noContent = () => ({ status: 204, contentType: '', body: '' });

/** `properties` of text values and `labels` of text: the errors per field, or none. */
function contactErrors(doc: unknown, at: string, needProperties: boolean): Record<string, string[]> {
	if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { [at]: ['A contact must be an object.'] };
	const d = doc as Record<string, unknown>;
	const errors: Record<string, string[]> = {};
	const p = d.properties;
	if (p === undefined || p === null) {
		if (needProperties) errors[`${at}.Properties`] = ['The Properties field is required.'];
	} else if (typeof p !== 'object' || Array.isArray(p) || Object.values(p).some((v) => v !== null && typeof v !== 'string')) {
		errors[`${at}.Properties`] = ['Properties must map names to text.'];
	}
	if (d.labels !== undefined && d.labels !== null && !(Array.isArray(d.labels) && d.labels.every((l) => typeof l === 'string'))) errors[`${at}.Labels`] = ['Labels must be a list of text.'];
	return errors;
}

const textOf = (p: unknown): Record<string, string> =>
	Object.fromEntries(Object.entries((p ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string') as [string, string][]);

export function registerContactRoutes(kit: RouteKit): void {
	const book = (c: RouteContext) => kit.store.crm.contactsOf(c.owner.account.id);
	const own = (c: RouteContext) => book(c).get(c.params[0]);

	kit.route('POST', '/v2/contacts', (c) => {
		const body = readJsonBody(kit, c);
		if ('reply' in body) return body.reply;
		if (!Array.isArray(body.value)) return kit.invalid({ $: ['The body must be a list of contacts.'] });
		const errors = Object.assign({}, ...body.value.map((doc, i) => contactErrors(doc, `[${i}]`, true)));
		if (Object.keys(errors).length) return kit.invalid(errors);
		const created = body.value.map((doc: any): SimContact => ({
			id: kit.store.newId(c.now),
			ownerId: c.owner.account.id,
			properties: textOf(doc.properties),
			labels: [...new Set<string>(doc.labels ?? [])],
			created: c.now,
		}));
		// imported at once either way; without sync the answer only says it was accepted
		for (const contact of created) book(c).set(contact.id, contact);
		const settings = kit.settings();
		if (!c.query.has('sync') || settings.contactSync === 'ignored') return { status: 202, contentType: '', body: '' };
		if (settings.contactCreated === 'object') return json(201, contactDocument(created[0]));
		return json(settings.contactCreated === 'created' ? 201 : 200, created.map(contactDocument));
	});

	kit.route('GET', '/v2/contacts', (c) => {
		let list = [...book(c).values()];
		if (kit.settings().contactFilters === 'applied') {
			for (const [name, value] of c.query) {
				if (name === 'labels') list = list.filter((x) => value.split(',').every((l) => x.labels.includes(l)));
				const property = /^properties\[(.+)\]$/.exec(name)?.[1];
				if (property) list = list.filter((x) => x.properties[property] === value);
			}
		}
		return kit.paged(c, list, contactDocument);
	});

	kit.route('GET', '/v2/contacts/{id}', (c) => {
		const contact = own(c);
		return contact ? json(200, contactDocument(contact)) : kit.notFound('Contact');
	});

	const update = (replace: boolean) => (c: RouteContext) => {
		const contact = own(c);
		if (!contact) return kit.notFound('Contact');
		const body = readJsonBody(kit, c);
		if ('reply' in body) return body.reply;
		const errors = contactErrors(body.value, '$', replace);
		if (Object.keys(errors).length) return kit.invalid(errors);
		const doc = body.value as { properties?: Record<string, string | null>; labels?: string[] | null };
		if (replace) contact.properties = textOf(doc.properties);
		else for (const [name, value] of Object.entries(doc.properties ?? {})) {
			// PATCH: null removes a property
			if (value === null) delete contact.properties[name];
			else contact.properties[name] = value;
		}
		if (doc.labels) contact.labels = [...new Set(doc.labels)];
		else if (replace) contact.labels = [];
		return json(200, contactDocument(contact));
	};
	kit.route('PATCH', '/v2/contacts/{id}', update(false));
	kit.route('PUT', '/v2/contacts/{id}', update(true));

	const remove = (method: 'delete' | 'post') => (c: RouteContext) => {
		if (kit.settings().contactDelete !== method) return { status: 405, contentType: '', body: '', headers: { Allow: method === 'delete' ? 'GET, PATCH, PUT, POST' : 'GET, PATCH, PUT, DELETE' } };
		const contact = own(c);
		if (!contact) return kit.notFound('Contact');
		book(c).delete(contact.id);
		return json(200, contactDocument(contact));
	};
	kit.route('DELETE', '/v2/contacts/{id}', remove('delete'));
	kit.route('POST', '/v2/contacts/{id}', remove('post'));

	const summary = (c: RouteContext, label: string) => {
		if (kit.settings().labelAnswer === 'noContent') return noContent();
		return json(200, { labelName: label, usageCount: [...book(c).values()].filter((x) => x.labels.includes(label)).length });
	};

	kit.route('POST', '/v2/labels/{labelName}/contacts', (c) => {
		const label = c.params[0];
		const body = readJsonBody(kit, c);
		if ('reply' in body) return body.reply;
		const ids = body.value;
		if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return kit.invalid({ $: ['The body must be a list of contact ids.'] });
		const missing = ids.filter((id) => !book(c).has(id));
		if (missing.length) return kit.notFound(`Contact ${missing.join(', ')}`);
		for (const id of ids) {
			const contact = book(c).get(id)!;
			if (!contact.labels.includes(label)) contact.labels.push(label);
		}
		return summary(c, label);
	});

	kit.route('DELETE', '/v2/labels/{labelName}', (c) => {
		const label = c.params[0];
		const having = [...book(c).values()].filter((x) => x.labels.includes(label));
		if (having.length === 0) return kit.notFound('Label');
		const answer = summary(c, label);
		for (const contact of having) contact.labels = contact.labels.filter((l) => l !== label);
		return answer;
	});
}
