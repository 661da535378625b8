/*
 * From in version 2's REST sends: a resource locator listing the account's registered senders,
 * or By Value for anything else (an expression, a number). A plain string, as
 * saved before From became a locator, is read as it always was.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { listRegisteredSenders } from '../../gateway';
import { fromField } from '../../shared/fields';

export const fromLocator: INodeProperties = {
	displayName: 'From',
	name: 'from',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		"The sender shown on the phone. It must be registered on your iP.1 account (iP.1's portal, or Sender → Register); a phone number lets recipients reply.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a registered sender…',
			typeOptions: { searchListMethod: 'searchSenders', searchable: true },
		},
		{
			// not 'id': n8n labels a mode of that name "By ID" whatever its displayName
			displayName: 'By Value',
			name: 'value',
			type: 'string',
			placeholder: 'e.g. iP1',
			hint: fromField.description,
		},
	],
};

/** The value of From, whether a locator (`{ __rl, mode, value }`) or a string saved before it was one. */
export function senderValue(raw: unknown): unknown {
	if (raw !== null && typeof raw === 'object' && '__rl' in raw) return (raw as IDataObject).value;
	return raw;
}

/** The registered senders, for From's list; `filter` keeps those containing it (any case). */
export async function searchSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const senders = (await listRegisteredSenders(this)).filter((sender) => sender.toLowerCase().includes(wanted));
	return { results: senders.map((sender) => ({ name: sender, value: sender })) };
}
