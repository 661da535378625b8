import type {
	ExecutionBaseError,
	IBinaryData,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	IRunExecutionData,
	IVersionedNodeType,
} from 'n8n-workflow';

export interface HarnessItem {
	json: IDataObject;
	binary?: Record<string, { data: Buffer | string /* base64 */; mimeType: string; fileName?: string }>;
}

export interface RunNodeOptions {
	nodeType: INodeType | IVersionedNodeType;
	/** Default: `n8n-nodes-ip1.<description.name>`, the name n8n gives a node of this package. */
	typeName?: string;
	parameters: INodeParameters;
	/** Items the node receives (from an input node before it); default `[{ json: {} }]`. */
	input?: HarnessItem[];
	/** Decrypted credential data by credential type name, e.g. `{ ip1SmsApi: { … } }`. */
	credentials?: Record<string, IDataObject>;
	credentialTypes?: ICredentialType[];
	/** Sets the node's `onError: 'continueRegularOutput'`. */
	continueOnFail?: boolean;
	/** Workflow settings timezone; default 'Europe/Stockholm'. */
	timezone?: string;
	/** Default: the node's defaultVersion, else its highest version. */
	typeVersion?: number;
}

export interface HarnessOutputItem {
	json: IDataObject;
	binary?: Record<string, IBinaryData>;
	pairedItem?: unknown;
	error?: unknown;
}

export interface RunNodeResult {
	/** Main output 0 of the node under test (empty when it failed). */
	items: HarnessOutputItem[];
	/** All main outputs of the node under test. */
	outputs: HarnessOutputItem[][];
	/** The node's error when it failed: the real NodeApiError / NodeOperationError instance. */
	error?: ExecutionBaseError;
	runData: IRunExecutionData;
	/** The name the node under test ran under (its key in runData.resultData.runData). */
	nodeName: string;
}

export interface WorkflowJson {
	name?: string;
	nodes: Array<Omit<INode, 'id' | 'position'> & Partial<Pick<INode, 'id' | 'position'>>>;
	connections: IConnections;
}

export interface RunWorkflowOptions {
	/** Node types by type name, e.g. `{ 'n8n-nodes-ip1.ip1Sms': new Ip1Sms() }`; the harness fixtures are added. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentials?: Record<string, IDataObject>;
	credentialTypes?: ICredentialType[];
	timezone?: string;
	/** Node to start from; default: the workflow's trigger/start node as n8n picks it. */
	startNode?: string;
}

export interface RunWorkflowResult {
	runData: IRunExecutionData;
	/** Main output 0 of the node that ran last. */
	lastNodeItems: HarnessOutputItem[];
	lastNodeExecuted?: string;
	/** The execution's error (the failing node's error), if any. */
	error?: ExecutionBaseError;
}
