/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// In-process n8n execution for tests: real WorkflowExecute, ExecuteContext and request helpers
// from n8n-core. See docs/testing-in-process.md.
import { readFileSync } from 'node:fs';

import { NodeHelpers, jsonParse } from 'n8n-workflow';
import type { ExecutionBaseError, INode, INodeExecutionData, INodeType, IRun, IVersionedNodeType } from 'n8n-workflow';

import { captureErrors } from './captureErrors';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { executeWorkflow, toNodes } from './execute';
import {
	HarnessManualTrigger,
	HarnessSetItems,
	MANUAL_TRIGGER_TYPE,
	SET_ITEMS_TYPE,
	createInputNode,
} from './fixtureNodes';
import { HarnessNodeTypes } from './nodeTypes';
import type {
	HarnessOutputItem,
	RunNodeOptions,
	RunNodeResult,
	RunWorkflowOptions,
	RunWorkflowResult,
	WorkflowJson,
} from './types';

export * from './types';
export { ensureN8nCore, setBinaryDataMode, type BinaryDataMode } from './setup';
export { HarnessManualTrigger, HarnessSetItems, MANUAL_TRIGGER_TYPE, SET_ITEMS_TYPE } from './fixtureNodes';

const DEFAULT_TIMEZONE = 'Europe/Stockholm';
const PACKAGE_NAME = 'n8n-nodes-ip1';
const TRIGGER_NAME = 'When clicking ‘Execute workflow’';
const INPUT_NAME = 'Harness Input';
const INPUT_TYPE = 'harness.input';

const fixtureTypes = () => ({
	[MANUAL_TRIGGER_TYPE]: new HarnessManualTrigger(),
	[SET_ITEMS_TYPE]: new HarnessSetItems(),
});

function defaultVersion(nodeType: INodeType | IVersionedNodeType): number {
	const { description } = nodeType;
	if ('defaultVersion' in description && description.defaultVersion !== undefined) {
		return description.defaultVersion;
	}
	const { version } = description as INodeType['description'];
	return Array.isArray(version) ? Math.max(...version) : version;
}

function lastOutputs(run: IRun, nodeName: string): HarnessOutputItem[][] {
	const tasks = run.data.resultData.runData[nodeName];
	const main = tasks?.[tasks.length - 1]?.data?.main ?? [];
	return main.map((output: INodeExecutionData[] | null) => (output ?? []) as HarnessOutputItem[]);
}

/**
 * The error the node's last run ended with: the live instance it threw when n8n recorded that
 * same error, else n8n's stored copy (n8n-core turns e.g. a raw axios error into a NodeApiError).
 */
function nodeError(run: IRun, nodeName: string, thrown: Error | undefined): ExecutionBaseError | undefined {
	const tasks = run.data.resultData.runData[nodeName];
	const recorded = tasks?.[tasks.length - 1]?.error;
	if (!recorded) return run.data.resultData.error;
	return thrown && thrown.message === recorded.message ? (thrown as ExecutionBaseError) : recorded;
}

/** Runs one node with the given items as its input: trigger → input → node. Resolves also when the node fails. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const { nodeType } = options;
	const typeName = options.typeName ?? `${PACKAGE_NAME}.${nodeType.description.name}`;
	const typeVersion = options.typeVersion ?? defaultVersion(nodeType);
	const { description } = NodeHelpers.getVersionedNodeType(nodeType, typeVersion);
	const nodeName = description.defaults?.name ?? description.displayName;
	const credentials = options.credentials ?? {};
	const capture = captureErrors(nodeType);

	const node: INode = {
		id: 'harness-node-under-test',
		name: nodeName,
		type: typeName,
		typeVersion,
		position: [400, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(
			Object.keys(credentials).map((type) => [type, { id: `harness-${type}`, name: `${type} (harness)` }]),
		),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const run = await executeWorkflow({
		name: `runNode ${nodeName}`,
		nodes: [
			...toNodes([
				{ name: TRIGGER_NAME, type: MANUAL_TRIGGER_TYPE, typeVersion: 1, parameters: {} },
				{ name: INPUT_NAME, type: INPUT_TYPE, typeVersion: 1, parameters: {} },
			]),
			node,
		],
		connections: {
			[TRIGGER_NAME]: { main: [[{ node: INPUT_NAME, type: 'main', index: 0 }]] },
			[INPUT_NAME]: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
		},
		nodeTypes: new HarnessNodeTypes({
			...fixtureTypes(),
			[INPUT_TYPE]: createInputNode(options.input ?? [{ json: {} }]),
			[typeName]: capture.nodeType,
		}),
		credentialsHelper: new HarnessCredentialsHelper(options.credentialTypes ?? [], credentials),
		timezone: options.timezone ?? DEFAULT_TIMEZONE,
		startNode: TRIGGER_NAME,
	});

	const outputs = lastOutputs(run, nodeName);
	return {
		items: outputs[0] ?? [],
		outputs,
		error: nodeError(run, nodeName, capture.thrown()),
		runData: run.data,
		nodeName,
	};
}

/** Reads a workflow JSON file (as exported from n8n, or written by hand). */
export function loadWorkflowJson(file: string): WorkflowJson {
	return jsonParse<WorkflowJson>(readFileSync(file, 'utf8'));
}

/**
 * Runs workflow JSON (nodes + connections, as exported from n8n). The fixture types
 * `harness.manualTrigger` and `harness.setItems` are always available. A node whose type declares
 * a credential given in `options.credentials` gets a reference to it if the JSON has none.
 */
export async function runWorkflow(workflowJson: WorkflowJson, options: RunWorkflowOptions): Promise<RunWorkflowResult> {
	const given = Object.keys(options.credentials ?? {});
	const captures = Object.entries(options.nodeTypes).map(([name, type]) => [name, captureErrors(type)] as const);
	const nodeTypes = new HarnessNodeTypes({
		...fixtureTypes(),
		...Object.fromEntries(captures.map(([name, capture]) => [name, capture.nodeType])),
	});
	const nodes = toNodes(workflowJson.nodes).map((node) => {
		const declared = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.credentials ?? [];
		const missing = declared.filter(({ name }) => given.includes(name) && !node.credentials?.[name]);
		if (missing.length === 0) return node;
		const refs = Object.fromEntries(missing.map(({ name }) => [name, { id: `harness-${name}`, name: `${name} (harness)` }]));
		return { ...node, credentials: { ...node.credentials, ...refs } };
	});
	const run = await executeWorkflow({
		name: workflowJson.name ?? 'harness workflow',
		nodes,
		connections: workflowJson.connections,
		nodeTypes,
		credentialsHelper: new HarnessCredentialsHelper(options.credentialTypes ?? [], options.credentials ?? {}),
		timezone: options.timezone ?? DEFAULT_TIMEZONE,
		startNode: options.startNode,
	});
	const { lastNodeExecuted, error } = run.data.resultData;
	const thrown = captures.map(([, capture]) => capture.thrown()).find((e) => e && e.message === error?.message);
	return {
		runData: run.data,
		lastNodeItems: lastNodeExecuted ? (lastOutputs(run, lastNodeExecuted)[0] ?? []) : [],
		lastNodeExecuted,
		error: (thrown as ExecutionBaseError | undefined) ?? error,
	};
}
