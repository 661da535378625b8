/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Template → Get Many and Message From → Template in the REST sends (issue 23, item 7), against the
// simulator with its template switches both ways (templatesPath, templateIdForm).
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { Ip1SmsRestApi } from '../../../../credentials/Ip1SmsRestApi.credentials';
import { searchTemplates } from '../../../../nodes/Ip1Sms/v2/rest/templateMessage';
import type { RestSettings } from '../../../../simulator/rest/types';
import { REST_ACCOUNT, REST_KEY, startRestGateway, items, withRestSettings, type RestGateway } from './restGateway';

jest.setTimeout(30_000);

const TEMPLATES = [
	{ name: 'Order shipped', category: '/orders', body: 'Hej {name}! Din order {order} är skickad.', pinned: true },
	{ name: 'Returns', category: '/orders/returns', body: 'Din retur {order} är mottagen.' },
	{ name: 'Plain', category: '/', body: 'Tack för ditt köp!' },
	{ name: 'Braces', category: '/', body: 'Koden \\{kod} gäller, {name}.' },
	...Array.from({ length: 116 }, (_, n) => ({ name: `Bulk ${n}`, category: '/bulk', body: `Nr ${n}` })),
];

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway({ accounts: [{ ...REST_ACCOUNT, templates: TEMPLATES }] });
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const ANNA = '46701234567';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const stored = () => gw.sim.state().rest.templates[REST_ACCOUNT.id];
const idOf = (name: string) => stored().find((t) => t.name === name)!.id;
const withSettings = <T>(settings: Partial<RestSettings>, work: () => Promise<T>) => withRestSettings(gw, settings, work);

