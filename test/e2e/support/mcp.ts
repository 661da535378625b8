/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// An MCP client made with the official SDK, connected to a published MCP Server Trigger workflow of the
// real n8n (examples/mcp-sms-tools.json): what an AI agent's MCP client sees and does.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { SimulatorHandle } from '../../../simulator';
import { E2E_ACCOUNT, example, importIp1Credentials } from './ip1';
import type { N8nInstance } from './n8n';

export const REST_CREDENTIAL = { id: 'ip1SimulatorRestCred', name: 'iP.1 SMS REST (simulator)' };
export const MCP_EXAMPLE = 'mcp-sms-tools.json';

/** One tool as tools/list gives it to an agent. */
export interface McpTool {
	name: string;
	description?: string;
	inputSchema: { type: 'object'; properties?: Record<string, { type?: string; description?: string }>; required?: string[] };
}

export interface ToolAnswer {
	isError: boolean;
	text: string;
}

/** Both credentials the example names, pointing at the simulator (REST key: the account's `<SOAP key>-rest`). */
export async function importMcpCredentials(n8n: N8nInstance, sim: SimulatorHandle): Promise<void> {
	await importIp1Credentials(n8n, sim);
	await n8n.importCredentials([{ ...REST_CREDENTIAL, type: 'ip1SmsRestApi', data: { apiKey: `${E2E_ACCOUNT.key}-rest`, baseUrl: sim.url } }]);
}

/** Imports and publishes a workflow (the example by default); returns its MCP endpoint (n8n serves MCP Server Triggers under /mcp/<path>). */
export async function publishMcpWorkflow(n8n: N8nInstance, workflow: any = example(MCP_EXAMPLE)): Promise<string> {
	const id = await n8n.importWorkflow(workflow);
	await n8n.activateWorkflow(id);
	const trigger = workflow.nodes.find((n: any) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
	return `${n8n.baseUrl}/mcp/${trigger.parameters.path}`;
}

/** Connects over Streamable HTTP (an MCP session: initialize, then requests carrying its session id). */
export async function connectMcp(url: string): Promise<Client> {
	const client = new Client({ name: 'n8n-nodes-ip1-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(url)));
	return client;
}

export async function listTools(client: Client): Promise<McpTool[]> {
	return (await client.listTools()).tools as McpTool[];
}

/** tools/call: the text the agent gets and whether MCP marks it as an error. */
export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<ToolAnswer> {
	const result = (await client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 })) as { isError?: boolean; content: Array<{ type: string; text?: string }> };
	return { isError: result.isError === true, text: result.content.map((c) => c.text ?? '').join('\n') };
}

/** A tool's answer as JSON: n8n hands the node's output items to the agent as a JSON text. */
export function answerJson(answer: ToolAnswer): any {
	if (answer.isError) throw new Error(`the tool answered an error: ${answer.text}`);
	return JSON.parse(answer.text);
}
