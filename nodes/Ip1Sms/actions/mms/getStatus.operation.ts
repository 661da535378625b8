import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../gateway';
import { idField } from '../common.descriptions';
import { readOptionsCollection, runStatusCall } from '../idCalls';

export const description = updateDisplayOptions({ show: { resource: ['mms'], operation: ['getStatus'] } }, [
	idField('MMS ID', 'mmsId', 'The ID iP.1 returned when the MMS was sent'),
	readOptionsCollection,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runStatusCall.call(this, items, gateway, { name: 'mmsId', field: 'MMS ID' }, 'mms');
}
