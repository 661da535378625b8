/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// 1,000 incoming SMS per variant (5 samples of 200 at a complete run), 50 in flight, REST (POST of the message
// document) and SOAP (GET with incsmsid, sender, text, to): the iP.1 SMS Trigger version 2 against the floor
// trigger (bench/floor: a community trigger on the same answer path that returns the request at once), and
// n8n's core Webhook node (POST, respond immediately) on an n8n with and one without
// N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true. Rate = callbacks / (first request → every execution recorded as
// finished); lost = answered 200 − executions recorded.
import http from 'node:http';

import { type BenchContext } from '../context';
import type { BenchN8n } from '../n8nBench';
import { countRow, ratioRow } from '../report';
import { interleave, percentile, spread } from '../stats';
import { triggerWorkflow, type Api, type TriggerSide } from '../workflows';

export const CONCURRENCY = 50;

let nextId = 0;

function callback(api: Api, url: string, agent: http.Agent): Promise<boolean> {
	const n = nextId++;
	const id = `bench-${process.pid}-${n}`;
	const sender = `4670${1000000 + (n % 1000000)}`;
	return new Promise((resolve) => {
		const done = (res: http.IncomingMessage) => {
			let body = '';
			res.setEncoding('utf8').on('data', (c: string) => (body += c));
			res.on('end', () => resolve(res.statusCode === 200 && (api === 'rest' || body === 'OK')));
		};
		if (api === 'soap') {
			const query = new URLSearchParams({ incsmsid: id, sender, text: `Hej! Meddelande nummer ${n}`, to: '46700000000' });
			http.get(`${url}?${query}`, { agent }, done).on('error', () => resolve(false));
			return;
		}
		const body = JSON.stringify({ id, batchId: `b-${id}`, direction: 'mo', sender, recipient: '46700000000', body: `Svar ${n}: ja tack åäö`, segments: 1, created: new Date().toISOString() });
		http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, done).on('error', () => resolve(false)).end(body);
	});
}

interface Variant {
	key: string;
	label: string;
	n8n: BenchN8n;
	side: TriggerSide;
	api: Api;
}

interface Sample {
	perSecond: number;
	answered: number;
	failed: number;
	recorded: number;
	p50: number;
	p99: number;
}

