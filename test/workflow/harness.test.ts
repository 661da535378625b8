/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Tests of the in-process n8n-core harness itself (test/support/n8nCore), with a tiny probe node.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { Expression, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ensureN8nCore, loadWorkflowJson, runNode, runWorkflow, setBinaryDataMode } from '../support/n8nCore';
import { expressionEngine } from '../support/n8nCore/setup';
import { HarnessProbe } from '../support/n8nCore/fixtures/HarnessProbe.node';
import { HarnessProbeApi } from '../support/n8nCore/fixtures/HarnessProbeApi.credentials';

const probeWorkflow = loadWorkflowJson(path.join(__dirname, '../support/n8nCore/fixtures/probe.workflow.json'));

interface Received {
	method?: string;
	url?: string;
	headers: IncomingHttpHeaders;
	body: string;
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];
let status = 200;

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push({ method: req.method, url: req.url, headers: req.headers, body });
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ echoed: body ? JSON.parse(body) : null, path: req.url }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	received.length = 0;
	status = 200;
});

const probe = new HarnessProbe();
const credentialTypes = [new HarnessProbeApi()];

test('items go in and come out with pairedItem, through the input node', async () => {
	const result = await runNode({
		nodeType: probe,
		parameters: { operation: 'tag', tag: 'seen' },
		input: [{ json: { n: 1 } }, { json: { n: 2 } }, { json: { n: 3 } }],
	});

	expect(result.error).toBeUndefined();
	expect(result.items).toEqual([
		{ json: { n: 1, tag: 'seen', index: 0 }, pairedItem: { item: 0 } },
		{ json: { n: 2, tag: 'seen', index: 1 }, pairedItem: { item: 1 } },
		{ json: { n: 3, tag: 'seen', index: 2 }, pairedItem: { item: 2 } },
	]);
	expect(result.outputs).toHaveLength(1);
	const { runData } = result.runData.resultData;
	expect(Object.keys(runData)).toEqual(['When clicking ‘Execute workflow’', 'Harness Input', 'Harness Probe']);
	expect(runData['Harness Probe'][0].source).toMatchObject([{ previousNode: 'Harness Input' }]);
});

test('the default input is one empty item', async () => {
	const result = await runNode({ nodeType: probe, parameters: { operation: 'tag' } });
	expect(result.items).toEqual([{ json: { tag: 'probed', index: 0 }, pairedItem: { item: 0 } }]);
});

test('httpRequestWithAuthentication is n8n-core’s client and applies the credential’s generic authenticate', async () => {
	const result = await runNode({
		nodeType: probe,
		parameters: { operation: 'http', path: '/echo' },
		input: [{ json: { text: 'hej' } }, { json: { text: 'då' } }],
		credentials: { harnessProbeApi: { accountId: 'acct 7', apiKey: 'key-123', baseUrl } },
		credentialTypes,
	});

	expect(result.error).toBeUndefined();
	expect(received).toHaveLength(2);
	const [first] = received;
	expect(first.method).toBe('POST');
	expect(first.url).toBe('/echo?account=acct%207');
	expect(first.headers.authorization).toBe('Bearer key-123');
	expect(first.headers['content-type']).toBe('application/json');
	expect(first.headers['user-agent']).toBe('n8n');
	expect(JSON.parse(first.body)).toEqual({ item: { text: 'hej' }, index: 0 });
	expect(JSON.parse(received[1].body)).toEqual({ item: { text: 'då' }, index: 1 });
	expect(result.items.map((item) => item.json)).toEqual([
		{ echoed: { item: { text: 'hej' }, index: 0 }, path: '/echo?account=acct%207' },
		{ echoed: { item: { text: 'då' }, index: 1 }, path: '/echo?account=acct%207' },
	]);
});

test('an HTTP error from the server surfaces as n8n-core’s NodeApiError', async () => {
	status = 503;
	const result = await runNode({
		nodeType: probe,
		parameters: { operation: 'http' },
		credentials: { harnessProbeApi: { apiKey: 'k', baseUrl } },
		credentialTypes,
	});

	expect(result.error).toBeInstanceOf(NodeApiError);
	expect((result.error as NodeApiError).httpCode).toBe('503');
	expect(result.items).toEqual([]);
});

