/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Our package, the way users get it: built, `npm pack`ed, and installed into n8n's user folder the way
// n8n 2.40's community package installer does it (CommunityPackagesService.downloadPackage): the tarball is
// extracted into .n8n/nodes/node_modules/<name>, dev/peer/optional dependencies are dropped from its
// package.json, `npm install` runs inside it, and .n8n/nodes/package.json lists it in `dependencies`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { node24Env } from '../../../scripts/n8n/install';

const execFileAsync = promisify(execFile);
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string };
export const PACKAGE_NAME = packageJson.name;

async function run(cmd: string, args: string[], cwd: string): Promise<string> {
	const env = node24Env({ PATH: [path.join(repoRoot, 'node_modules', '.bin'), node24Env().PATH].join(path.delimiter), npm_config_update_notifier: 'false' });
	try {
		const { stdout } = await execFileAsync(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
		return stdout;
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: string; stderr?: string };
		throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
	}
}

/** `npm run build` then `npm pack` of the repository; returns the path of the .tgz (in a temp folder unless given). */
export async function buildAndPackPackage(destination?: string): Promise<string> {
	await run('npm', ['run', 'build', '--silent'], repoRoot);
	return await packPackage(destination);
}

/** `npm pack` of the repository as it is built now (dist/). */
export async function packPackage(destination?: string): Promise<string> {
	const dir = destination ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-pack-'));
	fs.mkdirSync(dir, { recursive: true });
	const out = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], repoRoot);
	const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
	return path.join(dir, filename);
}

/** Installs a packed community package into `<userFolder>/.n8n/nodes` as n8n itself would. */
export async function installPackageIntoUserFolder(userFolder: string, tgz: string): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-unpack-'));
	try {
		await run('tar', ['-xzf', tgz, '-C', unpacked, '--strip-components=1'], unpacked);
		const manifestPath = path.join(unpacked, 'package.json');
		const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
		const packageDir = path.join(nodesDir, 'node_modules', ...String(manifest.name).split('/'));
		fs.rmSync(packageDir, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(packageDir), { recursive: true });
		fs.cpSync(unpacked, packageDir, { recursive: true });
		fs.writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify(manifest, null, 2));
		await run('npm', ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'], packageDir);

		const ledgerPath = path.join(nodesDir, 'package.json');
		const ledger = fs.existsSync(ledgerPath) ? JSON.parse(fs.readFileSync(ledgerPath, 'utf8')) : { name: 'installed-nodes', private: true, dependencies: {} };
		ledger.dependencies = { ...(ledger.dependencies ?? {}), [manifest.name]: manifest.version };
		fs.writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
		return packageDir;
	} finally {
		fs.rmSync(unpacked, { recursive: true, force: true });
	}
}
