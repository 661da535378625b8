/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Human review of an AI Agent's tool call over SMS, in a real n8n: n8n makes every node type with webhooks
// and a `sendAndWait` operation a review node (`<type>HitlTool`). Here the agent (n8n's AI Agent with the
// OpenAI Chat Model, whose model is a local fake that calls the gated tool) wants to run an iP.1 SMS tool
// connected through the iP.1 SMS review node: the reviewer gets an SMS, the simulator's phone answers
// YES or NO, the iP.1 SMS Trigger (Resume Waiting Executions) hands the reply to the waiting execution,
// and only an approval runs the tool. Nothing leaves the machine.
import axios from 'axios';

import type { SimulatorHandle } from '../../simulator';
import { startFakeOpenAi, type FakeOpenAi } from './support/fakeOpenAi';
import { E2E_ACCOUNT } from './support/ip1';
import { REST_CREDENTIAL } from './support/mcp';
import { repliesWorkflow, startReplySimulator } from './support/sendAndWait';
import { useN8n } from './support/shared-n8n';
import { triggerPath } from './support/triggerWorkflows';

const n8n = useN8n();
let sim: SimulatorHandle;
let model: FakeOpenAi;
const OURS = '46700000077';
const APPROVER = '46705551111'; // the simulator's phone answers YES
const DECLINER = '46705552222'; // … answers NO
const CUSTOMER = '46705550042';
const AGENT = 'AI Agent';
const REVIEW = 'Review by SMS';
const GATED = 'Send Campaign SMS';
const OPENAI_CREDENTIAL = { id: 'fakeOpenAiCred', name: 'OpenAI (local fake)' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const replies = repliesWorkflow('e2e agent review: incoming SMS');

/** Webhook → AI Agent (OpenAI Chat Model; tool "Send Campaign SMS" behind the iP.1 SMS review node). */
const agentWorkflow = {
	name: 'e2e agent review: campaign',
	nodes: [
		{ id: 'review-hook', name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'agent-review', parameters: { path: 'agent-review', httpMethod: 'POST', options: {} } },
		{ id: 'review-agent', name: AGENT, type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1, position: [220, 0], parameters: { promptType: 'define', text: '={{ $json.body.task }}', options: {} } },
		{
			id: 'review-model', name: 'OpenAI Chat Model', type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1.2, position: [100, 220],
			parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: {} },
			credentials: { openAiApi: OPENAI_CREDENTIAL },
		},
		{
			id: 'review-sms', name: REVIEW, type: 'n8n-nodes-ip1.ip1SmsHitlTool', typeVersion: 2, position: [340, 220],
			parameters: { to: '={{ $json.body.reviewer }}', from: OURS, message: '=Agent wants {{ $tool.name }}: {{ JSON.stringify($tool.parameters) }}',
				options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: '={{ $json.body.limitMinutes ?? 60 }}', resumeUnit: 'minutes' } } },
			},
			credentials: { ip1SmsRestApi: REST_CREDENTIAL },
		},
		{
			id: 'review-gated', name: GATED, type: 'n8n-nodes-ip1.ip1SmsTool', typeVersion: 2, position: [340, 440],
			parameters: {
				descriptionType: 'manual', toolDescription: 'Send one SMS to one customer (iP.1 REST API).',
				api: 'rest', resource: 'sms', operation: 'send',
				to: "={{ $fromAI('to', `The customer's number, e.g. +46701234567`, 'string') }}",
				from: 'iP1',
				message: "={{ $fromAI('message', `The SMS text, e.g. Spring sale today`, 'string') }}",
				options: {},
			},
			credentials: { ip1SmsRestApi: REST_CREDENTIAL },
		},
	],
	connections: {
		Hook: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
		'OpenAI Chat Model': { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
		[GATED]: { ai_tool: [[{ node: REVIEW, type: 'ai_tool', index: 0 }]] },
		[REVIEW]: { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};
const ids: Record<string, string> = {};

beforeAll(async () => {
	sim = await startReplySimulator([{ match: '1111', reply: 'YES', delayMs: 300 }, { match: '2222', reply: 'NO', delayMs: 300 }]);
	model = await startFakeOpenAi();
	model.plan({
		pick: (tools) => tools.find((t) => t.function.name.includes('Campaign'))!.function.name,
		args: (tool) => {
			const wanted = { to: `+${CUSTOMER}`, message: 'Spring sale: 20% off today' };
			// a gated tool's schema is { toolParameters: <the tool's>, hitlParameters: <the review node's $fromAI()> }
			return tool.function.parameters?.properties?.toolParameters ? { toolParameters: wanted, hitlParameters: {} } : wanted;
		},
	});
	// one CLI start each for the credentials and the workflows: every n8n CLI command takes seconds
	await n8n().importCredentials([
		{ ...REST_CREDENTIAL, type: 'ip1SmsRestApi', data: { apiKey: `${E2E_ACCOUNT.key}-rest`, baseUrl: sim.url } },
		{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-local-fake', url: model.url, header: false } },
	]);
	[ids.replies, ids.agent] = await n8n().importWorkflows([replies, agentWorkflow]);
	await n8n().activateWorkflow(ids.replies);
	sim.setIncomingUrl(E2E_ACCOUNT.id, n8n().webhookUrl(triggerPath(replies)));
	await n8n().activateWorkflow(ids.agent);
}, 240_000);
afterAll(async () => {
	await sim?.stop();
	await model?.stop();
});

const taskFor = (reviewer: string) => `Send our spring sale SMS to customer 42 (reviewer ${reviewer})`;

/** Starts the agent's workflow; returns its execution's id once n8n lists it. */
async function startAgent(reviewer: string, limitMinutes?: number): Promise<string> {
	const before = new Set((await n8n().restApi.listExecutions({ workflowId: ids.agent })).map((e) => e.id));
	const started = await axios.post(n8n().webhookUrl('agent-review'), { reviewer, limitMinutes, task: taskFor(reviewer) }, { validateStatus: () => true });
	expect(started.status).toBe(200);
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const fresh = (await n8n().restApi.listExecutions({ workflowId: ids.agent })).find((e) => !before.has(e.id));
		if (fresh) return fresh.id;
		await sleep(250);
	}
	throw new Error('the agent execution did not start');
}

/** The execution once it has finished (through its wait for the reviewer). */
async function finished(id: string, timeoutMs = 60_000): Promise<any> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const execution = await n8n().restApi.getExecution(id);
		if (!['waiting', 'running', 'new'].includes(execution.status)) return execution;
		await sleep(300);
	}
	throw new Error(`the agent execution ${id} did not finish`);
}

