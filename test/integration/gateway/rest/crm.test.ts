// The REST gateway's template, contact and label methods against the simulator, inside a real n8n execution.
import { opts, startSim, type Sim } from './probe';

jest.setTimeout(60_000);

let s: Sim;
beforeAll(async () => {
	s = await startSim();
});
afterAll(async () => await s.sim.stop());
beforeEach(() => s.sim.reset());

const ANNA = '46701234567';
const settings = (changes: Parameters<Sim['sim']['setRest']>[0]) => s.sim.setRest(changes);
afterEach(() => settings({ templatesPath: 'sms', templateIdForm: 'string', contactSync: 'honoured', contactFilters: 'applied', contactDelete: 'delete', labelAnswer: 'summary' }));

describe('templates', () => {
	it('listTemplates: the category filter; getTemplate reads the list once per execution', async () => {
		const stored = s.sim.state().rest.templates['ip1-12345'];
		const orders = await s.run((g) => g.listTemplates({ returnAll: true, limit: 0, category: '/orders' }, opts));
		expect(orders.map((t) => t.name)).toEqual(['Order shipped']);
		const found = await s.run(async (g) => [await g.getTemplate(stored[1].id, opts), await g.getTemplate(stored[2].id, opts), await g.getTemplate('nope', opts)]);
		expect(found.map((t) => t?.name)).toEqual([stored[1].name, stored[2].name, undefined]);
		expect(s.hits('GET /v2/templates/sms')).toBe(2);
	});

	it('the /v2/templates path and ObjectId ids: the same templates', async () => {
		const plain = await s.run((g) => g.listTemplates({ returnAll: true, limit: 0 }, opts));
		settings({ templatesPath: 'plain', templateIdForm: 'object' });
		const other = await s.run((g) => g.listTemplates({ returnAll: true, limit: 0 }, opts));
		expect(other).toEqual(plain);
		expect(s.hits('GET /v2/templates')).toBe(1);
	});
});

describe('contacts and labels', () => {
	it('createContact asks for ?sync and returns the contact; without it, or when sync is ignored, imported false', async () => {
		const sync = await s.run((g) => g.createContact({ phoneNumber: ANNA, firstName: 'Anna' }, true, opts));
		expect(sync).toEqual({ imported: true, contact: { contactId: expect.stringMatching(/^[0-9a-f]{24}$/), phoneNumber: ANNA, firstName: 'Anna', customFields: {}, labels: [] } });
		expect(await s.run((g) => g.createContact({ phoneNumber: ANNA }, false, opts))).toEqual({ imported: false });
		settings({ contactSync: 'ignored' });
		expect(await s.run((g) => g.createContact({ phoneNumber: ANNA }, true, opts))).toEqual({ imported: false });
		const requests = s.sim.state().requests.filter((r) => r.operation === 'POST /v2/contacts');
		expect(requests).toHaveLength(3);
	});

	it('findContactsByPhone: the + form first, then digits only; never a contact of another number', async () => {
		const created = await s.run(async (g) => {
			const plus = (await g.createContact({ phoneNumber: ANNA }, true, opts)).contact!;
			await g.createContact({ phoneNumber: '46709876543' }, true, opts);
			return plus;
		});
		expect((await s.run((g) => g.findContactsByPhone(ANNA, opts))).map((c) => c.contactId)).toEqual([created.contactId]);
		expect(s.hits('GET /v2/contacts')).toBe(1);
		settings({ contactFilters: 'ignored' });
		expect((await s.run((g) => g.findContactsByPhone(ANNA, opts))).map((c) => c.contactId)).toEqual([created.contactId]);
		expect(await s.run((g) => g.findContactsByPhone('46700000000', opts))).toEqual([]);
	});

	it('deleteContact: DELETE, or the documented POST after a 405', async () => {
		const ids = await s.run(async (g) => [(await g.createContact({ phoneNumber: ANNA }, true, opts)).contact!.contactId, (await g.createContact({ phoneNumber: ANNA }, true, opts)).contact!.contactId]);
		await s.run((g) => g.deleteContact(ids[0], opts));
		settings({ contactDelete: 'post' });
		await s.run((g) => g.deleteContact(ids[1], opts));
		expect(s.sim.state().rest.contacts['ip1-12345']).toEqual([]);
		expect([s.hits('DELETE /v2/contacts/{id}'), s.hits('POST /v2/contacts/{id}')]).toEqual([2, 1]);
	});

	it('addLabel and deleteLabel: the summary, or the label alone without one', async () => {
		const id = await s.run(async (g) => (await g.createContact({ phoneNumber: ANNA }, true, opts)).contact!.contactId);
		expect(await s.run((g) => g.addLabel('kunder', [id], opts))).toEqual({ label: 'kunder', contactCount: 1 });
		expect(await s.run((g) => g.deleteLabel('kunder', opts))).toEqual({ label: 'kunder', contactCount: 1 });
		settings({ labelAnswer: 'noContent' });
		expect(await s.run((g) => g.addLabel('vip', [id], opts))).toEqual({ label: 'vip' });
		expect(s.sim.state().rest.contacts['ip1-12345'][0].labels).toEqual(['vip']);
	});
});
