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
				"Where iP.1's REST API lives. To try the node without sending real SMS, point it at a server that answers as iP.1 does, e.g. the simulator in this package's GitHub repository (npm run demo).",
		},
	];

	// A function, not the generic `={{$credentials.apiKey}}` form: n8n calls a function directly, while
	// it evaluates an expression in its expression engine on every request (bench/profile-rest-send.ts).
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '')}` },
	});

	// n8n's credentials tester shows a rule's message for the answer's status instead of the status text
	// ("Unauthorized"): the same words as the node's own error for that status (gateway/rest/problems.ts).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/me',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'iP.1 did not accept the API key (HTTP 401): check the API Key; it may be wrong, revoked or from another account. Keys are made in the iP.1 portal under Accounts → API keys.',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'iP.1 does not allow this API key to read the account (HTTP 403): check its rights in the iP.1 portal.' },
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: "The Base URL does not answer as iP.1's REST API (HTTP 404): use https://api.ip1sms.com." },
			},
		],
	};
}
