import { NodeOperationError, type ICredentialsDecrypted, type IExecuteFunctions } from 'n8n-workflow';

import { valueTitle } from '../../helpers/errors';

export const CREDENTIAL_TYPE = 'ip1SmsApi';

export interface Ip1Credentials {
	accountId: string;
	apiKey: string;
	baseUrl: string;
	soapNamespace: string;
	/**
	 * The credential as read once for this execution, handed to n8n's request helper with every call:
	 * without it the helper reads it from the database and decrypts it again for each request.
	 */
	decrypted?: ICredentialsDecrypted;
}

export async function getIp1Credentials(this: IExecuteFunctions): Promise<Ip1Credentials> {
	const raw = await this.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = String(raw.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(baseUrl)) {
		throw new NodeOperationError(
			this.getNode(),
			valueTitle('Base URL', baseUrl, 'is not an http:// or https:// address'),
			{ description: 'Open the iP.1 SMS API credential and set Base URL to e.g. https://web.smscom.se.' },
		);
	}
	const accountId = String(raw.accountId ?? '').trim();
	if (!accountId) {
		throw new NodeOperationError(this.getNode(), "The credential's Account ID is empty", {
			description: 'Open the iP.1 SMS API credential and fill in Account ID, e.g. ip1-12345.',
		});
	}
	let soapNamespace = String(raw.soapNamespace ?? '').trim() || 'http://tempuri.org/';
	if (!soapNamespace.endsWith('/')) soapNamespace += '/';
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	const decrypted: ICredentialsDecrypted | undefined = reference?.id
		? { id: reference.id, name: reference.name, type: CREDENTIAL_TYPE, data: raw }
		: undefined;
	return { accountId, apiKey: String(raw.apiKey ?? ''), baseUrl, soapNamespace, decrypted };
}
