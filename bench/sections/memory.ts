/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Peak resident memory of n8n (VmHWM of its main process, reset before each sample) running the iP.1 node
// against a baseline workflow that ends in a No Operation node instead: 10,000 personalised recipients (REST,
// Combine), 1,000 MMS of a 290 kB image (SOAP; bench/memory.ts's local MMS end), and 100,000 personalised
// recipients from one execution (REST, Combine; also the seconds and the requests). Each side has its own
// n8n that runs only its side's workflows, in the same order, so that the heap each run leaves behind for
// the next is alike on both sides; samples alternate between the two processes.
import { check, mb, ms, publishAndWarm, webhookPath, type BenchContext } from '../context';
import { measurePeak, type startMmsEnds } from '../memory';
import { loadWorkflow, nodeNamed, type BenchN8n } from '../n8nBench';
import { countRow, ratioRow, shownRow } from '../report';
import { interleave, spread } from '../stats';
import { CREDENTIALS, MEASURED, noopItems, oursCombine } from '../workflows';
import { PER_REQUEST, recipientItems } from './combine';

export type MmsEnds = Awaited<ReturnType<typeof startMmsEnds>>;

/** `n8n`: one instance per side, started with `BenchN8n.start(…, { mmsUrl: ends.url })`. */
export async function benchMemory(ctx: BenchContext, n8n: Record<'ours' | 'base', BenchN8n>, ends: MmsEnds, counts: { tenK: number; hundredK: number; mms: number }): Promise<void> {
	const { sim, log } = ctx;
	{
		const mms = (side: 'ours' | 'base') => {
			const wf = loadWorkflow(side === 'ours' ? 'mms-1k.json' : 'mms-baseline-1k.json');
			nodeNamed(wf, 'Download Image').parameters.url = `=${ends.url}/image/{{ $json.n }}.jpg`;
			if (side === 'ours') nodeNamed(wf, MEASURED.ours).credentials = { ip1SmsApi: { id: CREDENTIALS.mms.id, name: CREDENTIALS.mms.name } };
			return wf;
		};
		const workloads = {
			tenK: { items: recipientItems(counts.tenK), wf: { ours: oursCombine('rest'), base: noopItems('10k') }, last: { ours: MEASURED.ours, base: MEASURED.noop } },
			hundredK: { items: recipientItems(counts.hundredK, 3), wf: { ours: oursCombine('rest', '100k'), base: noopItems('100k') }, last: { ours: MEASURED.ours, base: MEASURED.noop } },
			mms: { items: Array.from({ length: counts.mms }, (_, n) => ({ n, to: `4670${3000000 + n}` })), wf: { ours: mms('ours'), base: mms('base') }, last: { ours: MEASURED.ours, base: MEASURED.noop } },
		};
		for (const w of Object.values(workloads)) {
			await Promise.all((['ours', 'base'] as const).map((side) => publishAndWarm(n8n[side], w.wf[side], w.items.slice(0, 20))));
		}
		const peaks: Record<string, Record<'ours' | 'base', number[]>> = {};
		const times: Record<string, Record<'ours' | 'base', number[]>> = {};
		let hundredKRequests: Record<string, number> | undefined;
		for (const [name, w] of Object.entries(workloads)) {
			const run = (side: 'ours' | 'base') => async () => {
				await sim.reset();
				const mmsBefore = ends.mmsRequests();
				const peak = await measurePeak(n8n[side], async () => check(await n8n[side].run(w.wf[side].id, webhookPath(w.wf[side]), w.items), w.last[side], w.items.length));
				if (name === 'mms' && ends.mmsRequests() - mmsBefore !== (side === 'ours' ? w.items.length : 0)) throw new Error(`mms ${side}: ${ends.mmsRequests() - mmsBefore} MMS requests`);
				if (name === 'hundredK' && side === 'ours' && !hundredKRequests) hundredKRequests = await sim.restCalls();
				((times[name] ??= { ours: [], base: [] })[side]).push(peak.figures.ms);
				return peak.hwm;
			};
			peaks[name] = await interleave(ctx.samples, { ours: run('ours'), base: run('base') }, (side, value) => log(`memory ${name}: ${side} VmHWM ${mb(value)}, execution ${ms(times[name][side].at(-1)!)}`));
		}
		ctx.raw.memory = { peaks, times, hundredKRequests };
		const mbValues = (v: number[]) => v.map((x) => x / 1024 / 1024);
		const memRow = (name: string, measure: string, detail: string) =>
			ratioRow({ measure, a: mbValues(peaks[name].ours), b: mbValues(peaks[name].base), unit: ' MB', goal: { op: '≤', value: 1.3 }, detail });
		const requests = Object.values(hundredKRequests ?? {}).reduce((a, b) => a + b, 0);
		const sends = hundredKRequests?.['POST /v2/batches'] ?? 0;
		const limit = Math.ceil(counts.hundredK / PER_REQUEST.rest);
		const k = (n: number) => n.toLocaleString('en');
		ctx.rows.push(
			memRow('tenK', `peak memory, ${k(counts.tenK)} personalised recipients REST: iP.1 node / baseline`, `VmHWM of n8n's main process; execution ${ms(spread(times.tenK.ours).median)} / ${ms(spread(times.tenK.base).median)}`),
			memRow('mms', `peak memory, ${k(counts.mms)} MMS of a 290 kB image: iP.1 node / baseline`, `baseline: the same downloads into a No Operation node; execution ${ms(spread(times.mms.ours).median)} / ${ms(spread(times.mms.base).median)}`),
			shownRow(`**${k(counts.hundredK)} personalised recipients from one execution (REST, Combine): seconds**`, times.hundredK.ours.map((t) => t / 1000), ' s', `execution time of the whole workflow (webhook in, split, iP.1 node); baseline workflow ${(spread(times.hundredK.base).median / 1000).toFixed(1)} s`, 1),
			countRow(`${k(counts.hundredK)} personalised recipients: requests`, requests, `≤ ${limit} (K = ${PER_REQUEST.rest})`, requests <= limit, `${sends} sends + ${requests - sends} read-backs of the message ids`),
			memRow('hundredK', `${k(counts.hundredK)} personalised recipients: peak memory, iP.1 node / baseline`, 'VmHWM of n8n\'s main process'),
		);
	}
}
