/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Contact → Create, Upsert, Update, Get, Get Many, Delete and Label → Add Contacts, Delete (issue 23,
// item 8) against the simulator, with its contact and label switches both ways.
import type { INodeParameters } from 'n8n-workflow';

import type { RestSettings } from '../../../../simulator/rest/types';
import { items, REST_ACCOUNT, REST_KEY, startRestGateway, withRestSettings, type RestGateway } from './restGateway';

jest.setTimeout(30_000);

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway();
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const ANNA = '46701234567';
const BO = '46709876543';
const contacts = () => gw.sim.state().rest.contacts[REST_ACCOUNT.id];
const withSettings = <T>(settings: Partial<RestSettings>, work: () => Promise<T>) => withRestSettings(gw, settings, work);
const create = (phoneNumber: string, contactFields: INodeParameters = {}, options: INodeParameters = {}) =>
	gw.run({ resource: 'contact', operation: 'create', phoneNumber, contactFields, options });
/** A contact put straight into the simulator (not through the node), its number as given. */
async function postContact(properties: Record<string, string>, labels: string[] = []): Promise<string> {
	const response = await fetch(`${gw.sim.url}/v2/contacts?sync`, {
		method: 'POST',
		headers: { authorization: `Bearer ${REST_KEY}`, 'content-type': 'application/json' },
		body: JSON.stringify([{ properties, labels }]),
	});
	return ((await response.json()) as Array<{ id: string }>)[0].id;
}

describe('Contact → Create', () => {
	it('waits for the import by default: the output has the new contact, iP.1 keeps the number in its + form', async () => {
		const result = await create('+46 70-123 45 67', {
			firstName: 'Anna', lastName: 'Svensson', email: 'anna@example.com', labels: 'customers, vip',
			customFields: { field: [{ name: 'customerNumber', value: 'C-1' }] },
		});
		expect(result.error).toBeUndefined();
		const [stored] = contacts();
		expect(result.items[0].json).toEqual({
			contactId: stored.id, phoneNumber: ANNA, firstName: 'Anna', lastName: 'Svensson', email: 'anna@example.com',
			customFields: { customerNumber: 'C-1' }, labels: ['customers', 'vip'], imported: true,
		});
		expect(stored.properties).toEqual({ phoneNumber: `+${ANNA}`, firstName: 'Anna', lastName: 'Svensson', email: 'anna@example.com', customerNumber: 'C-1' });
		expect(stored.id).toMatch(/^[0-9a-f]{24}$/);
	});

	it('Wait for Import off, or a server that ignores sync: imported false and no ID', async () => {
		const off = await create(ANNA, { firstName: 'Anna' }, { synchronous: false });
		expect(off.items[0].json).toEqual({ imported: false, phoneNumber: ANNA, firstName: 'Anna', customFields: {}, labels: [] });
		const ignored = await withSettings({ contactSync: 'ignored' }, () => create(BO));
		expect(ignored.error).toBeUndefined();
		expect(ignored.items[0].json).toMatchObject({ imported: false, phoneNumber: BO });
		expect(ignored.items[0].json.contactId).toBeUndefined();
		expect(contacts()).toHaveLength(2);
	});

	it.each([['created'], ['object']] as const)('contactCreated %s: the contact is read from that answer too', async (form) => {
		const result = await withSettings({ contactCreated: form }, () => create(ANNA));
		expect(result.items[0].json).toMatchObject({ contactId: contacts()[0].id, imported: true });
	});

	it('a bad phone number or e-mail is refused before any request', async () => {
		const before = gw.requests();
		const result = await gw.run(
			{ resource: 'contact', operation: 'create', phoneNumber: '={{ $json.p }}', contactFields: { email: '={{ $json.e }}' } },
			{ input: items({ p: '0701234567', e: 'a@b.se' }, { p: ANNA, e: 'not-an-address' }), continueOnFail: true },
		);
		expect(result.items.map((i) => i.json.error)).toEqual([expect.stringMatching(/^Phone Number "0701234567" has no country code/), expect.stringMatching(/^Email "not-an-address" is not an e-mail address/)]);
		expect(gw.requests()).toBe(before);
	});
});

describe('Contact → Upsert', () => {
	it('creates the contact the first time and updates it the second; the output says which', async () => {
		const first = await gw.run({ resource: 'contact', operation: 'upsert', phoneNumber: ANNA, contactFields: { firstName: 'Anna' } });
		expect(first.items[0].json).toMatchObject({ action: 'created', imported: true, firstName: 'Anna' });
		const second = await gw.run({ resource: 'contact', operation: 'upsert', phoneNumber: `+${ANNA}`, contactFields: { lastName: 'Svensson' } });
		expect(second.items[0].json).toMatchObject({ action: 'updated', contactId: first.items[0].json.contactId, firstName: 'Anna', lastName: 'Svensson' });
		expect(contacts()).toHaveLength(1);
	});

	it('finds a contact kept as digits only, and with the filters ignored updates only the contact of that number', async () => {
		const bo = await postContact({ phoneNumber: BO, firstName: 'Bo' });
		await postContact({ phoneNumber: `+${ANNA}`, firstName: 'Anna' });
		for (const settings of [{}, { contactFilters: 'ignored' as const }]) {
			const result = await withSettings(settings, () => gw.run({ resource: 'contact', operation: 'upsert', phoneNumber: BO, contactFields: { email: 'bo@example.com' } }));
			expect(result.items[0].json).toMatchObject({ action: 'updated', contactId: bo, email: 'bo@example.com' });
		}
		expect(contacts().map((c) => [c.properties.firstName, c.properties.email])).toEqual([['Bo', 'bo@example.com'], ['Anna', undefined]]);
	});

	it('with two contacts of the number: updates the oldest and says how many matched', async () => {
		const older = await postContact({ phoneNumber: `+${ANNA}` });
		await postContact({ phoneNumber: `+${ANNA}` });
		const result = await gw.run({ resource: 'contact', operation: 'upsert', phoneNumber: ANNA, contactFields: { firstName: 'Anna' } });
		expect(result.items[0].json).toMatchObject({ action: 'updated', contactId: older, matches: 2 });
	});
});

describe('Contact → Update, Get, Get Many, Delete', () => {
	it('Update changes only the fields given; Get reads it back', async () => {
		const id = await postContact({ phoneNumber: `+${ANNA}`, firstName: 'Anna', customerNumber: 'C-1' }, ['customers']);
		const updated = await gw.run({ resource: 'contact', operation: 'update', contactId: id, contactFields: { phoneNumber: '+46 70 999 99 99', labels: 'vip' } });
		expect(updated.error).toBeUndefined();
		const expected = { contactId: id, phoneNumber: '46709999999', firstName: 'Anna', customFields: { customerNumber: 'C-1' }, labels: ['vip'] };
		expect(updated.items[0].json).toEqual(expected);
		const got = await gw.run({ resource: 'contact', operation: 'get', contactId: id });
		expect(got.items[0].json).toEqual(expected);
	});

	it('Get Many: a label filter (kept when the server ignores it), Limit and Return All', async () => {
		for (let n = 0; n < 7; n++) await postContact({ phoneNumber: `4670555000${n}` }, n % 2 ? ['odd'] : []);
		for (const settings of [{}, { contactFilters: 'ignored' as const }]) {
			const odd = await withSettings(settings, () => gw.run({ resource: 'contact', operation: 'getAll', label: 'odd', returnAll: true }));
			expect(odd.items.map((i) => i.json.phoneNumber)).toEqual(['46705550001', '46705550003', '46705550005']);
		}
		const limited = await gw.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5 });
		expect(limited.items).toHaveLength(5);
		const all = await withSettings({ maxPageSize: 50 }, () => gw.run({ resource: 'contact', operation: 'getAll', returnAll: true }));
		expect(all.items).toHaveLength(7);
	});

	it.each([['delete'], ['post']] as const)('Delete (contactDelete %s): the contact is gone; a second delete is a 404 for that item', async (method) => {
		const id = await postContact({ phoneNumber: `+${ANNA}` });
		const result = await withSettings({ contactDelete: method }, () =>
			gw.run({ resource: 'contact', operation: 'delete', contactId: '={{ $json.id }}' }, { input: items({ id }, { id }), continueOnFail: true }),
		);
		expect(result.items[0].json).toEqual({ contactId: id, deleted: true });
		expect(result.items[1].json.error).toMatch(/404/);
		expect(contacts()).toEqual([]);
	});

	it('Update without a field to change is refused before any request', async () => {
		const before = gw.requests();
		const result = await gw.run({ resource: 'contact', operation: 'update', contactId: 'ffffffffffffffffffffffff', contactFields: {} });
		expect(result.error?.message).toBe('Update Fields is empty [item 0]');
		expect(gw.requests()).toBe(before);
	});

	it('Get of an unknown contact is an error naming it', async () => {
		const result = await gw.run({ resource: 'contact', operation: 'get', contactId: 'ffffffffffffffffffffffff' });
		expect(result.error?.message).toMatch(/contact ffffffffffffffffffffffff/);
		expect(result.error?.message).toMatch(/404/);
	});
});