/** What the agent sent the model in one run (the task names the reviewer). */
const modelRequests = (reviewer: string) => model.requests.filter((r) => r.messages.some((m) => m.role === 'user' && String(m.content).includes(taskFor(reviewer))));

function lastOutput(execution: any, node: string): any {
	const runs = execution.data.resultData.runData[node] ?? [];
	const last = runs[runs.length - 1];
	return (last?.data?.main?.[0] ?? last?.data?.ai_tool?.[0] ?? [])[0]?.json;
}

const sentTo = (number: string) => sim.state().rest.messages.filter((m: any) => m.direction === 'mt' && m.recipient === number);

describe('AI Agent tool call reviewed over SMS in a real n8n', () => {
	// n8n's wait tracker looks for due executions once a minute: the unanswered review starts first and is checked last
	const SILENT = '46705553333';
	let unanswered: Promise<string>;
	beforeAll(() => {
		unanswered = startAgent(SILENT, 0.05);
	});

	it('n8n offers the iP.1 SMS node as a review node: n8n-nodes-ip1.ip1SmsHitlTool, fixed to SMS → Send and Wait, Approval', async () => {
		const types = await n8n().restApi.nodeTypes();
		const review = types.find((t) => t.name === 'n8n-nodes-ip1.ip1SmsHitlTool');
		expect(review).toBeDefined();
		const props = Object.fromEntries(review!.properties.map((p: any) => [p.name, p]));
		expect(props.operation).toMatchObject({ type: 'hidden', default: 'sendAndWait' });
		expect(props.resource).toMatchObject({ type: 'hidden', default: 'sms' });
		expect(props.responseType).toMatchObject({ type: 'hidden', default: 'approval' });
		expect(props.message.default).toContain('$tool.name');
		expect(Object.keys(props)).toEqual(expect.arrayContaining(['to', 'from', 'approvalOptions', 'options']));
		expect(review!.credentials?.map((c: any) => c.name)).toContain('ip1SmsRestApi');
	}, 60_000);

	it('approved by an SMS YES: the gated tool sends its SMS and the agent answers with its result', async () => {
		await unanswered;
		const execution = await finished(await startAgent(APPROVER));
		expect(execution.status).toBe('success');
		// the model was offered the gated tool with the tool's own fields and the review node's (none here)
		const [first, second, ...more] = modelRequests(APPROVER);
		expect(more).toEqual([]);
		const offered = first.tools!.find((t) => t.function.name === 'Send_Campaign_SMS')!;
		expect(offered.function.description).toBe('Send one SMS to one customer (iP.1 REST API).');
		expect(Object.keys(offered.function.parameters.properties).sort()).toEqual(['hitlParameters', 'toolParameters']);
		expect(Object.keys(offered.function.parameters.properties.toolParameters.properties).sort()).toEqual(['message', 'to']);
		expect(second.messages.find((m) => m.role === 'tool')!.content).toContain('"messageId"');
		const [question] = sentTo(APPROVER);
		expect(question.body).toMatch(/^Agent wants Send_Campaign_SMS: .*"to":"\+46705550042".*"message":"Spring sale: 20% off today".*\n\nReply YES to approve or NO to decline$/s);
		const [sms, ...again] = sentTo(CUSTOMER);
		expect(again).toEqual([]);
		expect(sms).toMatchObject({ sender: 'iP1', body: 'Spring sale: 20% off today' });
		// the review SMS, then the reviewer's YES, then the campaign SMS
		const yes = sim.state().rest.autoReplied.find((a: any) => a.mtMessageId === question.id)!;
		const at = (id: string) => sim.state().rest.messages.findIndex((m: any) => m.id === id);
		expect(at(question.id)).toBeGreaterThanOrEqual(0);
		expect(at(yes.moMessageId)).toBeGreaterThan(at(question.id));
		expect(at(sms.id)).toBeGreaterThan(at(yes.moMessageId));
		expect(lastOutput(execution, REVIEW)).toMatchObject({ data: { approved: true }, text: 'YES', sender: APPROVER });
		const answer = lastOutput(execution, AGENT).output as string;
		expect(answer).toContain('Done. The tool answered:');
		expect(answer).toContain(sms.id);
	}, 180_000);

	it('declined by an SMS NO: the tool does not run and the agent is told the reviewer rejected it', async () => {
		const sentBefore = sentTo(CUSTOMER).length;
		const execution = await finished(await startAgent(DECLINER));
		expect(execution.status).toBe('success');
		expect(sentTo(DECLINER)).toHaveLength(1);
		expect(sentTo(CUSTOMER)).toHaveLength(sentBefore);
		expect(execution.data.resultData.runData[GATED]).toBeUndefined();
		expect(lastOutput(execution, REVIEW)).toMatchObject({ data: { approved: false }, text: 'NO', sender: DECLINER });
		expect(lastOutput(execution, AGENT).output).toMatch(/^Done\. The tool answered: .*User rejected the tool call to Send Campaign SMS \(id: call_\d+\)\. STOP what you are doing/);
	}, 180_000);

	it('no answer within Limit Wait Time: the tool does not run, the agent is told it was rejected', async () => {
		const execution = await finished(await unanswered, 150_000);
		expect(execution.status).toBe('success');
		expect(sentTo(SILENT)).toHaveLength(1);
		expect(execution.data.resultData.runData[GATED]).toBeUndefined();
		expect(lastOutput(execution, REVIEW)).toMatchObject({ timedOut: true });
		expect(lastOutput(execution, AGENT).output).toMatch(/User rejected the tool call to Send Campaign SMS/);
	}, 240_000);
});
