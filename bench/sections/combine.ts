/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// 10,000 personalised recipients via Combine Input Items ({name}, {order}), REST (Batch → Send, K = 1,000
// recipients per request; at the default Read Message IDs on and with it off) and SOAP (Group SMS → Send,
// K = 500): requests counted by the simulator, and the execution time against the raw keep-alive client
// making the same requests one after another, as the node does.
import { check, ms, publishAndWarm, webhookPath, type BenchContext } from '../context';
import { BENCH_ACCOUNT, BENCH_REST_KEY, type BenchN8n } from '../n8nBench';
import { runRawCalls, templatedBundleCalls } from '../rawSoapClient';
import { countRow, ratioRow } from '../report';
import { restCombineCalls, runRestCalls } from '../restClient';
import { interleave } from '../stats';
import { GROUP_MESSAGE, MEASURED, oursCombine, SENDER, type Api } from '../workflows';

export const PER_REQUEST: Record<Api, number> = { rest: 1000, soap: 500 };

/**
 * `count` recipients whose numbers all end in 1: the simulator gives numbers ending in 2020, 4050 and
 * 5050 a scripted fate (expired, rejected, failed), which would end a run with an error item.
 */
export const recipientItems = (count: number, series = 2) =>
	Array.from({ length: count }, (_, i) => ({ to: `467${series}${String(i).padStart(6, '0')}1`, name: `Kund ${i}`, order: `A-${10000 + i}` }));

type Variant = 'ours' | 'oursNoIds';

export async function benchCombine(ctx: BenchContext, n8n: BenchN8n, api: Api, RECIPIENTS: number): Promise<void> {
	const { sim, log } = ctx;
	const rest = api === 'rest';
	const label = rest ? 'REST' : 'SOAP';
	const items = recipientItems(RECIPIENTS);
	// REST: at the default Read Message IDs (a send and a read per K) and with it off (a send per K)
	const wf: Partial<Record<Variant, any>> & { ours: any } = { ours: oursCombine(api), ...(rest ? { oursNoIds: oursCombine(api, '', false) } : {}) };
	const variants = Object.keys(wf) as Variant[];
	log(`combine ${label}: publishing and warming up`);
	for (const w of Object.values(wf)) await publishAndWarm(n8n, w, items.slice(0, 100));

	const calls = {} as Record<Variant, Record<string, number>>;
	for (const v of variants) {
		await sim.reset();
		check(await n8n.run(wf[v].id, webhookPath(wf[v]), items), MEASURED[v], RECIPIENTS);
		calls[v] = rest ? await sim.restCalls() : await sim.calls();
		const accepted = await sim.accepted();
		if (accepted !== RECIPIENTS) throw new Error(`combine ${label} ${v}: the simulator accepted ${accepted} messages, expected ${RECIPIENTS}`);
	}

	const account = { baseUrl: sim.url, accountId: BENCH_ACCOUNT.id, apiKey: BENCH_ACCOUNT.key };
	const restCalls = restCombineCalls(SENDER.rest, GROUP_MESSAGE, items, PER_REQUEST.rest);
	const soapCalls = templatedBundleCalls(account, items.map((r) => ({ to: r.to, fields: [['{name}', r.name], ['{order}', r.order]] as Array<[string, string]> })), SENDER.soap, GROUP_MESSAGE, PER_REQUEST.soap);
	const rawRequests = { raw: 0, rawNoReadBack: 0 };
	const execution = (v: Variant) => async () => {
		await sim.reset();
		return check(await n8n.run(wf[v].id, webhookPath(wf[v]), items), MEASURED[v], RECIPIENTS).ms;
	};
	const raw = (key: keyof typeof rawRequests, readBack: boolean) => async () => {
		await sim.reset();
		const r = rest ? await runRestCalls(sim.url, BENCH_REST_KEY, restCalls, 1, readBack) : { ...(await runRawCalls(account, soapCalls, 1)), requests: soapCalls.length };
		rawRequests[key] = r.requests;
		return r.ms;
	};
	const t = await interleave(
		ctx.samples,
		{ ours: execution('ours'), raw: raw('raw', true), ...(rest ? { oursNoIds: execution('oursNoIds'), rawNoReadBack: raw('rawNoReadBack', false) } : {}) } as Record<Variant | keyof typeof rawRequests, () => Promise<number>>,
		(key, value) => log(`combine ${label}: ${key} ${ms(value)}`),
	);
	ctx.raw[`combine${label}`] = { ms: t, calls, rawRequests };
	const limit = Math.ceil(RECIPIENTS / PER_REQUEST[api]);
	const n = RECIPIENTS.toLocaleString('en');
	const countRowOf = (v: Variant, what: string) => {
		const requests = Object.values(calls[v]).reduce((a, b) => a + b, 0);
		const sends = rest ? (calls[v]['POST /v2/batches'] ?? 0) : requests;
		const detail = rest ? `${sends} sends + ${requests - sends} reads of the message ids (${Object.entries(calls[v]).map(([k, c]) => `${k}: ${c}`).join(', ')})` : undefined;
		// the goal counts send requests (ceil(N / K)); the reads of the message ids, which issue 11 asks for by
		// default, are shown beside them and go away with Read Message IDs off
		return countRow(`${n} personalised recipients ${label} (Combine Input Items${what}): requests`, rest ? `${requests} (${sends} sends)` : requests, `sends ≤ ${limit} (K = ${PER_REQUEST[api]})`, sends <= limit, detail);
	};
	ctx.rows.push(countRowOf('ours', rest ? ', default: Read Message IDs on' : ''));
	if (rest) ctx.rows.push(countRowOf('oursNoIds', ', Read Message IDs off'));
	ctx.rows.push(ratioRow({ measure: `${n} personalised recipients ${label}: iP.1 node${rest ? ', default' : ''} / raw client (same ${rawRequests.raw} requests, one at a time)`, a: t.ours, b: t.raw, goal: { op: '≤', value: 1.5 } }));
	if (rest) {
		ctx.rows.push(ratioRow({ measure: `${n} personalised recipients REST: iP.1 node, Read Message IDs off / raw client (same ${rawRequests.rawNoReadBack} requests, one at a time)`, a: t.oursNoIds, b: t.rawNoReadBack, goal: { op: '≤', value: 1.5 } }));
	}
}
