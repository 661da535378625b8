/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// GET /v2/templates/sms (or /v2/templates: switch `templatesPath`): the account's SMS templates, paged, `category` filter.
import { iso } from './documents';
import type { SimTemplate } from './crmStore';
import type { RouteKit } from './routeKit';

/** The C# driver's ObjectId object, as one of the portal's schemas shows an id. */
function objectId(id: string) {
	const part = (from: number, to: number) => parseInt(id.slice(from, to), 16);
	return { timestamp: part(0, 8), machine: part(8, 14), pid: part(14, 18), increment: part(18, 24), creationTime: new Date(part(0, 8) * 1000).toISOString() };
}

export function templateDocument(t: SimTemplate, idForm: 'string' | 'object') {
	return { id: idForm === 'object' ? objectId(t.id) : t.id, name: t.name, category: t.category, pinned: t.pinned, body: t.body, created: iso(t.created), modified: iso(t.modified) };
}

/** A category filter takes the category and those under it: `/orders` lists `/orders/eu` too (ours). */
const inCategory = (category: string, filter: string) => filter === '/' || category === filter || category.startsWith(`${filter.replace(/\/+$/, '')}/`);

export function registerTemplateRoutes(kit: RouteKit): void {
	for (const [form, path] of [['sms', '/v2/templates/sms'], ['plain', '/v2/templates']] as const) {
		kit.route('GET', path, (c) => {
			if (kit.settings().templatesPath !== form) return kit.notFound('Route');
			const filter = c.query.get('category');
			if (filter !== null && !/^\/$|^(\/[^/]+)+$/.test(filter)) return kit.invalid({ Category: [`The value '${filter}' is not a category: / or /name/…`] });
			const all = kit.store.crm.templates.get(c.owner.account.id) ?? [];
			const listed = filter === null ? all : all.filter((t) => inCategory(t.category, filter));
			return kit.paged(c, listed, (t) => templateDocument(t, kit.settings().templateIdForm));
		});
	}
}
