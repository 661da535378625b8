/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The services n8n's queue mode needs, each a child process of ours on 127.0.0.1 with its data in a temp
// folder: PostgreSQL (n8n's database), Redis (Bull's job queue) and haproxy (the load balancer in front of
// the n8n processes). scripts/ensure-services.sh installs them from Debian when they are missing.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { freePort } from '../../test/e2e/support/ports';
import { trackGroup, stopGroup } from './processes';

const repoRoot = path.resolve(__dirname, '..', '..');

export interface ServiceBinaries {
	initdb: string;
	postgres: string;
	redis: string;
	haproxy: string;
}

/** Runs scripts/ensure-services.sh (installs what is missing) and returns the binaries it found. */
export function ensureServices(): ServiceBinaries {
	const out = execFileSync('bash', [path.join(repoRoot, 'scripts', 'ensure-services.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	const [initdb, postgres, redis, haproxy] = out.trim().split('\n');
	return { initdb, postgres, redis, haproxy };
}

/** A server process of ours (plain data, so another process can attach to the stack and stop it). */
export interface Service {
	name: string;
	pid: number;
	port: number;
	stopSignal: NodeJS.Signals;
}

export async function stopService(service: Service): Promise<void> {
	await stopGroup(service.pid, service.stopSignal);
}

async function waitForPort(port: number, alive: () => boolean, what: string, logFile: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		if (!alive() || Date.now() > deadline) {
			throw new Error(`${what} did not listen on 127.0.0.1:${port}; log:\n${fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3000) : '(none)'}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Spawns a server in its own process group (logging to a file) and waits until its port is open. */
async function spawnServer(name: string, cmd: string, args: string[], port: number, logFile: string, stopSignal: NodeJS.Signals, cwd?: string): Promise<Service> {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { stdio: ['ignore', out, out], detached: true, cwd });
	fs.closeSync(out);
	let exited = false;
	child.on('exit', () => (exited = true));
	child.unref();
	const pid = child.pid!;
	trackGroup(pid);
	try {
		await waitForPort(port, () => !exited, name, logFile);
	} catch (error) {
		await stopGroup(pid, 'SIGKILL');
		throw error;
	}
	return { name, pid, port, stopSignal };
}

/** PostgreSQL refuses to run as root: as root the cluster belongs to (and runs as) the `postgres` user. */
function asDbUser(cmd: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

export interface Postgres extends Service {
	user: string;
	database: string;
	dataDir: string;
	/** PostgreSQL's bin folder (psql, createdb, …) */
	binDir: string;
}

/** A throw-away PostgreSQL cluster (initdb in a temp folder, trust auth, no fsync: test data only). */
export async function startPostgres(bins: ServiceBinaries, folder: string): Promise<Postgres> {
	const dataDir = path.join(folder, 'pgdata');
	fs.mkdirSync(folder, { recursive: true });
	if (process.getuid?.() === 0) {
		// the postgres user must reach its folder inside our (root-only) temp folder
		fs.chmodSync(path.dirname(folder), 0o711);
		execFileSync('chown', ['postgres:', folder]);
	}
	const [initCmd, initArgs] = asDbUser(bins.initdb, ['-D', dataDir, '-A', 'trust', '-U', 'n8n', '-E', 'UTF8', '--no-sync']);
	execFileSync(initCmd, initArgs, { stdio: 'pipe' });
	const port = await freePort();
	const settings = ['listen_addresses=127.0.0.1', `unix_socket_directories=${folder}`, 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'];
	const [cmd, args] = asDbUser(bins.postgres, ['-D', dataDir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])]);
	// SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave)
	const service = await spawnServer('postgres', cmd, args, port, path.join(folder, 'postgres.log'), 'SIGINT', folder);
	const [createCmd, createArgs] = asDbUser(path.join(path.dirname(bins.postgres), 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	await retry(() => execFileSync(createCmd, createArgs, { stdio: 'pipe' }), 20);
	return { ...service, user: 'n8n', database: 'n8n', dataDir, binDir: path.dirname(bins.postgres) };
}

async function retry(fn: () => void, times: number): Promise<void> {
	for (let i = 1; ; i++) {
		try {
			return fn();
		} catch (error) {
			if (i >= times) throw error;
			await new Promise((r) => setTimeout(r, 250)); // the server may still be starting
		}
	}
}

/** Runs SQL in the stack's database and returns the rows as arrays of strings (psql's unaligned output). */
export function sql(pg: Postgres, query: string): string[][] {
	const out = execFileSync(path.join(pg.binDir, 'psql'), ['-h', '127.0.0.1', '-p', String(pg.port), '-U', pg.user, '-d', pg.database, '-At', '-F', '\t', '-c', query], {
		encoding: 'utf8',
		maxBuffer: 1024 * 1024 * 1024,
	});
	return out
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('\t'));
}

/** Redis without persistence: Bull's queue lives only as long as the stack. */
export async function startRedis(bins: ServiceBinaries, folder: string): Promise<Service> {
	fs.mkdirSync(folder, { recursive: true });
	const port = await freePort();
	return await spawnServer('redis', bins.redis, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder, '--protected-mode', 'no'], port, path.join(folder, 'redis.log'), 'SIGTERM');
}

export interface HaproxyBackend {
	name: string;
	port: number;
}

/**
 * haproxy in front of the n8n processes: `/webhook/*` (and `/webhook-test/*`) to the webhook processes
 * by a hash of the message id (round-robin without one), everything else to main. Health checks take a
 * dead process out within about 3 seconds; a request that was already on its way to it fails (502) and
 * the caller retries, as iP.1's gateway does.
 * Every answer names the process that gave it in `X-Served-By`.
 */
export function haproxyConfig(port: number, main: HaproxyBackend, webhooks: HaproxyBackend[]): string {
	return `global
	maxconn 4096

defaults
	mode http
	timeout connect 2s
	timeout client 120s
	timeout server 120s
	timeout http-keep-alive 10s
	option http-server-close
	retries 2
	option redispatch 1

frontend entry
	bind 127.0.0.1:${port}
	acl is_webhook path_beg /webhook/ /webhook-test/ /webhook-waiting/ /form/
	use_backend webhook_processes if is_webhook
	default_backend main_process
	http-response set-header X-Served-By %[srv_name]

backend main_process
	server ${main.name} 127.0.0.1:${main.port}

backend webhook_processes
	# every delivery of one message to the same webhook process, whose own memory of taken messages is
	# exact (also for two copies at the same moment): a hash of the message id (REST: "id", older delivery
	# reports "messageId") or of the whole query (the SOAP-era GET callback); consistent, so a process that
	# goes down moves only its own share. A call without either is balanced round-robin.
	option http-buffer-request
	http-request set-var(txn.message) req.body,json_query('$.messageId') if METH_POST
	http-request set-var(txn.message) req.body,json_query('$.id') if METH_POST
	http-request set-var(txn.message) query if METH_GET
	balance hash var(txn.message)
	hash-type consistent
	# readiness, not /healthz: while a restarted n8n migrates its database it answers every request
	# "200 n8n is starting up", which a REST webhook takes as delivered (docs/trigger.md); readiness is 503 then
	option httpchk GET /healthz/readiness
	# a loaded n8n can take a while to answer: a server counts as down after 3 missed checks (about 3 s)
	timeout check 5s
	default-server check inter 1s fall 3 rise 2
${webhooks.map((w) => `	server ${w.name} 127.0.0.1:${w.port}`).join('\n')}
`;
}

export async function startHaproxy(bins: ServiceBinaries, folder: string, port: number, main: HaproxyBackend, webhooks: HaproxyBackend[]): Promise<Service & { url: string; configFile: string }> {
	fs.mkdirSync(folder, { recursive: true });
	const configFile = path.join(folder, 'haproxy.cfg');
	fs.writeFileSync(configFile, haproxyConfig(port, main, webhooks));
	execFileSync(bins.haproxy, ['-c', '-q', '-f', configFile], { stdio: 'inherit' });
	// -db: stay in the foreground (our child, our process group)
	const service = await spawnServer('haproxy', bins.haproxy, ['-db', '-f', configFile], port, path.join(folder, 'haproxy.log'), 'SIGTERM');
	return { ...service, url: `http://127.0.0.1:${port}`, configFile };
}

/** `preferred` when it is free on 127.0.0.1 (the demos' well-known ports), else one the OS picks. */
export async function portOr(preferred: number): Promise<number> {
	const free = await new Promise<boolean>((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(true)));
	});
	return free ? preferred : await freePort();
}

export function tempFolder(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
