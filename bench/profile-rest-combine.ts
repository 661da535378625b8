/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Where the time of a REST Combine send goes (Batch → Send, Combine Input Items, {name} and {order}
// placeholders, `to` and the template values mapped with `{{ $json.… }}` as the benchmark's workflow
// does), in-process: the iP.1 SMS node in n8n-core's WorkflowExecute (test/support/n8nCore, isolated-vm
// expression engine as n8n 2.40) against the gateway simulator in its own process. A profile, not a
// test: it asserts no time. Per item it splits the execution's wall time into
//   - n8n-core outside the node (workflow, the input node, output bookkeeping),
//   - our code before the first request (reading the parameters of every item, checking numbers and
//     texts, grouping: the "prepare" loop) and our code after it (request bodies, answers, output items),
//   - n8n's request helper (time inside httpRequestWithAuthentication minus the wire),
//   - the wire + simulator (a bare keep-alive client making the same requests one after another).
// With --cpu-profile it then runs once more under the inspector's sampling profiler and splits the
// CPU samples by the innermost frame of our code (and by who owns the leaf), printing the top functions.
// Run (small N: the machine is shared):
//   node scripts/node24.js "NODE_ENV=test tsx bench/profile-rest-combine.ts [--n 10000] [--repeats 3] [--variants on,off] [--cpu-profile]"
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

import { NodeHelpers, type IExecuteFunctions, type INodeType } from 'n8n-workflow';

import { Ip1SmsRestApi } from '../credentials/Ip1SmsRestApi.credentials';
import { ensureN8nCore, runNode } from '../test/support/n8nCore';
import { BENCH_ACCOUNT, BENCH_REST_KEY } from './n8nBench';
import { restCombineCalls, runRestCalls } from './restClient';
import { recipientItems, PER_REQUEST } from './sections/combine';
import { startSimulatorProcess, type SimulatorProcess } from './simulatorProcess';
import { median } from './stats';
import { GROUP_MESSAGE, SENDER } from './workflows';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg('--n', '10000'));
const REPEATS = Number(arg('--repeats', '3'));
const VARIANTS = arg('--variants', 'on,off').split(',') as Array<'on' | 'off'>;
const CPU_PROFILE = process.argv.includes('--cpu-profile');
// by its file name: tsx would resolve the bare name to Ip1Sms.node.json (the codex file) first
const { Ip1Sms } = require('../nodes/Ip1Sms/Ip1Sms.node.ts') as typeof import('../nodes/Ip1Sms/Ip1Sms.node');

/** Times of one execution of the node. */
const inside = { nodeStart: 0, nodeEnd: 0, firstRequest: 0, helperMs: 0, requests: 0 };

/** The iP.1 SMS node, with n8n's request helper timed for every call it makes. */
function timedNode(): INodeType {
	const inner = NodeHelpers.getVersionedNodeType(new Ip1Sms(), 2);
	return {
		description: inner.description,
		async execute(this: IExecuteFunctions) {
			const helper = this.helpers.httpRequestWithAuthentication;
			this.helpers.httpRequestWithAuthentication = async function (this: IExecuteFunctions, ...args: Parameters<typeof helper>) {
				const start = performance.now();
				if (!inside.requests++) inside.firstRequest = start;
				try {
					return await helper.apply(this, args);
				} finally {
					inside.helperMs += performance.now() - start;
				}
			} as typeof helper;
			inside.nodeStart = performance.now();
			try {
				return await inner.execute!.call(this);
			} finally {
				inside.nodeEnd = performance.now();
			}
		},
	};
}

const items = recipientItems(N);

function parameters(readIds: 'on' | 'off') {
	return {
		api: 'rest',
		resource: 'batch',
		operation: 'send',
		mode: 'combine',
		to: '={{ $json.to }}',
		from: SENDER.rest,
		message: GROUP_MESSAGE,
		templateFields: { field: [{ key: 'name', value: '={{ $json.name }}' }, { key: 'order', value: '={{ $json.order }}' }] },
		options: readIds === 'off' ? { readMessageIds: false } : {},
	};
}