describe('Template → Get Many', () => {
	it('every template with its fields; Limit returns that many, Return All pages through all', async () => {
		const all = await withSettings({ maxPageSize: 50 }, () => gw.run({ resource: 'template', operation: 'getAll', returnAll: true }));
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(TEMPLATES.length);
		expect(all.items[0].json).toEqual({
			templateId: idOf('Order shipped'),
			name: 'Order shipped',
			category: '/orders',
			pinned: true,
			body: 'Hej {name}! Din order {order} är skickad.',
			createdAt: expect.stringMatching(ISO_UTC),
			modifiedAt: expect.stringMatching(ISO_UTC),
		});
		// the first page of 1,000 is refused (largest 50): asked again at 50, then two more pages
		expect(gw.calls()['GET /v2/templates/sms']).toBe(4);
		const limited = await gw.run({ resource: 'template', operation: 'getAll', returnAll: false, limit: 3 });
		expect(limited.items.map((i) => i.json.name)).toEqual(['Order shipped', 'Returns', 'Plain']);
	});

	it('Category lists that category (and those under it), one run per input item', async () => {
		const result = await gw.run(
			{ resource: 'template', operation: 'getAll', category: '={{ $json.c }}', returnAll: true },
			{ input: items({ c: '/orders' }, { c: '/orders/returns' }) },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.pairedItem, i.json.name])).toEqual([
			[{ item: 0 }, 'Order shipped'],
			[{ item: 0 }, 'Returns'],
			[{ item: 1 }, 'Returns'],
		]);
	});

	it('a Category not written as iP.1 writes them is refused before any request', async () => {
		const before = gw.requests();
		const result = await gw.run({ resource: 'template', operation: 'getAll', category: 'orders/', returnAll: true });
		expect(result.error?.message).toMatch(/^Category "orders\/" is not written as iP\.1 writes categories \[item 0\]$/);
		expect(gw.requests()).toBe(before);
	});

	it('templatesPath plain: the list is found at /v2/templates after a 404, and asked there once per execution', async () => {
		const result = await withSettings({ templatesPath: 'plain' }, () => gw.run({ resource: 'template', operation: 'getAll', returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(TEMPLATES.length);
		expect(gw.calls()['GET /v2/templates/sms']).toBe(1);
		expect(gw.calls()['GET /v2/templates']).toBe(1);
	});

	it('templateIdForm object: the ObjectId object is read back as the same 24 hex characters', async () => {
		const asObjects = await withSettings({ templateIdForm: 'object' }, () => gw.run({ resource: 'template', operation: 'getAll', returnAll: false, limit: 4 }));
		const asStrings = await gw.run({ resource: 'template', operation: 'getAll', returnAll: false, limit: 4 });
		expect(asObjects.items.map((i) => i.json.templateId)).toEqual(asStrings.items.map((i) => i.json.templateId));
		expect(asObjects.items.every((i) => /^[0-9a-f]{24}$/.test(String(i.json.templateId)))).toBe(true);
	});
});

describe('Message From → Template', () => {
	const template = (name: string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value: idOf(name) });
	const fields = (values: Record<string, string>) => ({ field: Object.entries(values).map(([key, value]) => ({ key, value })) });

	it("SMS → Send: the template's placeholders filled from Template Fields, the text sent as written", async () => {
		const result = await gw.run({
			resource: 'sms',
			operation: 'send',
			to: ANNA,
			from: 'iP1',
			messageSource: 'template',
			template: template('Order shipped'),
			templateFields: fields({ name: 'Anna', order: 'A-1' }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ to: ANNA, message: 'Hej Anna! Din order A-1 är skickad.' });
		expect(gw.sim.state().rest.messages.map((m) => m.body)).toEqual(['Hej Anna! Din order A-1 är skickad.']);
	});

	it('a placeholder without a Template Field stops the send before any request, naming it and the template', async () => {
		const before = gw.requests();
		const result = await gw.run({
			resource: 'sms',
			operation: 'send',
			to: ANNA,
			from: 'iP1',
			messageSource: 'template',
			template: template('Order shipped', 'id'),
			templateFields: fields({ name: 'Anna' }),
		});
		expect(result.error?.message).toBe('No Template Field fills "{order}" in template "Order shipped" [item 0]');
		expect(gw.sim.state().rest.messages).toHaveLength(0);
		// the template list was read; nothing was sent
		expect(gw.requests() - before).toBe(1);
		expect(gw.calls()['POST /v2/batches']).toBeUndefined();
	});

	it('a Template Field the template does not use is refused too; \\{ in a template goes out as {', async () => {
		const unused = await gw.run({
			resource: 'sms', operation: 'send', to: ANNA, from: 'iP1', messageSource: 'template', template: template('Plain'), templateFields: fields({ name: 'Anna' }),
		});
		expect(unused.error?.message).toBe('Template Field "name" is not in template "Plain" [item 0]');
		const braces = await gw.run({
			resource: 'sms', operation: 'send', to: ANNA, from: 'iP1', messageSource: 'template', template: template('Braces'), templateFields: fields({ name: 'Anna' }),
		});
		expect(braces.error).toBeUndefined();
		expect(gw.sim.state().rest.messages.map((m) => m.body)).toEqual(['Koden {kod} gäller, Anna.']);
	});

	it('an ID that is not a template of the account is an error for that item (Continue On Fail keeps the others)', async () => {
		const result = await gw.run(
			{ resource: 'sms', operation: 'send', to: ANNA, from: 'iP1', messageSource: 'template', template: { __rl: true, mode: 'id', value: '={{ $json.t }}' } },
			{ input: items({ t: 'ffffffffffffffffffffffff' }, { t: idOf('Plain') }), continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatch(/^Template "ffffffffffffffffffffffff" is not among the account's SMS templates/);
		expect(result.items[1].json).toMatchObject({ message: 'Tack för ditt köp!' });
		// one list for both items
		expect(gw.calls()['GET /v2/templates/sms']).toBe(1);
	});

	it('Batch → Send, a list per item: one text for all its recipients', async () => {
		const result = await gw.run({
			resource: 'batch', operation: 'send', mode: 'list', recipients: `${ANNA}, 46709876543`, from: 'iP1',
			messageSource: 'template', template: template('Order shipped'), templateFields: fields({ name: 'kund', order: 'B-2' }),
		});
		expect(result.error).toBeUndefined();
		expect(gw.sim.state().rest.messages.map((m) => m.body)).toEqual(['Hej kund! Din order B-2 är skickad.', 'Hej kund! Din order B-2 är skickad.']);
	});

	it('Batch → Send, Combine Input Items: one request, each recipient its own values (templatesPath plain and ObjectId ids too)', async () => {
		for (const settings of [{}, { templatesPath: 'plain' as const, templateIdForm: 'object' as const }]) {
			gw.sim.reset();
			const result = await withSettings(settings, () =>
				gw.run(
					{
						resource: 'batch', operation: 'send', mode: 'combine', to: '={{ $json.phone }}', from: 'iP1',
						messageSource: 'template', template: template('Order shipped'),
						templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }, { key: 'order', value: '={{ $json.order }}' }] },
					},
					{ input: items({ phone: ANNA, name: 'Anna', order: 'C-1' }, { phone: '46709876543', name: 'Bo', order: 'C-2' }) },
				),
			);
			expect(result.error).toBeUndefined();
			expect(gw.calls()['POST /v2/batches']).toBe(1);
			expect(gw.sim.state().rest.messages.map((m) => m.body)).toEqual(['Hej Anna! Din order C-1 är skickad.', 'Hej Bo! Din order C-2 är skickad.']);
		}
	});

	it('Combine Input Items: an item without a value for a placeholder fails before any send, naming the template', async () => {
		const result = await gw.run(
			{
				resource: 'batch', operation: 'send', mode: 'combine', to: '={{ $json.phone }}', from: 'iP1',
				messageSource: 'template', template: template('Order shipped'),
				templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }, { key: '={{ $json.key }}', value: 'D-1' }] },
			},
			{ input: items({ phone: ANNA, name: 'Anna', key: 'order' }, { phone: '46709876543', name: 'Bo', key: 'ordr' }), continueOnFail: true },
		);
		expect(result.items[1].json.error).toBe('No Template Field fills "{order}" in template "Order shipped" [item 1]');
		expect(gw.sim.state().rest.messages.map((m) => m.body)).toEqual(['Hej Anna! Din order D-1 är skickad.']);
	});
});

