// Runs a Workflow through n8n-core's WorkflowExecute as a manual execution, with the
// IWorkflowExecuteAdditionalData that n8n's CLI builds in getBase(), minus the DB-backed parts.
import { Container } from './container';
import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import { UnexpectedError, Workflow } from 'n8n-workflow';
import type {
	ICredentialsHelper,
	INode,
	INodeTypes,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { ensureN8nCore } from './setup';
import type { WorkflowJson } from './types';

const BASE_URL = 'http://127.0.0.1:5678/';
let executionCounter = 0;

export function toNodes(nodes: WorkflowJson['nodes']): INode[] {
	return nodes.map((node, index) => ({
		id: node.id ?? `harness-node-${index}`,
		position: node.position ?? [index * 200, 0],
		...node,
	}));
}

function additionalDataFor(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async () => {
		throw new UnexpectedError(`${what} is not available in the in-process harness`);
	};
	return {
		currentNodeExecutionIndex: 0,
		credentialsHelper,
		hooks,
		executionId,
		executeWorkflow: unsupported('Executing a sub-workflow'),
		startRunnerTask: unsupported('The task runner (Code node)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		restApiUrl: `${BASE_URL}rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}form`,
		formWaitingBaseUrl: `${BASE_URL}form-waiting`,
		formTestBaseUrl: `${BASE_URL}form-test`,
		webhookBaseUrl: `${BASE_URL}webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}webhook-test`,
		mcpBaseUrl: `${BASE_URL}mcp`,
		mcpTestBaseUrl: `${BASE_URL}mcp-test`,
		variables: {},
		logAiEvent: () => {},
	};
}

export interface ExecuteOptions {
	name: string;
	nodes: INode[];
	connections: WorkflowJson['connections'];
	nodeTypes: INodeTypes;
	credentialsHelper: ICredentialsHelper;
	timezone: string;
	startNode?: string;
}

export async function executeWorkflow(options: ExecuteOptions): Promise<IRun> {
	await ensureN8nCore();
	const settings = { timezone: options.timezone, executionOrder: 'v1' as const };
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: options.name,
		nodes: options.nodes,
		connections: options.connections,
		nodeTypes: options.nodeTypes,
		active: false,
		settings,
	});
	const startNode = options.startNode ? workflow.getNode(options.startNode) : workflow.getStartNode();
	if (!startNode) throw new UnexpectedError(`Start node "${options.startNode ?? '(auto)'}" not found`);

	const executionId = String(++executionCounter);
	const workflowData = {
		id: workflow.id,
		name: options.name,
		nodes: options.nodes,
		connections: options.connections,
		settings,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const additionalData = additionalDataFor(options.credentialsHelper, hooks, executionId);
	return await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode });
}
