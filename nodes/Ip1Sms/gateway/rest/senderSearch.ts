import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { REST_CREDENTIAL_TYPE } from './client';
import { readSender } from './documents';

/**
 * The account's registered senders, for the editor's From list (a list search runs outside an
 * execution: one plain request, no retries; n8n shows a failure in the list).
 */
export async function listRegisteredSenders(ctx: ILoadOptionsFunctions): Promise<string[]> {
	const credentials = await ctx.getCredentials(REST_CREDENTIAL_TYPE);
	const baseUrl = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	const answer: unknown = await ctx.helpers.httpRequestWithAuthentication.call(ctx, REST_CREDENTIAL_TYPE, {
		method: 'GET',
		url: `${baseUrl}/v2/me/senders`,
		json: true,
	});
	return (Array.isArray(answer) ? answer : [])
		.filter((doc): doc is IDataObject => doc !== null && typeof doc === 'object')
		.map((doc) => readSender(doc).sender)
		.filter(Boolean);
}