test('a 401 is sent once more before it fails, as n8n-core retries after preAuthentication', async () => {
	status = 401;
	const result = await runNode({
		nodeType: probe,
		parameters: { operation: 'http' },
		credentials: { harnessProbeApi: { apiKey: 'k', baseUrl } },
		credentialTypes,
	});

	expect(result.error).toBeInstanceOf(NodeApiError);
	expect((result.error as NodeApiError).httpCode).toBe('401');
	expect(received).toHaveLength(2);
});

test('the node reads the credential data, with the credential type’s defaults applied', async () => {
	const result = await runNode({
		nodeType: probe,
		parameters: { operation: 'credentials' },
		credentials: { harnessProbeApi: { accountId: 'a-1', apiKey: 'k-1', baseUrl: 'http://127.0.0.1:9' } },
		credentialTypes,
	});

	expect(result.items[0].json).toEqual({ accountId: 'a-1', apiKey: 'k-1', baseUrl: 'http://127.0.0.1:9', region: 'se' });
});

test('a credential the node does not get is an error, as in n8n', async () => {
	const result = await runNode({ nodeType: probe, parameters: { operation: 'credentials' }, credentialTypes });
	expect(result.error).toBeInstanceOf(NodeOperationError);
	expect(result.error?.message).toBe('Node does not require credentials');
});

test('binary input is readable with getBinaryDataBuffer and assertBinaryData (default mode)', async () => {
	const result = await runNode({
		nodeType: probe,
		parameters: { operation: 'binary' },
		input: [
			{ json: {}, binary: { data: { data: Buffer.from('hello ip1'), mimeType: 'text/plain', fileName: 'hello.txt' } } },
			{ json: {}, binary: { data: { data: Buffer.from('från base64').toString('base64'), mimeType: 'image/png' } } },
		],
	});

	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.json)).toEqual([
		{ text: 'hello ip1', mimeType: 'text/plain', fileName: 'hello.txt', id: null },
		{ text: 'från base64', mimeType: 'image/png', fileName: null, id: null },
	]);
	const inputItems = result.runData.resultData.runData['Harness Input'][0].data!.main[0]!;
	expect(inputItems[0].binary!.data.data).toBe(Buffer.from('hello ip1').toString('base64'));
});

test('a missing binary property is n8n’s own error', async () => {
	const result = await runNode({ nodeType: probe, parameters: { operation: 'binary' } });
	expect(result.error).toBeInstanceOf(NodeOperationError);
	expect(result.error?.message).toMatch(/binary/i);
});

test('an error the node throws resolves as `error`, the real instance, with the partial run data', async () => {
	const result = await runNode({
		nodeType: probe,
		parameters: { operation: 'fail' },
		input: [{ json: { fail: false } }, { json: { fail: true } }],
	});

	expect(result.error).toBeInstanceOf(NodeOperationError);
	expect(result.error?.message).toBe('Probe failed on item 1');
	expect(result.error?.description).toBe('asked to fail');
	expect(result.error?.context).toMatchObject({ itemIndex: 1 });
	expect(result.items).toEqual([]);
	expect(result.runData.resultData.error?.message).toBe('Probe failed on item 1');
	expect(result.runData.resultData.runData['Harness Input'][0].data!.main[0]).toHaveLength(2);
});

test('with continueOnFail the failing item carries json.error and the run goes on', async () => {
	const result = await runNode({
		nodeType: probe,
		parameters: { operation: 'fail' },
		input: [{ json: { fail: false, n: 1 } }, { json: { fail: true } }],
		continueOnFail: true,
	});

	expect(result.error).toBeUndefined();
	expect(result.items).toEqual([
		{ json: { fail: false, n: 1 }, pairedItem: { item: 0 } },
		{ json: { error: 'Probe failed on item 1' }, pairedItem: { item: 1 } },
	]);
	expect(result.runData.resultData.error).toBeUndefined();
});

test('with continueOnFail, a node that throws anyway passes its input on (n8n-core’s behaviour)', async () => {
	const result = await runNode({
		nodeType: probe,
		parameters: { operation: 'throw' },
		input: [{ json: { n: 1 } }],
		continueOnFail: true,
	});

	expect(result.items.map((item) => item.json)).toEqual([{ n: 1 }]);
	expect(result.error).toBeInstanceOf(NodeOperationError);
	expect(result.error?.message).toBe('Probe threw without handling continueOnFail');
	expect(result.runData.resultData.error?.message).toBe('Probe threw without handling continueOnFail');
});

