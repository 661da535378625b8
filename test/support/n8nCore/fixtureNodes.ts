/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Stand-ins for the n8n-nodes-base nodes a workflow starts with (that package is not installed):
// a Manual Trigger that behaves like n8n's, and a node that outputs fixed items.
import { NodeConnectionTypes, NodeOperationError, jsonParse } from 'n8n-workflow';
import type {
	IBinaryKeyData,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';

import type { HarnessItem } from './types';

export const MANUAL_TRIGGER_TYPE = 'harness.manualTrigger';
export const SET_ITEMS_TYPE = 'harness.setItems';

/** Same shape as n8n-nodes-base.manualTrigger: emits one empty item when run by hand. */
export class HarnessManualTrigger implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow when the harness executes the workflow',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/** Turns harness items into n8n items; binary goes through prepareBinaryData (the active binary-data mode). */
export async function toExecutionItems(
	context: IExecuteFunctions,
	items: HarnessItem[],
): Promise<INodeExecutionData[]> {
	return await Promise.all(
		items.map(async (item) => {
			const out: INodeExecutionData = { json: item.json, pairedItem: { item: 0 } };
			if (item.binary) {
				const binary: IBinaryKeyData = {};
				for (const [property, file] of Object.entries(item.binary)) {
					const buffer = Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data, 'base64');
					binary[property] = await context.helpers.prepareBinaryData(buffer, file.fileName, file.mimeType);
				}
				out.binary = binary;
			}
			return out;
		}),
	);
}

/**
 * Outputs the items in its `items` parameter: a JSON array (or JSON string) of
 * `{ json, binary?: { [property]: { data: base64, mimeType, fileName? } } }`, or plain objects,
 * which become `{ json: object }`.
 */
export class HarnessSetItems implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Set Items',
		name: 'setItems',
		group: ['transform'],
		version: 1,
		description: 'Outputs fixed items',
		defaults: { name: 'Set Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as unknown;
		const parsed = typeof raw === 'string' ? jsonParse<unknown>(raw) : raw;
		if (!Array.isArray(parsed)) {
			throw new NodeOperationError(this.getNode(), 'The "items" parameter must be a JSON array');
		}
		const items = parsed.map((entry) =>
			entry && typeof entry === 'object' && 'json' in entry ? (entry as HarnessItem) : { json: entry },
		);
		return [await toExecutionItems(this, items)];
	}
}

/** The input node runNode puts before the node under test: emits the given items as they are. */
export function createInputNode(items: HarnessItem[]): INodeType {
	return {
		description: { ...new HarnessSetItems().description, displayName: 'Harness Input', properties: [] },
		async execute(this: IExecuteFunctions) {
			return [await toExecutionItems(this, items)];
		},
	};
}