describe('Label → Add Contacts, Delete', () => {
	it('puts the label on the contacts and deletes it from all of them; the contacts stay', async () => {
		const ids = [await postContact({ phoneNumber: `+${ANNA}` }), await postContact({ phoneNumber: `+${BO}` }, ['customers'])];
		const added = await gw.run({ resource: 'label', operation: 'addContacts', label: 'customers', contactIds: ids.join(', ') });
		expect(added.error).toBeUndefined();
		expect(added.items[0].json).toEqual({ label: 'customers', contactIds: ids, contactCount: 2 });
		expect(contacts().map((c) => c.labels)).toEqual([['customers'], ['customers']]);
		const deleted = await gw.run({ resource: 'label', operation: 'delete', label: 'customers' });
		expect(deleted.items[0].json).toEqual({ label: 'customers', deleted: true, contactCount: 2 });
		expect(contacts().map((c) => c.labels)).toEqual([[], []]);
	});

	it('labelAnswer noContent: the output has no count, and says what was done', async () => {
		const id = await postContact({ phoneNumber: `+${ANNA}` });
		await withSettings({ labelAnswer: 'noContent' }, async () => {
			const added = await gw.run({ resource: 'label', operation: 'addContacts', label: 'vip', contactIds: `={{ ['${id}'] }}` });
			expect(added.items[0].json).toEqual({ label: 'vip', contactIds: [id] });
			const deleted = await gw.run({ resource: 'label', operation: 'delete', label: 'vip' });
			expect(deleted.items[0].json).toEqual({ label: 'vip', deleted: true });
		});
	});

	it('no Contact IDs, or a label with a slash, is refused before any request; an unknown label is a 404', async () => {
		const before = gw.requests();
		const empty = await gw.run({ resource: 'label', operation: 'addContacts', label: 'vip', contactIds: ' , ' });
		expect(empty.error?.message).toBe('Contact IDs is empty [item 0]');
		const slash = await gw.run({ resource: 'label', operation: 'delete', label: 'a/b' });
		expect(slash.error?.message).toBe('Label has a slash in it [item 0]');
		expect(gw.requests()).toBe(before);
		const unknown = await gw.run({ resource: 'label', operation: 'delete', label: 'nobody' });
		expect(unknown.error?.message).toMatch(/label nobody.*404|404.*label nobody/);
	});
});