test('the workflow timezone reaches this.getTimezone()', async () => {
	const byDefault = await runNode({ nodeType: probe, parameters: { operation: 'timezone' } });
	const given = await runNode({ nodeType: probe, parameters: { operation: 'timezone' }, timezone: 'America/New_York' });
	expect(byDefault.items[0].json.timezone).toBe('Europe/Stockholm');
	expect(given.items[0].json.timezone).toBe('America/New_York');
});

test('workflow JSON runs: trigger → set items (with binary) → node, expressions resolved', async () => {
	const result = await runWorkflow(probeWorkflow, { nodeTypes: { 'n8n-nodes-ip1.harnessProbe': probe } });

	expect(result.error).toBeUndefined();
	expect(result.lastNodeExecuted).toBe('Harness Probe');
	expect(result.lastNodeItems).toEqual([
		{ json: { to: '46700000001', tag: 'to 46700000001', index: 0 }, pairedItem: { item: 0 } },
		{ json: { to: '46700000002', tag: 'to 46700000002', index: 1 }, pairedItem: { item: 1 } },
	]);
	const messages = result.runData.resultData.runData.Messages[0].data!.main[0]!;
	expect(messages[1].binary!.data).toMatchObject({ mimeType: 'text/plain', fileName: 'note.txt', data: 'aGVsbG8gd29ya2Zsb3c=' });
});

test('expressions run on n8n 2.40’s default engine (isolated-vm) unless N8N_EXPRESSION_ENGINE says otherwise', async () => {
	await ensureN8nCore();
	expect(Expression.getActiveImplementation()).toBe(expressionEngine());
});

test('workflow JSON runs report the failing node’s error', async () => {
	const failing = structuredClone(probeWorkflow);
	failing.nodes.find((node) => node.name === 'Harness Probe')!.parameters = { operation: 'throw' };
	const result = await runWorkflow(failing, { nodeTypes: { 'n8n-nodes-ip1.harnessProbe': probe } });

	expect(result.error).toBeInstanceOf(NodeOperationError);
	expect(result.error?.message).toBe('Probe threw without handling continueOnFail');
	expect(result.lastNodeExecuted).toBe('Harness Probe');
	expect(result.lastNodeItems).toEqual([]);
});

test('workflow JSON nodes get the given credentials and call out through n8n-core', async () => {
	const calling = structuredClone(probeWorkflow);
	calling.nodes.find((node) => node.name === 'Harness Probe')!.parameters = { operation: 'http', path: '/wf' };
	const result = await runWorkflow(calling, {
		nodeTypes: { 'n8n-nodes-ip1.harnessProbe': probe },
		credentials: { harnessProbeApi: { accountId: 'wf', apiKey: 'wf-key', baseUrl } },
		credentialTypes,
	});

	expect(result.error).toBeUndefined();
	expect(received.map(({ url, headers }) => [url, headers.authorization])).toEqual([
		['/wf?account=wf', 'Bearer wf-key'],
		['/wf?account=wf', 'Bearer wf-key'],
	]);
	expect(result.lastNodeItems[1].json.echoed).toEqual({ item: { to: '46700000002' }, index: 1 });
});

test('1,000 items run through in one execution', async () => {
	const input = Array.from({ length: 1000 }, (_, n) => ({ json: { n } }));
	const result = await runNode({ nodeType: probe, parameters: { operation: 'tag' }, input });
	expect(result.items).toHaveLength(1000);
	expect(result.items[999]).toEqual({ json: { n: 999, tag: 'probed', index: 999 }, pairedItem: { item: 999 } });
});

// Last: it switches the process-wide binary-data mode.
test('filesystem binary-data mode stores the data outside the item and the node still reads it', async () => {
	await setBinaryDataMode('filesystem');
	try {
		const result = await runNode({
			nodeType: probe,
			parameters: { operation: 'binary' },
			input: [{ json: {}, binary: { data: { data: Buffer.from('on disk'), mimeType: 'text/plain' } } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ text: 'on disk', mimeType: 'text/plain' });
		expect(result.items[0].json.id).toMatch(/^filesystem(-v2)?:/);
		const stored = result.runData.resultData.runData['Harness Input'][0].data!.main[0]![0].binary!.data;
		expect(stored.data).not.toBe(Buffer.from('on disk').toString('base64'));
	} finally {
		await setBinaryDataMode('default');
	}
});
