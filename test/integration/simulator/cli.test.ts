/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCliArgs, REALISTIC_DELIVERY } from '../../../simulator/cliArgs';
import { result } from './soapClient';

describe('command-line options', () => {
	it('reads several accounts, the callback, delivery and retry settings', () => {
		const parsed = parseCliArgs([
			'--port', '8080',
			'--account', 'ip1-1:key:500',
			'--account', 'ip1-2:k:e:y:10.5',
			'--callback-url', 'http://127.0.0.1:5678/webhook/x',
			'--callback-encoding', 'utf-8',
			'--callback-retry', '2s',
			'--callback-max-attempts=3',
			'--delivery', 'realistic',
			'--fail-gsm-suffix', '999',
			'--quiet',
		]);
		expect(parsed).toEqual({
			help: false,
			options: {
				port: 8080,
				accounts: [
					{ id: 'ip1-1', key: 'key', balance: 500 },
					{ id: 'ip1-2', key: 'k:e:y', balance: 10.5 },
				],
				callbackUrl: 'http://127.0.0.1:5678/webhook/x',
				callbackEncoding: 'utf-8',
				callbackRetryMs: 2000,
				callbackMaxAttempts: 3,
				delivery: REALISTIC_DELIVERY,
				failSuffixes: { gsm: '999', phone: '5252' },
				quiet: true,
			},
		});
	});

	it.each([
		['instant', 'instant'],
		['100,250', { toNetworkMs: 100, toPhoneMs: 250 }],
	])('--delivery %s', (spec, delivery) => {
		expect(parseCliArgs(['--delivery', spec])).toEqual({ help: false, options: { delivery } });
	});

	it('reads a JSON config file; flags win over it', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'ip1-sim-'));
		const file = path.join(dir, 'sim.json');
		writeFileSync(file, JSON.stringify({ port: 9000, accounts: ['a-1:k1:5', { id: 'a-2', key: 'k2', balance: 7 }], callbackRetryMs: '30m', delivery: 'realistic' }));
		expect(parseCliArgs(['--config', file, '--port', '9001'])).toEqual({
			help: false,
			options: {
				port: 9001,
				accounts: [
					{ id: 'a-1', key: 'k1', balance: 5 },
					{ id: 'a-2', key: 'k2', balance: 7 },
				],
				callbackRetryMs: 1_800_000,
				delivery: REALISTIC_DELIVERY,
			},
		});
	});

	it('--help, and errors for bad input', () => {
		expect(parseCliArgs(['--help'])).toEqual({ help: true });
		expect(() => parseCliArgs(['--account', 'nobalance'])).toThrow(/id:key:balance/);
		expect(() => parseCliArgs(['--delivery', 'slow'])).toThrow(/--delivery/);
		expect(() => parseCliArgs(['--callback-retry', 'soon'])).toThrow(/duration/);
		expect(() => parseCliArgs(['--port'])).toThrow(/needs a value/);
		expect(() => parseCliArgs(['--frobnicate'])).toThrow(/unknown option/);
	});
});

describe('the CLI', () => {
	it('prints its URLs, serves the accounts it was given, and stops on SIGTERM', async () => {
		const root = path.resolve(__dirname, '../../..');
		const loader = pathToFileURL(require.resolve('tsx', { paths: [root] })).href;
		const child = spawn(process.execPath, ['--import', loader, path.join(root, 'simulator/cli.ts'), '--port', '0', '--account', 'ip1-cli:cli-key:42', '--quiet'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		try {
			let out = '';
			const url = await new Promise<string>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15_000);
				child.stdout.on('data', (d: Buffer) => {
					out += d.toString();
					const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
					if (m && out.includes('Press Ctrl+C')) {
						clearTimeout(timer);
						resolve(m[1]);
					}
				});
			});
			expect(out).toContain(`${url}/sendSms/sendSms.asmx?WSDL`);
			expect(out).toContain(`${url}/sendsms.aspx`);
			expect(out).toContain('ip1-cli (balance 42.00)');
			expect(await result(url, 'balans', { Konto: 'ip1-cli', Passwd: 'cli-key' })).toBe('42.00');
		} finally {
			const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		}
	}, 20_000);
});

describe('bench/simulator.ts', () => {
	it('measures sms requests per second against a simulator in its own process, every request accepted once', async () => {
		const { benchSimulator } = await import('../../../bench/simulator');
		const r = await benchSimulator({ durationMs: 300, connections: 2 });
		expect(r.mode).toBe('child-process');
		expect(r.errors).toBe(0);
		expect(r.requests).toBeGreaterThan(0);
		expect(r.accepted).toBe(r.requests);
		expect(r.requestsPerSecond).toBeGreaterThan(0);
	}, 30_000);
});
