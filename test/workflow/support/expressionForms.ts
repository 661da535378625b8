/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Generated parameter values and item shapes for the differential test of the fast parameter reader.
import type { INodeProperties } from 'n8n-workflow';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Keys the items below carry (or lack), including ones n8n's sanitizer and the VM transfer treat specially. */
const KEYS = [
	'name', 'phone', 'n', 'zero', 'f', 't', 'nul', 'nested', 'list', 'matrix', 'first name', 'a.b', 'ü', '$', '', '0',
	'date', 'big', 'emptyStr', 'missing', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'constructor',
	'prototype', 'length', '__value', '__n8nType', '__n8nEscaped', "it's", 'x"y', 'a}}b', '{{c',
];

function accessors(key: string): string[] {
	const forms = [`["${key.replace(/"/g, '\\"')}"]`, `['${key.replace(/'/g, "\\'")}']`, `[ "${key.replace(/"/g, '\\"')}" ]`];
	if (IDENTIFIER.test(key)) forms.push(`.${key}`, ` . ${key}`, `?.${key}`);
	if (/^\d+$/.test(key)) forms.push(`[${key}]`);
	return forms;
}

/** Keys whose values get every tail below; the others get the first few. */
const DEEP_KEYS = new Set(['name', 'phone', 'n', 'nul', 'nested', 'list', 'matrix', 'first name', 'missing', '__proto__']);

/** Second and third steps of a path: indexes, properties of primitives, missing keys, optional chaining. */
const TAILS = [
	'', '.c', '.deep', '.deep.z', '[0]', '[1]', '[2]', '[10]', '[0][0]', '[1][1][0]', '[0].c', '["x y"]', "['c']",
	'.length', '.missing', '.missing.deeper', '?.missing?.deeper', '?.[0]', '.list[1]', '[01]', '["0"]', '[-1]',
	'.__proto__', '["__proto__"]', '.constructor', '["constructor"]', '.prototype', '.toString', '.valueOf',
];

/** Things written after a path: methods, operators, n8n's extensions. */
const SUFFIXES = ['.toUpperCase()', '.toString()', ' ?? "fallback"', ' || "or"', ' + 1', '.isEmpty()', '.length > 0', '.constructor.name', '.trim()'];

/** How a `{{ }}` sits inside the parameter value. */
const WRAPPERS: Array<(code: string) => string> = [
	(c) => `={{ ${c} }}`,
	(c) => `={{${c}}}`,
	(c) => `={{\n\t${c}\n}}`,
	(c) => `=Hi {{ ${c} }}!`,
	(c) => `={{ ${c} }} `,
	(c) => `= {{ ${c} }}`,
	(c) => `={{ ${c} }}{{ ${c} }}`,
	(c) => `=[{{ ${c} }}|{{ $json.name }}]`,
	(c) => `={{ ${c} }}\n`,
];

function paths(): string[] {
	const out = new Set<string>(['$json', ' $json ']);
	for (const key of KEYS) {
		const [first, ...others] = accessors(key);
		for (const acc of [first, ...others]) out.add(`$json${acc}`);
		if (DEEP_KEYS.has(key)) for (const tail of TAILS) out.add(`$json${first}${tail}`);
		else for (const tail of TAILS.slice(0, 3)) out.add(`$json${first}${tail}`);
	}
	return [...out];
}

/** Every generated expression value, plus literals and odd strings that are also '=' values. */
export function expressionValues(): string[] {
	const all = paths();
	const values = new Set<string>();
	all.forEach((path, i) => {
		values.add(`={{ ${path} }}`);
		// every path in two wrappers, rotating, so all wrappers meet all kinds of paths
		values.add(WRAPPERS[1 + (i % (WRAPPERS.length - 1))](path));
	});
	for (const wrap of WRAPPERS) for (const path of ['$json.name', '$json.n', '$json.nested', '$json.list', '$json.nul', '$json.missing', '$json.f']) values.add(wrap(path));
	for (const suffix of SUFFIXES) for (const path of ['$json.name', '$json.phone', '$json.list', '$json.n']) values.add(`={{ ${path}${suffix} }}`);
	for (const odd of [
		'=', '=plain text', '={{ }}', '={{', '=}}', '=a}}b', '={{ $json.name }', '=\\{{ $json.name }}', '={{ $json.name }}\\',
		'={{ $json /* c */ .name }}', '={{ $json.name; }}', '={{ $json.name, $json.n }}', '={{ $json["a\\"b"] }}',
		'={{ $json.name }}.constructor', '=.constructor {{ $json.name }}', '={{ $json.nested[`c`] }}', '={{ $json.nested[("c")] }}',
		'={{ $input.item.json.name }}', '={{ $("Harness Input").item.json.name }}', '={{ $json.name.length }}', '={{ $json.phone[0] }}',
		'={{ $json.n.toFixed(1) }}', '={{ $json[0] }}', '={{ $json.list[0] }}', '={{ $json.ü }}', '={{ $json.\u00fc }}',
		'={{ {a: $json.name} }}', '={{ [$json.name] }}', '={{ $json.matrix[1][1] }}',
	]) values.add(odd);
	return [...values];
}