describe("Template's list in the editor (searchTemplates)", () => {
	/** The list search's context as n8n gives it: the credential, and a request helper that applies its `authenticate`. */
	function loadOptionsContext(apiKey = REST_KEY): ILoadOptionsFunctions {
		const credentials = { apiKey, baseUrl: `${gw.sim.url}/` };
		return {
			getCredentials: async () => credentials,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, request: { method: string; url: string; returnFullResponse?: boolean }) => {
					const authenticate = new Ip1SmsRestApi().authenticate as (c: object, r: object) => Promise<{ headers: Record<string, string> }>;
					const { headers } = await authenticate(credentials, { ...request, headers: {} });
					const response = await fetch(request.url, { method: request.method, headers });
					const text = await response.text();
					return { statusCode: response.status, body: text ? JSON.parse(text) : undefined };
				},
			},
		} as unknown as ILoadOptionsFunctions;
	}

	it('names each template with its category, its ID the value; typing filters by name or category', async () => {
		const { results } = await searchTemplates.call(loadOptionsContext());
		expect(results).toHaveLength(TEMPLATES.length);
		expect(results.slice(0, 3)).toEqual([
			{ name: 'Order shipped (/orders)', value: idOf('Order shipped') },
			{ name: 'Returns (/orders/returns)', value: idOf('Returns') },
			{ name: 'Plain', value: idOf('Plain') },
		]);
		expect((await searchTemplates.call(loadOptionsContext(), 'RETURNS')).results.map((r) => r.name)).toEqual(['Returns (/orders/returns)']);
	});

	it('finds the list at /v2/templates too; a wrong key fails the list', async () => {
		const plain = await withSettings({ templatesPath: 'plain' }, () => searchTemplates.call(loadOptionsContext(), 'plain'));
		expect(plain.results).toEqual([{ name: 'Plain', value: idOf('Plain') }]);
		await expect(searchTemplates.call(loadOptionsContext('wrong'))).rejects.toThrow('HTTP 401');
	});
});
