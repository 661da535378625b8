/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The node's fast parameter reader must give what n8n's own getNodeParameter gives, item by item.
import type { IExecuteFunctions, INodeType } from 'n8n-workflow';

import { getItemParameter, planFor } from '../../nodes/Ip1Sms/helpers/itemParameters';
import { runNode } from '../support/n8nCore';

describe('planFor', () => {
	it.each([
		['46701234567', 'literal'],
		[{ a: 1, b: ['x'] }, 'literal'],
		['={{ $json.phone }}', 'json'],
		['={{$json.customer.phone}}', 'json'],
		['={{ $json["first name"] }}', 'json'],
		["={{ $json['a'][0] }}", 'json'],
		['={{ $json.phone }} ', 'evaluate'],
		['=+{{ $json.phone }}', 'evaluate'],
		['={{ $json.phone.trim() }}', 'evaluate'],
		['={{ $json.a || $json.b }}', 'evaluate'],
		['={{ $("Other").item.json.phone }}', 'evaluate'],
		[{ field: [{ key: '{n}', value: '={{ $json.n }}' }] }, 'object'],
	])('%j → %s', (raw, kind) => {
		expect(planFor(raw).kind).toBe(kind);
	});
});

const parameters = {
	plain: 'literal text',
	bare: '={{ $json.phone }}',
	nested: '={{ $json.customer.phone }}',
	bracket: '={{ $json["first name"] }}',
	indexed: '={{ $json.list[1] }}',
	missing: '={{ $json.nope.deeper }}',
	general: '=Hej {{ $json["first name"] }}!',
	collection: { field: [{ key: '{n}', value: '={{ $json.customer.phone }}' }, { key: 'x', value: '=v{{ $json.list[0] }}' }] },
};

function probeNode(read: (ctx: IExecuteFunctions, name: string, i: number) => unknown): INodeType {
	return {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Probe' },
			inputs: ['main'] as any,
			outputs: ['main'] as any,
			properties: Object.keys(parameters).map((name) => ({ displayName: name, name, type: name === 'collection' ? 'json' : 'string', default: '' }) as any),
		},
		async execute(this: IExecuteFunctions) {
			return [this.getInputData().map((_, i) => ({ json: Object.fromEntries(Object.keys(parameters).map((n) => [n, read(this, n, i) as any])), pairedItem: { item: i } }))];
		},
	};
}

it('gives the same values as getNodeParameter for every item', async () => {
	const input = [
		{ json: { phone: '46701234567', customer: { phone: 46700000001 }, 'first name': 'Åsa', list: ['a', 'b'] } },
		{ json: { phone: 46709999999, customer: {}, 'first name': '', list: [] } },
		{ json: {} },
	];
	const ours = await runNode({ nodeType: probeNode((ctx, n, i) => getItemParameter(ctx, n, i, '')), parameters, input });
	const n8n = await runNode({ nodeType: probeNode((ctx, n, i) => ctx.getNodeParameter(n, i, '')), parameters, input });
	expect(ours.error).toBeUndefined();
	expect(n8n.error).toBeUndefined();
	expect(ours.items.map((i) => i.json)).toEqual(n8n.items.map((i) => i.json));
	expect(ours.items[0].json.nested).toBe(46700000001);
});
