/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Templates and contacts per account (REST v2): what /v2/templates… and /v2/contacts, /v2/labels serve.

export interface SimTemplate {
	id: string;
	name: string;
	category: string;
	pinned: boolean;
	body: string;
	/** epoch milliseconds */
	created: number;
	modified: number;
}

export interface SimContact {
	id: string;
	ownerId: string;
	properties: Record<string, string>;
	labels: string[];
	created: number;
}

/** A template as configured (`accounts[].templates`). */
export interface TemplateInput {
	name: string;
	body: string;
	/** default `/` */
	category?: string;
	pinned?: boolean;
}

/** What every account holds when its configuration names no templates. */
export const DEFAULT_TEMPLATES: TemplateInput[] = [
	{ name: 'Order shipped', category: '/orders', body: 'Hej {name}! Din order {order} är skickad.', pinned: true },
	{ name: 'Appointment reminder', category: '/reminders', body: 'Hej {name}, välkommen {date}. Svara JA eller NEJ.' },
	{ name: 'Thanks', category: '/', body: 'Tack för ditt köp!' },
];

export class CrmStore {
	/** account → templates, in creation order */
	readonly templates = new Map<string, SimTemplate[]>();
	/** account → contacts by id, in creation order */
	readonly contacts = new Map<string, Map<string, SimContact>>();

	/** Empties the account's contacts and restores its configured templates. */
	restore(account: string, templates: TemplateInput[] | undefined, now: number, newId: () => string): void {
		this.contacts.set(account, new Map());
		this.templates.set(
			account,
			(templates ?? DEFAULT_TEMPLATES).map((t) => ({ id: newId(), name: t.name, category: t.category ?? '/', pinned: t.pinned ?? false, body: t.body, created: now, modified: now })),
		);
	}

	contactsOf(account: string): Map<string, SimContact> {
		let map = this.contacts.get(account);
		if (!map) this.contacts.set(account, (map = new Map()));
		return map;
	}
}
