/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Workflows with the iP.1 SMS Trigger for the e2e tests: the trigger alone, or the trigger followed by the
// exactly-once recipe of docs/trigger.md (Remove Duplicates across executions keyed on the message, then "Process").
import crypto from 'node:crypto';

export const TRIGGER = 'iP.1 SMS Trigger';
export const DEDUPE = 'Remove Duplicates';
export const PROCESS = 'Process';

/** The key the recipe deduplicates on (version 2's `dedupeKey`: the message id, and for a delivery report its status code too). */
export const RECIPE_KEY = '={{ $json.dedupeKey }}';

export interface TriggerWorkflowOptions {
	name: string;
	typeVersion?: number;
	/** node parameters, e.g. `{ api: 'rest', events: ['incomingSms'], options: { secret } }` */
	parameters?: Record<string, unknown>;
	/** add Remove Duplicates (across executions) and a Process node after the trigger */
	recipe?: boolean;
	/** the recipe's key expression (default RECIPE_KEY, for version 2's output; versions 1 and 1.1: `={{ $json.incsmsid }}`) */
	recipeKey?: string;
	/**
	 * Process = an HTTP GET of this URL with the item as JSON in `item` (a side effect outside n8n that a test
	 * can count, also for executions that crashed before n8n saved their run data); default a No Op node
	 */
	processUrl?: string;
}

/** A uuid derived from a name, so that a re-imported workflow keeps its webhook URL. */
function stableUuid(name: string): string {
	const hex = crypto.createHash('sha256').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function triggerWorkflow(opts: TriggerWorkflowOptions) {
	const webhookId = stableUuid(`webhook ${opts.name}`);
	const nodes: any[] = [
		{ id: stableUuid(`trigger ${opts.name}`), name: TRIGGER, type: 'n8n-nodes-ip1.ip1SmsTrigger', typeVersion: opts.typeVersion ?? 2, position: [0, 0], parameters: opts.parameters ?? {}, webhookId },
	];
	const connections: Record<string, unknown> = {};
	if (opts.recipe) {
		nodes.push(
			{
				id: stableUuid(`dedupe ${opts.name}`),
				name: DEDUPE,
				type: 'n8n-nodes-base.removeDuplicates',
				typeVersion: 2,
				position: [220, 0],
				parameters: { operation: 'removeItemsSeenInPreviousExecutions', logic: 'removeItemsWithAlreadySeenKeyValues', dedupeValue: opts.recipeKey ?? RECIPE_KEY, options: {} },
			},
			opts.processUrl
				? {
						id: stableUuid(`process ${opts.name}`), name: PROCESS, type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [440, 0],
						parameters: { url: opts.processUrl, sendQuery: true, queryParameters: { parameters: [{ name: 'item', value: '={{ JSON.stringify($json) }}' }] }, options: {} },
					}
				: { id: stableUuid(`process ${opts.name}`), name: PROCESS, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 0], parameters: {} },
		);
		connections[TRIGGER] = { main: [[{ node: DEDUPE, type: 'main', index: 0 }]] };
		connections[DEDUPE] = { main: [[{ node: PROCESS, type: 'main', index: 0 }]] };
	}
	return { name: opts.name, nodes, connections, settings: { executionOrder: 'v1' }, webhookId };
}

/** The production URL path of a trigger workflow: `<webhook id>/ip1-sms`. */
export function triggerPath(workflow: { webhookId: string }): string {
	return `${workflow.webhookId}/ip1-sms`;
}
