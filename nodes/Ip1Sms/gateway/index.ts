import type { IExecuteFunctions } from 'n8n-workflow';

import { createRestGateway } from './rest';
import { createSoapGateway, type SoapGateway } from './soap/soapGateway';
import type { Api, Ip1RestGateway } from './types';

export type { SoapGateway };
export type AnyGateway = SoapGateway | Ip1RestGateway;

/** The API the node speaks: version 1 knows only SOAP (its hidden `api` parameter says so). */
export function selectedApi(ctx: IExecuteFunctions): Api {
	return ctx.getNodeParameter('api', 0, 'soap') === 'rest' ? 'rest' : 'soap';
}

/** Resolved once per execution: reads the credential of the chosen API once. */
export async function resolveGateway(ctx: IExecuteFunctions): Promise<AnyGateway> {
	return selectedApi(ctx) === 'rest' ? await createRestGateway(ctx) : await createSoapGateway(ctx);
}