/** Values that are not expressions: n8n hands them back as they are (containers rebuilt). */
export const LITERALS: unknown[] = ['plain', '', 5, 0, true, false, null, ['a', 1, null], { a: 'b', nested: { list: [1, 2] } }];

/** Parameters inside collections and fixedCollections, as the Ip1Sms node has them. */
export const COLLECTIONS = {
	options: { x: '={{ $json.name }}', y: 'literal', z: '=Hi {{ $json.nested.c }}', w: '={{ $json.list }}', v: 7 },
	generalOptions: { x: '={{ $json.name.toUpperCase() }}', y: '={{ $json.name }}' },
	literalOptions: { x: 'a', list: [{ k: 'v' }] },
	templateFields: {
		field: [
			{ key: '{a}', value: '={{ $json.name }}' },
			{ key: '{b}', value: '={{ $json.list[0] }}' },
			{ key: '{c}', value: '=({{ $json.phone }})' },
			{ key: '{d}', value: '={{ $json.nested }}' },
			{ key: '{e}', value: 'plain' },
		],
	},
};

/** The names read from the collections above: whole collections and paths into them. */
export const COLLECTION_READS = [
	'options', 'options.x', 'options.z', 'options.w', 'options.missing', 'generalOptions', 'literalOptions',
	'templateFields', 'templateFields.field', 'templateFields.field[0].value', 'templateFields.nothing',
];

const TYPES = ['string', 'number', 'boolean', 'json'] as const;

/** The probe node's declared parameters: every generated one under a rotating declared type. */
export function declaredProperties(names: string[]): INodeProperties[] {
	const plain = names.map((name, i): INodeProperties => ({ displayName: name, name, type: TYPES[i % TYPES.length], default: '' }));
	return [
		...plain,
		{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: ['x', 'y', 'z', 'w', 'v'].map((n) => ({ displayName: n, name: n, type: 'string', default: '' })) },
		{ displayName: 'General', name: 'generalOptions', type: 'collection', default: {}, options: [{ displayName: 'x', name: 'x', type: 'string', default: '' }, { displayName: 'y', name: 'y', type: 'string', default: '' }] },
		{ displayName: 'Literal', name: 'literalOptions', type: 'json', default: {} },
		{
			displayName: 'Template Fields', name: 'templateFields', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {},
			options: [{ displayName: 'Field', name: 'field', values: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }, { displayName: 'Value', name: 'value', type: 'string', default: '' }] }],
		},
	];
}

/** Item shapes: JSON ones, and in-process ones only a node in the same process can hand over. */
export function itemShapes(): Array<{ json: any }> {
	const rich = {
		name: 'Åsa', phone: '46701234567', n: 42, zero: 0, f: false, t: true, nul: null,
		nested: { c: 'C', deep: { z: 1 }, 'x y': 'sp', list: [1, 2] },
		list: ['a', 'b', { c: 'lc' }], matrix: [[1, 2], [3, [4]]], 'first name': 'F', 'a.b': 'dot', ü: 'u', $: 'dollar', '': 'empty', '0': 'zeroKey',
		date: '2024-01-02T03:04:05Z', big: 1e21, emptyStr: '', __value: 'v', __n8nType: 't', __n8nEscaped: true, "it's": 'q', 'x"y': 'dq', 'a}}b': 'br', '{{c': 'ob',
	};
	const nulls = Object.fromEntries(Object.keys(rich).map((k) => [k, null]));
	const strings = { name: '', phone: '0701234567', nested: 'str', list: 'abc', matrix: 'm', n: '42', zero: '0', f: 'false' };
	const numbers = { name: 12345, phone: 46701234567, nested: { c: 5, deep: null, list: [] }, list: [], matrix: [], '0': 0 };
	const deep = { list: [[['deep']], { c: [1, { d: 'x' }] }], nested: { list: [{ c: [1, { d: 'x' }] }], deep: [[]] }, matrix: [[[[1]]]] };
	const ownSpecial = JSON.parse('{"__proto__": {"x": 1}, "name": "p", "nested": {"__proto__": "s", "c": 1}, "list": [{"__proto__": 2}]}');
	const shadowing = { toString: 'own', valueOf: 'v', hasOwnProperty: 'h', constructor: 'own-c', prototype: 'p', length: 3, nested: { length: 2, constructor: { name: 'x' } } };
	const sparse: unknown[] = [1, , 3]; // eslint-disable-line no-sparse-arrays
	const inProcess = {
		name: new Date(0), n: NaN, zero: -0, f: Infinity, phone: BigInt(5) as unknown,
		nested: Object.assign(Object.create(null), { c: 'nullproto' }), list: sparse, matrix: [undefined, null],
		date: new Map([['a', 1]]), t: Object.defineProperty({}, 'c', { get: () => 'getter', enumerable: true }), big: new Uint8Array([1, 2]),
	};
	const rootArrayLike = { '0': 'a', '1': 'b', length: 2, list: Object.assign(['a'], { extra: 'x' }) };
	return [rich, nulls, strings, numbers, {}, deep, ownSpecial, shadowing, inProcess, rootArrayLike].map((json) => ({ json }));
}
