/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The gateway simulator in its own process (so neither n8n nor the load generators share its event loop).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';


export interface SimulatorProcess {
	url: string;
	child: ChildProcess;
	/** SOAP calls per operation since the last reset */
	calls(): Promise<Record<string, number>>;
	/** REST requests per route since the last reset (reads the REST state: keep it for small states) */
	restCalls(): Promise<Record<string, number>>;
	/** messages accepted for sending since the last reset (SOAP, URL, MMS and REST) */
	accepted(): Promise<number>;
	reset(): Promise<void>;
	stop(): Promise<void>;
}

/** The simulator CLI in a child process (so it does not share a CPU core's event loop with the client); `account` is `id:key:balance`. */
export async function startSimulatorProcess(account: string): Promise<SimulatorProcess> {
	const root = path.resolve(__dirname, '..');
	const tsxLoader = pathToFileURL(require.resolve('tsx', { paths: [root] })).href;
	const child = spawn(
		process.execPath,
		['--import', tsxLoader, path.join(root, 'simulator', 'cli.ts'), '--port', '0', '--quiet', '--account', account],
		{ cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error(`simulator did not start: ${out}`)), 30_000);
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			const m = /listening on (http:\/\/\S+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
		child.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
	});
	child.stdout!.resume();
	return {
		url,
		child,
		async calls() {
			return (await (await fetch(`${url}/_sim/calls`)).json()) as Record<string, number>;
		},
		async restCalls() {
			return ((await (await fetch(`${url}/_sim/rest`)).json()) as { calls: Record<string, number> }).calls;
		},
		async accepted() {
			return ((await (await fetch(`${url}/_sim/accepted`)).json()) as { accepted: number }).accepted;
		},
		async reset() {
			const response = await fetch(`${url}/_sim/reset`, { method: 'POST' });
			if (!response.ok) throw new Error(`simulator reset: ${response.status}`);
		},
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
