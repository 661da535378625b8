/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The JSON schema of real output items, in the form of nodes/Ip1Sms/__schema__ (what n8n's editor shows
// before a node has run): types per property, `required` = present in every item, objects keyed by a
// status code (e.g. {"201": {...}}) as `additionalProperties`.
export type Schema = {
	type?: string | string[];
	properties?: Record<string, Schema>;
	required?: string[];
	additionalProperties?: Schema;
	items?: Schema;
};

const KEYED_BY_CODE = /^\d+$/;

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

function merge(a: Schema | undefined, b: Schema): Schema {
	if (!a) return b;
	const types = [...new Set([a.type, b.type].flat().filter((t): t is string => Boolean(t)))].sort();
	const out: Schema = { type: types.length === 1 ? types[0] : types };
	if (a.properties || b.properties) {
		const keys = [...new Set([...Object.keys(a.properties ?? {}), ...Object.keys(b.properties ?? {})])];
		out.properties = Object.fromEntries(keys.map((k) => [k, merge(a.properties?.[k], b.properties?.[k] ?? a.properties![k])]));
		out.required = (a.required ?? []).filter((k) => (b.required ?? []).includes(k));
	}
	if (a.additionalProperties || b.additionalProperties) {
		out.additionalProperties = merge(a.additionalProperties, b.additionalProperties ?? a.additionalProperties!);
	}
	if (a.items || b.items) out.items = merge(a.items, b.items ?? a.items!);
	return out;
}

export function schemaOf(value: unknown): Schema {
	const type = typeOf(value);
	if (type === 'array') {
		const list = value as unknown[];
		return list.length ? { type, items: list.map(schemaOf).reduce((a, b) => merge(a, b)) } : { type };
	}
	if (type !== 'object') return { type };
	const entries = Object.entries(value as Record<string, unknown>);
	if (entries.length && entries.every(([k]) => KEYED_BY_CODE.test(k))) {
		return { type, additionalProperties: entries.map(([, v]) => schemaOf(v)).reduce((a, b) => merge(a, b)) };
	}
	return { type, properties: Object.fromEntries(entries.map(([k, v]) => [k, schemaOf(v)])), required: entries.map(([k]) => k) };
}

/** One schema for all the items an action put out. */
export function schemaOfItems(items: unknown[]): Schema {
	if (!items.length) throw new Error('no output items to derive a schema from');
	return items.map(schemaOf).reduce((a, b) => merge(a, b));
}
