import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

// The credential test calls `balans`: it proves the base URL reaches an iP.1 SOAP service.
// It cannot tell a wrong key from a right one: the gateway answers a wrong key with code 101
// inside an HTTP 200 SOAP answer, and n8n's declarative test rules only read HTTP status codes
// or JSON fields. The node's first call reports a wrong key as "wrong account ID or API key (code 101)".
const escapeXml = (expr: string) =>
	`String(${expr}).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')`;
const namespace = `($credentials.soapNamespace || 'http://tempuri.org/').replace(/\\/?$/, '/')`;

export class Ip1SmsApi implements ICredentialType {
	name = 'ip1SmsApi';

	displayName = 'iP.1 SMS Legacy SOAP API';

	icon: Icon = { light: 'file:../icons/ip1.svg', dark: 'file:../icons/ip1.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ip1/n8n-nodes-ip1#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				"For iP.1's legacy SOAP web service and URL call. iP.1 switched them off in October 2025: new accounts use the iP.1 SMS REST API credential. The Test button below only proves that the Base URL reaches a SOAP service: it cannot tell a wrong account ID or API key, which the first call then reports.",
			name: 'legacyNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ip1-12345',
			description: 'Your iP.1 account ID, as shown in the iP.1 portal',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key (password) of the account',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://web.smscom.se',
			required: true,
			description:
				'Where the gateway lives. Use http:// only if your network cannot make TLS calls, as the iP.1 manual allows. To try the node without sending real SMS, point it at a server that answers as iP.1 does, e.g. the simulator in this package\'s GitHub repository (npm run demo).',
		},
		{
			displayName: 'SOAP Namespace',
			name: 'soapNamespace',
			type: 'string',
			default: 'http://tempuri.org/',
			description:
				'Advanced: the target namespace of the iP.1 SOAP services. Leave as is unless iP.1 tells you otherwise.',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/sendSms/sendSms.asmx',
			method: 'POST',
			headers: {
				'Content-Type': 'text/xml; charset=utf-8',
				SOAPAction: `={{'"' + ${namespace} + 'balans"'}}`,
			},
			body:
				`={{'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><balans xmlns="' + ${escapeXml(namespace)} + '"><Konto>' + ` +
				`${escapeXml('$credentials.accountId')} + '</Konto><Passwd>' + ${escapeXml('$credentials.apiKey')} + '</Passwd></balans></soap:Body></soap:Envelope>'}}`,
		},
	};
}
