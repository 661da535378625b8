import type { IExecuteFunctions } from 'n8n-workflow';

import { createRestGateway } from './rest';
import { createSoapGateway } from './soap/soapGateway';
import type { SoapGateway } from './soap/types';
import type { Api, Ip1RestGateway } from './types';

/* What the operation files use of the SOAP side; they import nothing from gateway/soap or gateway/rest. */
export type { GroupRecipient, GroupSms, MessageKind, MmsFile, PreparedUrlSms, SoapGateway } from './soap/types';
export { DEFAULT_TIMEOUT_MS } from './soap/request';
export { assertSoapText } from './soap/soapEnvelope';
export { isId as isSoapId } from './soap/statusCodes';

export type AnyGateway = SoapGateway | Ip1RestGateway;

/** The API the node speaks: version 1 knows only SOAP (its hidden `api` parameter says so). */
export function selectedApi(ctx: IExecuteFunctions): Api {
	return ctx.getNodeParameter('api', 0, 'soap') === 'rest' ? 'rest' : 'soap';
}

/** Resolved once per execution: reads the credential of the chosen API once. */
export async function resolveGateway(ctx: IExecuteFunctions): Promise<AnyGateway> {
	return selectedApi(ctx) === 'rest' ? await createRestGateway(ctx) : await createSoapGateway(ctx);
}
