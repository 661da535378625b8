/* The fields, input and output of Contact → Create, Update, Upsert, Get, Get Many, Delete (REST). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Contact, ContactCreated, ContactInput } from '../../../gateway/types';
import { Ip1InputError, quoteValue, valueTitle } from '../../../helpers/errors';
import { getItemParameter } from '../../../helpers/itemParameters';
import { normalizePhoneNumber } from '../../../helpers/phone';
import { timeoutOptions } from '../../../shared/fields';
import { compact } from '../../../shared/output';
import { readOptions, readString } from '../../../shared/params';

export const contactIdField: INodeProperties = {
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 606312a5d233ab8484e18404',
	description: 'The ID iP.1 gave the contact, e.g. from Contact → Create, Upsert or Get Many',
};

const labelsField: INodeProperties = {
	displayName: 'Labels',
	name: 'labels',
	type: 'string',
	default: '',
	placeholder: 'e.g. customers, newsletter',
	description: "The contact's labels, separated by commas (or an expression giving a list); they replace the labels it has",
};

const fieldOptions: INodeProperties[] = [
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add custom field',
		default: {},
		description: 'More properties of the contact, e.g. customerNumber; a field given an empty value is left as it is',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. customerNumber' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. C-1001' },
				],
			},
		],
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. name@email.com', default: '' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', placeholder: 'e.g. Anna' },
	labelsField,
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', placeholder: 'e.g. Svensson' },
];

const phoneOption: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	placeholder: 'e.g. +46701234567',
	description: 'International format with the country code first; spaces and dashes are ignored',
};

/** Create and Upsert: the fields beside Phone Number. */
export const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'contactFields',
	type: 'collection',
	placeholder: 'Add field',
	default: {},
	options: fieldOptions,
};

/** Update: every field, Phone Number too. */
export const updateFields: INodeProperties = { ...additionalFields, displayName: 'Update Fields', options: [...fieldOptions, phoneOption].sort((a, b) => a.displayName.localeCompare(b.displayName)) };

const waitForImportOption: INodeProperties = {
	displayName: 'Wait for Import',
	name: 'synchronous',
	type: 'boolean',
	default: true,
	description:
		"Whether to ask iP.1 to import the contact at once, so that the output carries its ID. Off, iP.1 accepts it and imports it in the background: the output says imported: false and has no ID.",
};

export const createOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [timeoutOptions.rest, waitForImportOption],
};

const STANDARD = ['phoneNumber', 'firstName', 'lastName', 'email'];

/** A list given as text separated by commas, or as an array. */
export function readList(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw.map(String) : raw === undefined || raw === null ? [] : String(raw).split(',');
	return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
}

/** A contact id as iP.1 gives them; the error says where to find one. */
export function checkContactId(value: string, field: string): string {
	const id = value.trim();
	if (!/^[0-9A-Za-z_-]{1,64}$/.test(id)) {
		throw new Ip1InputError(
			field,
			id ? valueTitle(field, value, 'is not an ID') : `${field} is empty`,
			`Map ${field} from the output of Contact → Create, Upsert or Get Many (24 letters and digits, e.g. 606312a5d233ab8484e18404).`,
		);
	}
	return id;
}

export const readContactId = (ctx: IExecuteFunctions, itemIndex: number): string => checkContactId(readString(ctx, 'contactId', itemIndex), 'Contact ID');

/** The item's contact fields; `phone` names where the number comes from (a field of its own, or one of the collection). */
export function readContactInput(ctx: IExecuteFunctions, itemIndex: number, phone: 'field' | 'collection'): ContactInput {
	const fields = (getItemParameter(ctx, 'contactFields', itemIndex, {}) ?? {}) as IDataObject;
	const input: ContactInput = {};
	const rawPhone = phone === 'field' ? readString(ctx, 'phoneNumber', itemIndex) : fields.phoneNumber;
	if (phone === 'field' || (rawPhone !== undefined && String(rawPhone).trim() !== '')) input.phoneNumber = normalizePhoneNumber(String(rawPhone ?? ''), 'Phone Number');
	for (const name of ['firstName', 'lastName', 'email'] as const) {
		const value = fields[name];
		if (value !== undefined && value !== null && String(value).trim() !== '') input[name] = String(value).trim();
	}
	if (input.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(input.email)) {
		throw new Ip1InputError('Email', `Email ${quoteValue(input.email)} is not an e-mail address`, 'Write it as name@example.com, or leave Email out.');
	}
	if (fields.labels !== undefined) input.labels = readList(fields.labels);
	const custom = ((fields.customFields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	for (const field of custom) {
		const name = String(field.name ?? '').trim();
		if (!name) throw new Ip1InputError('Custom Fields', 'A custom field has no Name', 'Give each custom field the property name it sets, e.g. customerNumber.');
		if (STANDARD.some((s) => s.toLowerCase() === name.toLowerCase())) {
			throw new Ip1InputError('Custom Fields', `Custom field ${quoteValue(name)} is a field of its own`, `Set it in its own field (${name}), not as a custom field.`);
		}
		const value = field.value === undefined || field.value === null ? '' : String(field.value);
		if (value !== '') (input.customFields ??= {})[name] = value;
	}
	return input;
}

/** Create and Upsert: the item's contact (Phone Number its own field) and Wait for Import. */
export const readNewContact = (ctx: IExecuteFunctions, itemIndex: number) => ({
	input: readContactInput(ctx, itemIndex, 'field'),
	synchronous: readOptions(ctx, itemIndex).synchronous !== false,
});

export const contactOutput = (c: Contact): IDataObject =>
	compact({ contactId: c.contactId, phoneNumber: c.phoneNumber, firstName: c.firstName, lastName: c.lastName, email: c.email, customFields: c.customFields, labels: c.labels });

/** The new contact; for one iP.1 accepted for a background import (no ID yet), what was sent. */
export const createdOutput = (created: ContactCreated, input: ContactInput): IDataObject =>
	created.imported && created.contact
		? { ...contactOutput(created.contact), imported: true }
		: compact({ imported: false, phoneNumber: input.phoneNumber, firstName: input.firstName, lastName: input.lastName, email: input.email, customFields: input.customFields ?? {}, labels: input.labels ?? [] });