interface Sample {
	wallMs: number;
	nodeMs: number;
	prepareMs: number;
	helperMs: number;
	requests: number;
	cpuMs: number;
}

async function runOurs(sim: SimulatorProcess, readIds: 'on' | 'off'): Promise<Sample> {
	await sim.reset();
	Object.assign(inside, { nodeStart: 0, nodeEnd: 0, firstRequest: 0, helperMs: 0, requests: 0 });
	const cpu = process.cpuUsage();
	const start = performance.now();
	const result = await runNode({
		nodeType: timedNode(),
		typeVersion: 2,
		parameters: parameters(readIds),
		input: items.map((json) => ({ json })),
		credentialTypes: [new Ip1SmsRestApi()],
		credentials: { ip1SmsRestApi: { apiKey: BENCH_REST_KEY, baseUrl: sim.url } },
	});
	const wallMs = performance.now() - start;
	const used = process.cpuUsage(cpu);
	if (result.error) throw result.error;
	if (result.items.length !== N) throw new Error(`${readIds}: ${result.items.length} items out, expected ${N}`);
	const first = result.items[0].json;
	if (first.message !== `Hej Kund 0! Din order A-10000 är på väg.`) throw new Error(`${readIds}: first item's message ${String(first.message)}`);
	const withIds = result.items.filter((i) => i.json.messageId).length;
	if (readIds === 'on' && withIds !== N) throw new Error(`${readIds}: ${withIds} of ${N} items have a message id`);
	const accepted = await sim.accepted();
	if (accepted !== N) throw new Error(`${readIds}: the simulator accepted ${accepted}, expected ${N}`);
	return {
		wallMs,
		nodeMs: inside.nodeEnd - inside.nodeStart,
		prepareMs: inside.firstRequest - inside.nodeStart,
		helperMs: inside.helperMs,
		requests: inside.requests,
		cpuMs: (used.user + used.system) / 1000,
	};
}

const rawCalls = restCombineCalls(SENDER.rest, GROUP_MESSAGE, items, PER_REQUEST.rest);

/** The same requests from a bare keep-alive client, one at a time: the wire and the simulator. */
async function runRaw(sim: SimulatorProcess, readBack: boolean): Promise<number> {
	await sim.reset();
	return (await runRestCalls(sim.url, BENCH_REST_KEY, rawCalls, 1, readBack)).ms;
}

const per = (ms: number) => ((ms / N) * 1000).toFixed(1).padStart(7);

// ---- CPU profile: samples split by the innermost frame of our code -------------------------------

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const OURS = /\/(nodes|credentials)\/Ip1Sms[^/]*\//;
const shortUrl = (url: string) => url.replace(/^.*\/(nodes|credentials|node_modules)\//, '$1/').replace(/^file:\/\//, '');

/** Who owns a leaf frame: our code, n8n (core/workflow), the isolate, Node's http, GC, idle… */
function owner(frame: ProfileNode['callFrame']): string {
	const { url, functionName } = frame;
	if (!url) return functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)' ? functionName : `(native ${functionName || 'anonymous'})`;
	if (OURS.test(url)) return 'ours';
	if (url.includes('isolated-vm')) return 'isolated-vm';
	if (url.includes('n8n-core')) return 'n8n-core';
	if (url.includes('n8n-workflow')) return 'n8n-workflow';
	if (url.includes('axios') || url.includes('follow-redirects')) return 'axios';
	if (url.startsWith('node:')) return 'node';
	if (url.includes('/node_modules/')) return shortUrl(url).split('/').slice(0, 2).join('/');
	return shortUrl(url);
}

async function cpuProfile(run: () => Promise<unknown>): Promise<Profile> {
	const session = new Session();
	session.connect();
	const post = (method: string, params?: object) =>
		new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
	try {
		await run();
	} finally {
		var stopped = await post('Profiler.stop');
		session.disconnect();
	}
	return stopped.profile;
}

