/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The fast parameter reader: which forms it reads itself, that what it returns is the caller's own,
// and that each caller's fallback is its own. Its values against n8n's: itemParameters.differential.test.ts.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ip1SmsVersion } from '../support/nodeVersions';
import { getItemParameter, planFor } from '../../nodes/Ip1Sms/helpers/itemParameters';
import { runNode } from '../support/n8nCore';
import { probeNode, same } from './support/parameterProbe';

describe('planFor', () => {
	it.each([
		['46701234567', 'literal'],
		[{ a: 1, b: ['x'] }, 'literal'],
		['={{ $json.phone }}', 'json'],
		['={{$json.customer.phone}}', 'json'],
		['={{ $json["first name"] }}', 'json'],
		["={{ $json['a'][0] }}", 'json'],
		['={{ $json }}', 'json'],
		['={{ $json.phone }} ', 'text'],
		['=+{{ $json.phone }}', 'text'],
		['=Hej {{ $json.a }}, {{ $json["b c"] }}!', 'text'],
		['={{ $json.phone.trim() }}', 'engine'],
		['={{ $json.a || $json.b }}', 'engine'],
		['={{ $json?.a }}', 'engine'],
		['={{ $json.a.constructor }}', 'engine'],
		['={{ $json["__proto__"] }}', 'engine'],
		['={{ $json["a\\"b"] }}', 'engine'],
		['={{ $("Other").item.json.phone }}', 'engine'],
		[{ field: [{ key: '{n}', value: '={{ $json.n }}' }] }, 'object'],
		[{ field: [{ key: '{n}', value: '={{ $json.n.trim() }}' }] }, 'engine'],
		['={{ $json.n.length }}', 'json'], // a path; a property of a string or number goes to n8n item by item
	])('%j → %s', (raw, kind) => {
		expect(planFor(raw).kind).toBe(kind);
	});
});

describe('the comparison the differential test uses', () => {
	it.each([
		[[], {}],
		[0, -0],
		[{ a: undefined }, {}],
		[{ a: [1, { b: 2 }] }, { a: [1, { b: '2' }] }],
		[new Date(0), new Date(1)],
		[null, undefined],
		['1', 1],
	])('tells %p from %p', (a, b) => {
		expect(same(a, b)).toBe(false);
		expect(same(a, a)).toBe(true);
	});
});

const declared = (names: string[]): INodeProperties[] => names.map((name) => ({ displayName: name, name, type: 'string', default: '' }));

async function inProbe(parameters: Record<string, any>, input: Array<{ json: any }>, body: (ctx: IExecuteFunctions) => void) {
	const run = await runNode({ nodeType: probeNode(declared(Object.keys(parameters)), body), parameters, input });
	expect(run.error).toBeUndefined();
}

it('returns values of the caller’s own: changing them changes neither the input item nor a later read', async () => {
	const input = [{ json: { name: 'Åsa', nested: { c: 'C', list: [1, { d: 2 }] } } }, { json: { name: 'Bo', nested: { c: 'D', list: [] } } }];
	const before = structuredClone(input);
	const parameters = {
		whole: '={{ $json }}',
		nested: '={{ $json.nested }}',
		list: '={{ $json.nested.list }}',
		literal: { a: { b: ['x'] } },
		fields: { field: [{ key: '{c}', value: '={{ $json.nested }}' }] },
	};
	const first: unknown[] = [];
	const again: unknown[] = [];
	await inProbe(parameters, input, (ctx) => {
		for (let i = 0; i < input.length; i++) {
			for (const name of Object.keys(parameters)) {
				const value = getItemParameter(ctx, name, i, '') as any;
				first.push(structuredClone(value));
				scramble(value);
			}
		}
		for (let i = 0; i < input.length; i++) for (const name of Object.keys(parameters)) again.push(getItemParameter(ctx, name, i, ''));
		expect(ctx.getInputData().map((item) => item.json)).toEqual(before.map((item) => item.json));
		expect(ctx.getNodeParameter('literal', 0)).toEqual({ a: { b: ['x'] } });
	});
	expect(again).toEqual(first);
	expect(first[1]).toEqual({ c: 'C', list: [1, { d: 2 }] });
});

/** Changes every object and array inside a value in place. */
function scramble(value: any): void {
	if (!value || typeof value !== 'object') return;
	for (const key of Object.keys(value)) {
		scramble(value[key]);
		value[key] = 'changed';
	}
	if (Array.isArray(value)) value.push('added');
	else value.added = true;
}

it('gives each caller its own fallback for a parameter that is not set, as getNodeParameter does', async () => {
	const seen: unknown[] = [];
	await inProbe({ set: '={{ $json.a }}' }, [{ json: { a: 1 } }, { json: { a: 2 } }], (ctx) => {
		for (let i = 0; i < 2; i++) {
			for (const fallback of ['first', ['second'], { third: true }, undefined]) {
				const read = (f: () => unknown) => { try { return f(); } catch (e) { return `threw ${(e as Error).message}`; } };
				seen.push([read(() => getItemParameter(ctx, 'notSet', i, fallback)), read(() => ctx.getNodeParameter('notSet', i, fallback))]);
			}
		}
	});
	expect(seen).toEqual([
		...[0, 1].flatMap(() => [['first', 'first'], [['second'], ['second']], [{ third: true }, { third: true }], ['threw Could not get parameter "notSet"', 'threw Could not get parameter "notSet"']]),
	]);
});

it('Ip1Sms declares no validateType or resource mapper (getNodeParameter would validate those; the reader does not)', () => {
	const text = JSON.stringify([ip1SmsVersion(1).description, ip1SmsVersion(2).description]);
	expect(text).not.toMatch(/"validateType"|"resourceMapper"/);
});
