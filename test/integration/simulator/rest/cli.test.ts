/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The REST flags and config of the simulator's command line, and its start banner.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCliArgs } from '../../../../simulator/cliArgs';
import { restClient } from './restClient';

describe('REST options on the command line', () => {
	it('per-account keys, currency, type, trial, senders and incoming URL', () => {
		const parsed = parseCliArgs([
			'--account', 'ip1-1:k1:500',
			'--account', 'ip1-2:k2:10',
			'--rest-key', 'ip1-1:rest-a',
			'--rest-key', 'ip1-1:rest-b',
			'--currency', 'ip1-2:eur',
			'--account-type', 'ip1-2:International',
			'--trial', 'ip1-2',
			'--sender', 'ip1-1:Acme',
			'--incoming-url', 'http://127.0.0.1:5678/webhook/in?a=b',
			'--incoming-url', 'ip1-2=http://127.0.0.1:5678/webhook/two',
		]);
		expect(parsed).toEqual({
			help: false,
			options: {
				accounts: [
					{ id: 'ip1-1', key: 'k1', balance: 500, restKeys: ['rest-a', 'rest-b'], senders: ['Acme'], incomingUrl: 'http://127.0.0.1:5678/webhook/in?a=b' },
					{ id: 'ip1-2', key: 'k2', balance: 10, currency: 'EUR', type: 'international', trial: true, incomingUrl: 'http://127.0.0.1:5678/webhook/two' },
				],
			},
		});
	});

	it('every switch', () => {
		const parsed = parseCliArgs([
			'--post-answer', 'id',
			'--delete-answer', 'noContent',
			'--report-id-key', 'messageId',
			'--error-body', 'text',
			'--link-style', 'space',
			'--max-page-size', '100',
			'--max-recipients', '500',
			'--rate-limit', '20/1s',
			'--webhook-retry', '2s',
			'--webhook-max-attempts', '4',
			'--status-suffix', '777=511',
		]);
		expect(parsed).toEqual({
			help: false,
			options: {
				rest: {
					postAnswer: 'id',
					deleteAnswer: 'noContent',
					reportIdKey: 'messageId',
					errorBody: 'text',
					linkStyle: 'space',
					maxPageSize: 100,
					maxRecipients: 500,
					rateLimit: { requests: 20, perMs: 1000 },
					webhookRetryMs: 2000,
					webhookMaxAttempts: 4,
					statusSuffixes: { '2020': 202, '4050': 405, '5050': 500, '777': 511 },
				},
			},
		});
	});

	it("issue 23's switches", () => {
		const parsed = parseCliArgs([
			'--post-answer', 'accepted',
			'--error-body', 'validation',
			'--enum-case', 'vendor',
			'--batch-status',
			'--messages-listed-after', '2s',
			'--max-reference', '40',
			'--blacklist-add', 'post',
		]);
		expect('options' in parsed && parsed.options.rest).toEqual({
			postAnswer: 'accepted',
			errorBody: 'validation',
			enumCase: 'vendor',
			batchStatus: true,
			messagesListedAfterMs: 2000,
			maxReferenceLength: 40,
			blacklistAdd: 'post',
		});
		expect(() => parseCliArgs(['--enum-case', 'upper'])).toThrow(/--enum-case/);
		expect(() => parseCliArgs(['--blacklist-add', 'patch'])).toThrow(/--blacklist-add/);
	});

	it('per-account flags apply to the default account; the config file takes rest switches; errors name the flag', () => {
		expect(parseCliArgs(['--rest-key', 'ip1-12345:mine'])).toEqual({ help: false, options: { accounts: [{ id: 'ip1-12345', key: 'test-api-key', balance: 1000, restKeys: ['mine'] }] } });
		const dir = mkdtempSync(path.join(tmpdir(), 'ip1-sim-'));
		const file = path.join(dir, 'sim.json');
		writeFileSync(file, JSON.stringify({ rest: { postAnswer: 'ok', rateLimit: '5/1m', webhookRetryMs: '10s' } }));
		expect(parseCliArgs(['--config', file, '--error-body', 'empty'])).toEqual({
			help: false,
			options: { rest: { postAnswer: 'ok', rateLimit: { requests: 5, perMs: 60_000 }, webhookRetryMs: 10_000, errorBody: 'empty' } },
		});
		expect(() => parseCliArgs(['--post-answer', 'maybe'])).toThrow(/--post-answer/);
		expect(parseCliArgs(['--post-answer', 'messages'])).toEqual({ help: false, options: { rest: { postAnswer: 'messages' } } });
		expect(() => parseCliArgs(['--rate-limit', 'fast'])).toThrow(/--rate-limit/);
		expect(() => parseCliArgs(['--currency', 'ip1-12345:USD'])).toThrow(/--currency/);
		expect(() => parseCliArgs(['--rest-key', 'nobody:k'])).toThrow(/no account "nobody"/);
		expect(() => parseCliArgs(['--status-suffix', '12=abc'])).toThrow(/--status-suffix/);
		expect(parseCliArgs(['--rate-limit', 'off'])).toEqual({ help: false, options: { rest: { rateLimit: null } } });
	});

	it('--auto-reply: the short form (ending or /regex/, replies in turn, delay) and a JSON rule, repeatable; the config file takes them too', () => {
		expect(
			parseCliArgs([
				'--auto-reply', '1111=YES@2000',
				'--auto-reply', '2222=maybe|YES@1.5s',
				'--auto-reply', '/^47(0|1)/=Ja tack',
				'--auto-reply', '{"match":"3333","reply":["a","b"],"delayMs":0,"account":"ip1-12345","times":2,"repeat":1}',
			]),
		).toEqual({
			help: false,
			options: {
				autoReplies: [
					{ match: '1111', reply: ['YES'], delayMs: 2000 },
					{ match: '2222', reply: ['maybe', 'YES'], delayMs: 1500 },
					{ match: '/^47(0|1)/', reply: ['Ja tack'], delayMs: 2000 },
					{ match: '3333', reply: ['a', 'b'], delayMs: 0, account: 'ip1-12345', times: 2, repeat: 1 },
				],
			},
		});
		const dir = mkdtempSync(path.join(tmpdir(), 'ip1-sim-'));
		const file = path.join(dir, 'sim.json');
		writeFileSync(file, JSON.stringify({ autoReplies: ['1111=YES@0', { match: '/5$/', reply: 'NO' }] }));
		expect(parseCliArgs(['--config', file])).toEqual({
			help: false,
			options: { autoReplies: [{ match: '1111', reply: ['YES'], delayMs: 0 }, { match: '/5$/', reply: ['NO'], delayMs: 2000 }] },
		});
		expect(() => parseCliArgs(['--auto-reply', 'YES'])).toThrow(/--auto-reply wants/);
		expect(() => parseCliArgs(['--auto-reply', 'abc=YES'])).toThrow(/match "abc" is neither digits nor \/regex\//);
		expect(() => parseCliArgs(['--auto-reply', '/(/=YES'])).toThrow(/auto-reply rule 1: match \/\(\//);
		expect(() => parseCliArgs(['--auto-reply', '{"match":"1","reply":"x","delay":5}'])).toThrow(/unknown field "delay"/);
	});
});

it('the banner prints the REST base URL and a ready key that works', async () => {
	const root = path.resolve(__dirname, '../../../..');
	const loader = pathToFileURL(require.resolve('tsx', { paths: [root] })).href;
	const child = spawn(process.execPath, ['--import', loader, path.join(root, 'simulator/cli.ts'), '--port', '0', '--account', 'ip1-cli:cli-key:42', '--rest-key', 'ip1-cli:cli-rest', '--auto-reply', '1111=YES@0', '--quiet'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	try {
		let out = '';
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 60_000); // tsx compiles at start: slow on a loaded machine
			child.stdout.on('data', (d: Buffer) => {
				out += d.toString();
				if (out.includes('Press Ctrl+C')) {
					clearTimeout(timer);
					resolve();
				}
			});
		});
		const base = /REST v2 +base URL (http:\/\/\S+)/.exec(out)?.[1];
		const key = /REST key +ip1-cli: Authorization: Bearer (\S+)/.exec(out)?.[1];
		expect(key).toBe('cli-rest');
		expect(out).toContain('Answers   numbers matching 1111 answer "YES" 0 ms after delivery');
		const me = await restClient(base!, key!).get('/api/me');
		expect(me.data).toMatchObject({ Account: 'ip1-cli', Balance: 42 });
	} finally {
		const exited = new Promise<string>((r) => child.once('exit', (code, signal) => r(`exit ${code} ${signal ?? ''}`.trim())));
		child.kill('SIGTERM');
		expect(await exited).toBe('exit 0');
	}
}, 90_000);

it('bench/simulator.ts: POST /v2/batches against a simulator in its own process, every recipient accepted once', async () => {
	const { benchSimulatorRest } = await import('../../../../bench/simulator');
	const r = await benchSimulatorRest({ durationMs: 300, connections: 2, recipients: 10 });
	expect(r.mode).toBe('child-process');
	expect(r.errors).toBe(0);
	expect(r.requests).toBeGreaterThan(0);
	expect(r.accepted).toBe(r.requests * 10);
	expect(Math.abs(r.recipientsPerSecond - r.requestsPerSecond * 10)).toBeLessThanOrEqual(5);
}, 30_000);
