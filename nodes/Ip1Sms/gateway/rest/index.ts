import type { Ip1RestGateway } from '../types';
import { getRestCredentials, RestClient, type RestClientOptions, type RestContext } from './client';
import { RestGateway } from './gateway';

export { REST_CREDENTIAL_TYPE, type RestContext } from './client';
export { render } from './batchRequest';
export { MAX_RECIPIENTS_PER_REQUEST } from './gateway';
export { PAGE_SIZE } from './paging';
export { restStatus } from './statuses';

/** The REST API v2 gateway for one execution: reads the iP.1 SMS REST API credential once. */
export async function createRestGateway(ctx: RestContext, options: RestClientOptions = {}): Promise<Ip1RestGateway> {
	return new RestGateway(ctx, new RestClient(ctx, await getRestCredentials(ctx), options));
}
