import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { MessageKind, SoapGateway } from '../../gateway';
import { checkSoapId, runIdCall } from '../ids';

/** Get Status of an SMS or an MMS: one code, described from the right appendix. */
export async function runStatusCall(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	gateway: SoapGateway,
	param: { name: string; field: string },
	kind: MessageKind,
): Promise<INodeExecutionData[]> {
	return await runIdCall.call(this, items, { ...param, check: checkSoapId }, async (id, opts) => {
		const status = await gateway.getStatus(kind, id, opts);
		return { id, code: status.code, status: status.name, description: status.description, final: status.state };
	});
}
