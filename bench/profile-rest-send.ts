/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Where the time of a REST single send goes (SMS → Send, one recipient per item), in-process: the iP.1 SMS
// node in n8n-core's WorkflowExecute (test/support/n8nCore, isolated-vm expression engine as n8n 2.40) against
// the gateway simulator in its own process. A profile, not a test: it asserts no time.
// Per item it splits the execution's wall time into
//   - n8n-core outside the node (workflow, the input node, output bookkeeping),
//   - our code (the node's execute minus the time inside n8n's request helper),
//   - n8n's request helper (httpRequestWithAuthentication minus the wire; its `authenticate` shown apart),
//   - the wire + simulator (a bare keep-alive client making the same requests, one at a time),
// and shows the simulator's own CPU per item (its process, /proc) and this process's CPU per item.
// Variants: Read Message IDs on / off; the credential's authenticate as shipped, or as the generic
// `={{...}}` expression it was before (n8n evaluates that in its expression engine on every request).
// Run (small N: the machine is shared):
//   node scripts/node24.js "NODE_ENV=test tsx bench/profile-rest-send.ts [--n 200] [--repeats 3] [--parallel 1]"
// --variants on-shipped,off-shipped,on-expression,off-expression (default: all four).
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

import { NodeHelpers, type IAuthenticateGeneric, type ICredentialType, type IExecuteFunctions, type INodeType } from 'n8n-workflow';

import { Ip1SmsRestApi } from '../credentials/Ip1SmsRestApi.credentials';
import { ensureN8nCore, runNode } from '../test/support/n8nCore';
import { HarnessCredentialsHelper } from '../test/support/n8nCore/credentialsHelper';
import { BENCH_ACCOUNT, BENCH_REST_KEY } from './n8nBench';
import { restSingleCalls, runRestCalls } from './restClient';
import { startSimulatorProcess, type SimulatorProcess } from './simulatorProcess';
import { median } from './stats';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg('--n', '200'));
const REPEATS = Number(arg('--repeats', '3'));
const PARALLEL = Number(arg('--parallel', '1'));
const VARIANTS = arg('--variants', 'on-shipped,off-shipped,on-expression,off-expression').split(',');
const SENDER = 'iP1';
// by its file name: tsx would resolve the bare name to Ip1Sms.node.json (the codex file) first
const { Ip1Sms } = require('../nodes/Ip1Sms/Ip1Sms.node.ts') as typeof import('../nodes/Ip1Sms/Ip1Sms.node');

/** The credential's header as it was before it became a function: a generic expression. */
const EXPRESSION_AUTH: IAuthenticateGeneric = { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } };

/** Time spent inside the timed calls of one run. */
const inside = { helperMs: 0, authMs: 0, requests: 0 };

// the harness's stand-in for n8n's CredentialsHelper.authenticate (a function is called directly, a
// generic form resolved by the workflow's expression engine, as credentials-helper.js does)
const originalAuthenticate = HarnessCredentialsHelper.prototype.authenticate;
HarnessCredentialsHelper.prototype.authenticate = async function (this: HarnessCredentialsHelper, ...args: Parameters<typeof originalAuthenticate>) {
	const start = performance.now();
	try {
		return await originalAuthenticate.apply(this, args);
	} finally {
		inside.authMs += performance.now() - start;
	}
};

/** The iP.1 SMS node, with n8n's request helper timed for every call it makes. */
function timedNode(): INodeType {
	const inner = NodeHelpers.getVersionedNodeType(new Ip1Sms(), 2);
	return {
		description: inner.description,
		async execute(this: IExecuteFunctions) {
			const helper = this.helpers.httpRequestWithAuthentication;
			this.helpers.httpRequestWithAuthentication = async function (this: IExecuteFunctions, ...args: Parameters<typeof helper>) {
				const start = performance.now();
				inside.requests++;
				try {
					return await helper.apply(this, args);
				} finally {
					inside.helperMs += performance.now() - start;
				}
			} as typeof helper;
			const start = performance.now();
			try {
				return await inner.execute!.call(this);
			} finally {
				nodeMs = performance.now() - start;
			}
		},
	};
}
let nodeMs = 0;

function credentialType(auth: 'shipped' | 'expression'): ICredentialType {
	const type = new Ip1SmsRestApi();
	if (auth === 'expression') (type as ICredentialType).authenticate = EXPRESSION_AUTH;
	return type;
}

