import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

// The test reads the account (`GET /api/me`): iP.1 answers a wrong or revoked key with HTTP 401,
// which fails n8n's credential test, so a wrong key is caught here and not at the first send.
export class Ip1SmsRestApi implements ICredentialType {
	name = 'ip1SmsRestApi';

	displayName = 'iP.1 SMS REST API';

	icon: Icon = { light: 'file:../icons/ip1.svg', dark: 'file:../icons/ip1.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ip1/n8n-nodes-ip1#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An API key of your iP.1 account, made in the iP.1 portal under Accounts → API keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.ip1sms.com',
			required: true,
			description:
				"Where iP.1's REST API lives. Point it at the project's gateway simulator to test without sending real messages.",
		},
	];

	// A function, not the generic `={{$credentials.apiKey}}` form: n8n calls a function directly, while
	// it evaluates an expression in its expression engine on every request (bench/profile-rest-send.ts).
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '')}` },
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/me',
			method: 'GET',
		},
	};
}
