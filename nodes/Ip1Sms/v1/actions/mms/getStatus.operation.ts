import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../../gateway';
import { idField, readOptionsCollections } from '../../../shared/fields';
import { runStatusCall } from '../../../shared/soap/status';

export const option = { name: 'Get Status', description: 'Get the delivery status of an MMS', action: 'Get the status of an MMS' };

export const properties = [idField('MMS ID', 'mmsId', 'The ID iP.1 returned when the MMS was sent'), readOptionsCollections.soap];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runStatusCall.call(this, items, gateway, { name: 'mmsId', field: 'MMS ID' }, 'mms');
}