function reportProfile(profile: Profile): void {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const byOurFrame = new Map<string, number>();
	const byOwner = new Map<string, number>();
	const bySelf = new Map<string, number>();
	const byInclusive = new Map<string, number>();
	let total = 0;
	const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
	profile.samples.forEach((id, i) => {
		const dt = (profile.timeDeltas[i] ?? 0) / 1000;
		const leaf = byId.get(id)!;
		// idle, and the profiler's own session call at the end
		if (leaf.callFrame.functionName === '(idle)' || leaf.callFrame.url === 'node:inspector') return;
		total += dt;
		const leafOwner = owner(leaf.callFrame);
		add(byOwner, leafOwner, dt);
		add(bySelf, `${leaf.callFrame.functionName || '(anonymous)'} ${shortUrl(leaf.callFrame.url)}:${leaf.callFrame.lineNumber + 1}`, dt);
		let ours: ProfileNode | undefined;
		const onStack = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const n = byId.get(at)!;
			if (!OURS.test(n.callFrame.url)) continue;
			ours ??= n;
			onStack.add(`${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}`);
		}
		for (const k of onStack) add(byInclusive, k, dt);
		const key = ours ? `${ours.callFrame.functionName || '(anonymous)'} ${shortUrl(ours.callFrame.url)}` : '(no frame of ours on the stack)';
		add(byOurFrame, `${key}  [leaf: ${leafOwner}]`, dt);
	});
	const show = (title: string, m: Map<string, number>, top: number) => {
		console.log(`\n${title} (ms of CPU per 1,000 items; ${total.toFixed(0)} ms sampled, idle left out)`);
		for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((v / N) * 1000).toFixed(1).padStart(8)}  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
	};
	show('leaf owner', byOwner, 15);
	show('innermost frame of ours (and the leaf owner)', byOurFrame, 30);
	show('functions of ours, inclusive (callees counted)', byInclusive, 30);
	show('top self time', bySelf, 30);
}

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
		const loads: number[] = [];
		for (let r = 0; r < REPEATS; r++) {
			loads.push(os.loadavg()[0]);
			const order = r % 2 ? [...VARIANTS].reverse() : VARIANTS;
			for (const v of order) samples[v].push(await runOurs(sim, v));
			raw.on.push(await runRaw(sim, true));
			raw.off.push(await runRaw(sim, false));
		}
		console.log(`REST Combine send in-process: N = ${N}, K = ${PER_REQUEST.rest}, median of ${REPEATS} (interleaved), µs per item; load average (1 min) ${loads.map((l) => l.toFixed(1)).join(', ')}`);
		console.log('variant      total  n8n-core  ours:prepare  ours:after  helper  wire+sim | ratio total/wire (min–max) | requests  cpu here');
		for (const v of VARIANTS) {
			const s = samples[v];
			const m = (k: keyof Sample) => median(s.map((x) => x[k]));
			const wire = median(raw[v]);
			const ratios = s.map((x, i) => x.wallMs / raw[v][i]);
			const afterMs = m('nodeMs') - m('prepareMs') - m('helperMs');
			console.log(
				`${v.padEnd(10)} ${per(m('wallMs'))} ${per(m('wallMs') - m('nodeMs'))}  ${per(m('prepareMs'))}       ${per(afterMs)}  ${per(m('helperMs') - wire)} ${per(wire)}  | ${(m('wallMs') / wire).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})        | ${String(m('requests')).padStart(8)}  ${per(m('cpuMs'))}`,
			);
			console.log(`           total ms: ${s.map((x) => x.wallMs.toFixed(0)).join(', ')}; raw ms: ${raw[v].map((x) => x.toFixed(0)).join(', ')}`);
		}
		if (CPU_PROFILE) {
			for (const v of VARIANTS) {
				console.log(`\n=== CPU profile, Read Message IDs ${v} ===`);
				reportProfile(await cpuProfile(() => runOurs(sim, v)));
			}
		}
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