async function sample(v: Variant & { url: string; workflowId: string }, count: number): Promise<Sample> {
	const before = await v.n8n.executionCount(v.workflowId);
	const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
	const latencies: number[] = [];
	let answered = 0;
	let issued = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (issued < count) {
				issued++;
				const t = performance.now();
				if (await callback(v.api, v.url, agent)) answered++;
				latencies.push(performance.now() - t);
			}
		}),
	);
	agent.destroy();
	let recorded = 0;
	const deadline = Date.now() + 120_000;
	while ((recorded = (await v.n8n.executionCount(v.workflowId, 'success')) - before) < answered && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const elapsed = performance.now() - t0;
	latencies.sort((a, b) => a - b);
	return { perSecond: (recorded / elapsed) * 1000, answered, failed: count - answered, recorded, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export async function benchTrigger(ctx: BenchContext, n8n: BenchN8n, lazy: BenchN8n, CALLBACKS: number): Promise<void> {
	const variants: Variant[] = [
		{ key: 'oursRest', label: 'iP.1 SMS Trigger, REST', n8n, side: 'ours', api: 'rest' },
		{ key: 'floorRest', label: 'floor trigger, REST', n8n, side: 'floor', api: 'rest' },
		{ key: 'oursSoap', label: 'iP.1 SMS Trigger, SOAP', n8n, side: 'ours', api: 'soap' },
		{ key: 'floorSoap', label: 'floor trigger, SOAP', n8n, side: 'floor', api: 'soap' },
		{ key: 'core', label: 'core Webhook node (POST)', n8n, side: 'core', api: 'rest' },
		{ key: 'coreLazy', label: 'core Webhook node (POST), lazy acquire', n8n: lazy, side: 'core', api: 'rest' },
		{ key: 'oursRestLazy', label: 'iP.1 SMS Trigger, REST, lazy acquire', n8n: lazy, side: 'ours', api: 'rest' },
	];
	const ready: Array<Variant & { url: string; workflowId: string }> = [];
	for (const v of variants) {
		const { workflow, path } = triggerWorkflow(v.side, v.api);
		await v.n8n.publish(workflow);
		ready.push({ ...v, url: v.n8n.n8n.webhookUrl(path), workflowId: workflow.id });
	}
	ctx.log('trigger: warm-up');
	for (const v of ready) {
		const s = await sample(v, 50);
		if (s.answered !== 50) throw new Error(`trigger ${v.label}: ${s.failed} of 50 warm-up callbacks not answered OK`);
	}
	const perSample = Math.ceil(CALLBACKS / ctx.samples);
	const samples: Record<string, Sample[]> = {};
	const rates = await interleave(
		ctx.samples,
		Object.fromEntries(ready.map((v) => [v.key, async () => {
			const s = await sample(v, perSample);
			(samples[v.key] ??= []).push(s);
			return s.perSecond;
		}])) as Record<string, () => Promise<number>>,
		(key, value) => ctx.log(`trigger: ${key} ${value.toFixed(1)}/s`),
	);
	ctx.raw.trigger = samples;
	const sum = (key: string, f: keyof Sample) => samples[key].reduce((n, s) => n + s[f], 0);
	const lost = (key: string) => sum(key, 'answered') - sum(key, 'recorded');
	const latency = (key: string) => `answer p50 ${spread(samples[key].map((s) => s.p50)).median.toFixed(0)} ms, p99 ${spread(samples[key].map((s) => s.p99)).median.toFixed(0)} ms`;
	const total = perSample * ctx.samples;
	for (const api of ['rest', 'soap'] as const) {
		const [o, f] = api === 'rest' ? ['oursRest', 'floorRest'] : ['oursSoap', 'floorSoap'];
		const label = api === 'rest' ? 'REST' : 'SOAP';
		ctx.rows.push(
			ratioRow({ measure: `${total.toLocaleString('en')} incoming SMS ${label}, ${CONCURRENCY} in flight: iP.1 SMS Trigger / floor trigger (callbacks/s until recorded)`, a: rates[o], b: rates[f], unit: '/s', digits: 1, goal: { op: '≥', value: 0.9 }, detail: `${latency(o)} vs ${latency(f)}` }),
			countRow(`incoming SMS ${label}: lost (answered OK − executions recorded), iP.1 / floor`, `${lost(o)} / ${lost(f)}`, '0', lost(o) === 0, `${sum(o, 'answered')} answered OK of ${total}, ${sum(o, 'failed')} not`),
		);
	}
	ctx.rows.push(
		ratioRow({ measure: `${total.toLocaleString('en')} incoming REST webhooks: core Webhook node, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true / not set`, a: rates.coreLazy, b: rates.core, unit: '/s', digits: 1, detail: `${latency('coreLazy')} vs ${latency('core')}` }),
		ratioRow({ measure: 'same: iP.1 SMS Trigger REST / core Webhook node, both without the setting', a: rates.oursRest, b: rates.core, unit: '/s', digits: 1 }),
		ratioRow({ measure: `${total.toLocaleString('en')} incoming REST webhooks: iP.1 SMS Trigger, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true / not set`, a: rates.oursRestLazy, b: rates.oursRest, unit: '/s', digits: 1, detail: `${latency('oursRestLazy')} vs ${latency('oursRest')}` }),
		ratioRow({ measure: 'same: iP.1 SMS Trigger REST / core Webhook node, both with the setting', a: rates.oursRestLazy, b: rates.coreLazy, unit: '/s', digits: 1 }),
	);
}
