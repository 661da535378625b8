import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

export interface Ip1Credentials {
	accountId: string;
	apiKey: string;
	baseUrl: string;
	soapNamespace: string;
}

export async function getIp1Credentials(this: IExecuteFunctions): Promise<Ip1Credentials> {
	const raw = await this.getCredentials('ip1SmsApi');
	const baseUrl = String(raw.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(baseUrl)) {
		throw new NodeOperationError(
			this.getNode(),
			`The credential's Base URL "${baseUrl}" is not an http:// or https:// address`,
			{ description: 'Open the iP.1 SMS API credential and set Base URL to e.g. https://web.smscom.se' },
		);
	}
	const accountId = String(raw.accountId ?? '').trim();
	if (!accountId) {
		throw new NodeOperationError(this.getNode(), "The credential's Account ID is empty", {
			description: 'Open the iP.1 SMS API credential and fill in Account ID (e.g. ip1-12345)',
		});
	}
	let soapNamespace = String(raw.soapNamespace ?? '').trim() || 'http://tempuri.org/';
	if (!soapNamespace.endsWith('/')) soapNamespace += '/';
	return { accountId, apiKey: String(raw.apiKey ?? ''), baseUrl, soapNamespace };
}
