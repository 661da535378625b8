/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The iP.1 SMS node as AI agent tools: examples/mcp-sms-tools.json (n8n's MCP Server Trigger with five
// iP.1 SMS tools) published in the real n8n, driven by a client made with the official MCP SDK, as an
// agent's MCP client would. No language model: the test plays the agent. The simulator shows what was sent.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

import type { SimulatorHandle } from '../../simulator';
import { E2E_ACCOUNT, e2eWorkflow, startE2eSimulator } from './support/ip1';
import { answerJson, callTool, connectMcp, importMcpCredentials, listTools, publishMcpWorkflow, type McpTool } from './support/mcp';
import { useN8n } from './support/shared-n8n';

const n8n = useN8n();
let sim: SimulatorHandle;
let client: Client;
let tools: McpTool[];

beforeAll(async () => {
	sim = await startE2eSimulator();
	await importMcpCredentials(n8n(), sim);
	client = await connectMcp(await publishMcpWorkflow(n8n()));
	tools = await listTools(client);
}, 300_000);
afterAll(async () => {
	await client?.close();
	await sim?.stop();
});
beforeEach(() => sim.reset());

/** The first output item of a tool's answer (n8n hands the agent the node's output items). */
function firstItem(answer: Awaited<ReturnType<typeof callTool>>): any {
	const out = answerJson(answer);
	return Array.isArray(out) ? out[0] : out;
}

function schemaOf(name: string): McpTool['inputSchema'] {
	const tool = tools.find((t) => t.name === name);
	if (!tool) throw new Error(`no tool ${name} among ${tools.map((t) => t.name).join(', ')}`);
	return tool.inputSchema;
}

describe('tools/list: what an agent sees', () => {
	it('offers the five iP.1 SMS tools, each with a description of what it does', () => {
		expect(tools.map((t) => t.name).sort()).toEqual(['Get_Balance', 'Get_SMS_Status', 'Send_Personalised_SMS', 'Send_SMS', 'Send_SMS_via_SOAP']);
		for (const tool of tools) expect(tool.description).toMatch(/iP\.1/);
	});

	it('asks the agent only for the fields it decides, every one required and described; sender and SMS parts stay fixed', () => {
		const fields = Object.fromEntries(tools.map((t) => [t.name, Object.keys(t.inputSchema.properties ?? {}).sort()]));
		expect(fields).toEqual({
			Send_SMS: ['message', 'to'],
			Send_Personalised_SMS: ['name', 'template', 'to'],
			Get_SMS_Status: ['batchId', 'messageId'],
			Get_Balance: [],
			Send_SMS_via_SOAP: ['message', 'to'],
		});
		for (const tool of tools) {
			const properties = tool.inputSchema.properties ?? {};
			expect((tool.inputSchema.required ?? []).sort()).toEqual(Object.keys(properties).sort());
			for (const [name, property] of Object.entries(properties)) {
				expect({ tool: tool.name, name, type: property.type }).toEqual({ tool: tool.name, name, type: 'string' });
				// says what it takes, with an example
				const description = property.description ?? '';
				expect({ tool: tool.name, name, description, long: description.length >= 40 }).toEqual({ tool: tool.name, name, description: expect.stringMatching(/e\.g\. \S/), long: true });
			}
		}
		for (const name of ['Send_SMS', 'Send_Personalised_SMS', 'Send_SMS_via_SOAP']) {
			expect(schemaOf(name).properties!.to.description).toMatch(/international format, country code first, e\.g\. \+46701234567/);
		}
		for (const [name, field] of [['Send_SMS', 'message'], ['Send_SMS_via_SOAP', 'message'], ['Send_Personalised_SMS', 'template']]) {
			expect(schemaOf(name).properties![field].description).toMatch(/At most 2 SMS parts.*306.*134.*refused and nothing is sent/);
		}
	});
});

describe('tools/call with valid arguments: the simulator gets exactly the SMS asked for', () => {
	it('Send_SMS (REST) sends one SMS from the fixed sender and answers the ids Get_SMS_Status takes', async () => {
		const sent = firstItem(await callTool(client, 'Send_SMS', { to: '+46 70-123 45 67', message: 'Hej! Din tid hos tandläkaren är i morgon kl 10.' }));
		expect(sim.state().rest.messages).toEqual([
			expect.objectContaining({ id: sent.messageId, batchId: sent.batchId, recipient: '46701234567', sender: 'iP1', body: 'Hej! Din tid hos tandläkaren är i morgon kl 10.', segments: 1 }),
		]);
		expect(sim.state().accepted).toBe(1);

		const status = firstItem(await callTool(client, 'Get_SMS_Status', { batchId: sent.batchId, messageId: sent.messageId }));
		expect(status).toMatchObject({ messageId: sent.messageId, batchId: sent.batchId });
		expect(status.state).toEqual(expect.any(String));
		expect(sim.state().accepted).toBe(1);
	}, 180_000);

	it('Send_Personalised_SMS: iP.1 fills {name} in the template', async () => {
		const sent = firstItem(await callTool(client, 'Send_Personalised_SMS', { to: '+46701112233', name: 'Anna', template: 'Hej {name}! Din order är skickad.' }));
		const [batch] = sim.state().rest.batches;
		expect(batch).toMatchObject({ id: sent.batchId, sender: 'iP1', body: 'Hej {name}! Din order är skickad.', templated: true });
		expect(sim.state().rest.messages).toEqual([expect.objectContaining({ recipient: '46701112233', body: 'Hej Anna! Din order är skickad.' })]);
	}, 180_000);

	it('Get_Balance answers the account balance and sends nothing', async () => {
		const balance = firstItem(await callTool(client, 'Get_Balance', {}));
		expect(balance).toMatchObject({ balance: E2E_ACCOUNT.balance, currency: 'SEK' });
		expect(sim.state().accepted).toBe(0);
	}, 180_000);

	it('Send_SMS_via_SOAP sends one SMS through the legacy SOAP service', async () => {
		const sent = firstItem(await callTool(client, 'Send_SMS_via_SOAP', { to: '0046701234568', message: 'Hej från SOAP-verktyget' }));
		expect(sim.state().messages).toEqual([expect.objectContaining({ id: sent.messageId, to: '46701234568', from: 'iP1', text: 'Hej från SOAP-verktyget' })]);
		expect(sim.state().accepted).toBe(1);
	}, 180_000);
});

describe('tools/call with bad arguments: a readable error for the agent, nothing sent', () => {
	it.each(['Send_SMS', 'Send_SMS_via_SOAP', 'Send_Personalised_SMS'])('%s with a national number', async (tool) => {
		const answer = await callTool(client, tool, { to: '070-123 45 67', message: 'Hej', template: 'Hej {name}', name: 'Anna' });
		expect(answer.isError).toBe(true);
		expect(answer.text).toMatch(/"070-123 45 67" has no country code/);
		expect(sim.state().requestCount).toBe(0);
	}, 180_000);

	it.each(['Send_SMS', 'Send_SMS_via_SOAP'])('%s with a text beyond the SMS parts guard (2)', async (tool) => {
		const answer = await callTool(client, tool, { to: '+46701234567', message: 'Mycket lång text. '.repeat(20) });
		expect(answer.isError).toBe(true);
		expect(answer.text).toMatch(/Message needs 3 SMS parts, more than SMS Parts \(2\)/);
		expect(sim.state().requestCount).toBe(0);
	}, 180_000);

	it('Send_Personalised_SMS with a template that exceeds the guard once the name is filled in', async () => {
		const template = `Hej {name}! ${'x'.repeat(294)}`; // 306 characters as written: 2 parts; 307 with Cecilia filled in: 3
		const answer = await callTool(client, 'Send_Personalised_SMS', { to: '+46701234567', name: 'Cecilia', template });
		expect(answer.isError).toBe(true);
		expect(answer.text).toMatch(/needs 3 SMS parts, more than SMS Parts \(2\)/);
		expect(sim.state().requestCount).toBe(0);
	}, 180_000);
});

it('10 tool calls at once: 10 SMS, none doubled', async () => {
	const numbers = Array.from({ length: 10 }, (_, i) => `4670555${String(i).padStart(4, '0')}`);
	const answers = await Promise.all(numbers.map((to, i) => callTool(client, 'Send_SMS', { to: `+${to}`, message: `Parallellt SMS nummer ${i + 1}` })));
	const sent = answers.map(firstItem);
	const messages = sim.state().rest.messages;
	expect(messages.map((m) => `${m.recipient} ${m.body}`).sort()).toEqual(numbers.map((to, i) => `${to} Parallellt SMS nummer ${i + 1}`).sort());
	expect(sim.state().accepted).toBe(10);
	expect(sim.state().rest.calls['POST /v2/batches']).toBe(10);
	expect(new Set(sent.map((s) => s.messageId)).size).toBe(10);
	expect(sent.map((s) => s.messageId).sort()).toEqual(messages.map((m) => m.id).sort());
}, 300_000);

it('an allow-list in To (an expression around $fromAI): a listed number is sent to, any other refused before sending', async () => {
	const guarded = await connectMcp(await publishMcpWorkflow(n8n(), e2eWorkflow('mcp-allow-list.json')));
	try {
		const refused = await callTool(guarded, 'Send_SMS', { to: '+46709999999', message: 'Hej' });
		expect(refused.isError).toBe(true);
		expect(refused.text).toMatch(/To "not on the allow-list: \+46709999999" is not a phone number/);
		expect(sim.state().requestCount).toBe(0);

		firstItem(await callTool(guarded, 'Send_SMS', { to: '+46 73-123 45 67', message: 'Hej från listan' }));
		expect(sim.state().rest.messages).toEqual([expect.objectContaining({ recipient: '46731234567', body: 'Hej från listan' })]);
	} finally {
		await guarded.close();
	}
}, 300_000);
