/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// A fake OpenAI-compatible chat model on 127.0.0.1 for n8n's OpenAI Chat Model node (credential URL =
// `<url>/v1`): `POST /v1/chat/completions`, scripted. While no tool has answered yet it calls the tool
// the script picks from the request's `tools`; once a tool message is in the conversation it answers a
// final text quoting it. Every request is kept, so a test can read what the agent was told.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
	model: string;
	messages: Array<{ role: string; content?: string | null; tool_calls?: any[]; tool_call_id?: string }>;
	tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters?: any } }>;
	stream?: boolean;
}

export interface ToolCallPlan {
	/** the tool to call, picked from the offered ones */
	pick: (tools: NonNullable<ChatRequest['tools']>) => string;
	/** its arguments, given the tool's JSON schema */
	args: (tool: NonNullable<ChatRequest['tools']>[number]) => Record<string, unknown>;
}

export interface FakeOpenAi {
	/** the base URL n8n's openAiApi credential takes (`…/v1`) */
	url: string;
	requests: ChatRequest[];
	/** what the next conversations do (until set again) */
	plan(plan: ToolCallPlan): void;
	stop(): Promise<void>;
}

/** The answer once a tool answered: quotes every tool message, so a test sees what the agent was told. */
export function finalText(toolMessages: string[]): string {
	return `Done. The tool answered: ${toolMessages.join(' | ')}`;
}

function completion(model: string, message: Record<string, unknown>, finish: string) {
	return {
		id: `chatcmpl-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message: { role: 'assistant', ...message }, logprobs: null, finish_reason: finish }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as server-sent chunks, for a client that asks for `stream: true`. */
function streamChunks(model: string, message: any, finish: string): string[] {
	const base = { id: `chatcmpl-${Date.now()}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
	const delta = message.tool_calls
		? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((c: any, index: number) => ({ index, ...c })) }
		: { role: 'assistant', content: message.content };
	return [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } },
	].map((c) => `data: ${JSON.stringify(c)}\n\n`);
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
	const requests: ChatRequest[] = [];
	let current: ToolCallPlan | undefined;
	let calls = 0;

	function answer(request: ChatRequest): { message: Record<string, unknown>; finish: string } {
		const toolMessages = request.messages.filter((m) => m.role === 'tool').map((m) => String(m.content ?? ''));
		if (toolMessages.length > 0 || !current || !request.tools?.length) return { message: { content: finalText(toolMessages) }, finish: 'stop' };
		const name = current.pick(request.tools);
		const tool = request.tools.find((t) => t.function.name === name);
		if (!tool) throw new Error(`no tool ${name} among ${request.tools.map((t) => t.function.name).join(', ')}`);
		const call = { id: `call_${++calls}`, type: 'function', function: { name, arguments: JSON.stringify(current.args(tool)) } };
		return { message: { content: null, tool_calls: [call] }, finish: 'tool_calls' };
	}

	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			try {
				if (req.method === 'GET' && req.url === '/v1/models') {
					res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'fake' }] }));
					return;
				}
				if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
					res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no ${req.method} ${req.url}` } }));
					return;
				}
				const request = JSON.parse(body) as ChatRequest;
				requests.push(request);
				const { message, finish } = answer(request);
				if (request.stream) {
					res.writeHead(200, { 'content-type': 'text/event-stream' });
					for (const chunk of streamChunks(request.model, message, finish)) res.write(chunk);
					res.end('data: [DONE]\n\n');
				} else {
					res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(request.model, message, finish)));
				}
			} catch (error) {
				res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: String(error) } }));
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		plan: (plan) => (current = plan),
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