/** utime + stime of a process in ms (Linux /proc). */
function processCpuMs(pid: number): number {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

interface Sample {
	wallMs: number;
	nodeMs: number;
	helperMs: number;
	authMs: number;
	requests: number;
	cpuMs: number;
	simCpuMs: number;
}

const items = Array.from({ length: N }, (_, i) => ({ json: { to: `4670${1000000 + i}`, message: `Hej! Din kod är ${100000 + i}.` } }));

async function runOurs(sim: SimulatorProcess, variant: string): Promise<Sample> {
	const [readIds, auth] = variant.split('-') as ['on' | 'off', 'shipped' | 'expression'];
	await sim.reset();
	inside.helperMs = inside.authMs = inside.requests = 0;
	const simCpu = processCpuMs(sim.child.pid!);
	const cpu = process.cpuUsage();
	const start = performance.now();
	const result = await runNode({
		nodeType: timedNode(),
		typeVersion: 2,
		parameters: {
			api: 'rest',
			resource: 'sms',
			operation: 'send',
			to: '={{ $json.to }}',
			from: SENDER,
			message: '={{ $json.message }}',
			options: { parallelRequests: PARALLEL, ...(readIds === 'off' ? { readMessageIds: false } : {}) },
		},
		input: items,
		credentialTypes: [credentialType(auth)],
		credentials: { ip1SmsRestApi: { apiKey: BENCH_REST_KEY, baseUrl: sim.url } },
	});
	const wallMs = performance.now() - start;
	const used = process.cpuUsage(cpu);
	const simCpuMs = processCpuMs(sim.child.pid!) - simCpu;
	if (result.error) throw result.error;
	if (result.items.length !== N) throw new Error(`${variant}: ${result.items.length} items out, expected ${N}`);
	const withIds = result.items.filter((i) => i.json.messageId).length;
	if (readIds === 'on' && withIds !== N) throw new Error(`${variant}: ${withIds} of ${N} items have a message id`);
	return { wallMs, nodeMs, helperMs: inside.helperMs, authMs: inside.authMs, requests: inside.requests, cpuMs: (used.user + used.system) / 1000, simCpuMs };
}

/** The same requests from a bare keep-alive client, `PARALLEL` at a time: the wire and the simulator. */
async function runRaw(sim: SimulatorProcess, readBack: boolean): Promise<number> {
	await sim.reset();
	return (await runRestCalls(sim.url, BENCH_REST_KEY, restSingleCalls(SENDER, items.map((i) => i.json)), PARALLEL, readBack)).ms;
}

const per = (ms: number) => (ms / N).toFixed(3).padStart(7);

async function main() {
	await ensureN8nCore();
	const sim = await startSimulatorProcess(`${BENCH_ACCOUNT.id}:${BENCH_ACCOUNT.key}:1000000000000`);
	try {
		// warm-up: JIT, the isolate, keep-alive sockets
		for (const v of VARIANTS) await runOurs(sim, v);
		await runRaw(sim, true);
		await runRaw(sim, false);
		const samples: Record<string, Sample[]> = Object.fromEntries(VARIANTS.map((v) => [v, []]));
		const raw: Record<'on' | 'off', number[]> = { on: [], off: [] };
		for (let r = 0; r < REPEATS; r++) {
			const order = r % 2 ? [...VARIANTS].reverse() : VARIANTS;
			for (const v of order) samples[v].push(await runOurs(sim, v));
			raw.on.push(await runRaw(sim, true));
			raw.off.push(await runRaw(sim, false));
		}
		console.log(`REST single sends in-process: N = ${N}, Parallel Requests ${PARALLEL}, median of ${REPEATS} (interleaved), ms per item`);
		console.log('variant          total  n8n-core  our code  helper(auth)     wire+sim  | requests  cpu here  sim cpu');
		for (const v of VARIANTS) {
			const s = samples[v];
			const m = (k: keyof Sample) => median(s.map((x) => x[k]));
			const wire = median(raw[v.startsWith('off') ? 'off' : 'on']);
			// with requests in flight at once the helper's times overlap: the split is only exact at --parallel 1
			const helperWall = PARALLEL === 1 ? m('helperMs') : NaN;
			console.log(
				`${v.padEnd(15)} ${per(m('wallMs'))} ${per(m('wallMs') - m('nodeMs'))} ${per(m('nodeMs') - helperWall)}  ${per(helperWall - wire)}(${per(m('authMs')).trim()})  ${per(wire)}  | ${String(m('requests') / N).padStart(8)}  ${per(m('cpuMs'))}  ${per(m('simCpuMs'))}`,
			);
		}
		console.log(`raw client: ${per(median(raw.on))} ms per item with the read-back, ${per(median(raw.off))} without`);
	} finally {
		await sim.stop();
	}
}

void main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
