/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// 1,000 single sends (SMS → Send, one recipient per item), REST and SOAP: the iP.1 SMS node at its
// defaults, the floor node (bench/floor: the same requests through httpRequestWithAuthentication, nothing
// else), n8n's HTTP Request node at its defaults posting the same JSON or envelope (one request per item:
// it reads no message ids back), and the raw keep-alive client making the node's requests.
import { check, ms, publishAndWarm, webhookPath, type BenchContext } from '../context';
import { BENCH_ACCOUNT, BENCH_REST_KEY, type BenchN8n } from '../n8nBench';
import { runRawCalls, smsCalls } from '../rawSoapClient';
import { ratioRow } from '../report';
import { restSingleCalls, runRestCalls } from '../restClient';
import { fmt, interleave, spread } from '../stats';
import { floorSends, httpSends, MEASURED, oursSends, SENDER, type Api } from '../workflows';

export async function benchSends(ctx: BenchContext, n8n: BenchN8n, api: Api, SENDS: number): Promise<void> {
	const items = Array.from({ length: SENDS }, (_, i) => ({ to: `4670${1000000 + i}`, message: `Hej! Din kod är ${100000 + i}.` }));
	const { sim, log } = ctx;
	const label = api === 'rest' ? 'REST' : 'SOAP';
	// REST only: the floor without the read-back of the message ids shows what that second request costs
	const wf: Partial<Record<keyof typeof MEASURED, any>> & Record<'ours' | 'floor' | 'http', any> = { ours: oursSends(api), floor: floorSends(api), http: httpSends(api, sim.url), ...(api === 'rest' ? { floorNoReadBack: floorSends(api, false) } : {}) };
	log(`sends ${label}: publishing and warming up`);
	for (const w of Object.values(wf)) await publishAndWarm(n8n, w, items.slice(0, 100));

	// requests each variant makes for 1,000 sends (one extra sample, not timed)
	const requests: Record<string, number> = {};
	for (const [key, w] of Object.entries(wf)) {
		await sim.reset();
		check(await n8n.run(w.id, webhookPath(w), items), MEASURED[key as keyof typeof MEASURED], SENDS);
		requests[key] = api === 'rest' ? Object.values(await sim.restCalls()).reduce((a, b) => a + b, 0) : Object.values(await sim.calls()).reduce((a, b) => a + b, 0);
		if ((await sim.accepted()) !== SENDS) throw new Error(`${key}: the simulator accepted ${await sim.accepted()} messages, expected ${SENDS}`);
	}

	const account = { baseUrl: sim.url, accountId: BENCH_ACCOUNT.id, apiKey: BENCH_ACCOUNT.key };
	const rawCalls = api === 'rest' ? restSingleCalls(SENDER.rest, items) : smsCalls(account, items, SENDER.soap);
	const execution = (key: keyof typeof MEASURED) => async () => {
		await sim.reset();
		return check(await n8n.run(wf[key].id, webhookPath(wf[key]), items), MEASURED[key], SENDS).ms;
	};
	const t = await interleave(
		ctx.samples,
		{
			ours: execution('ours'),
			floor: execution('floor'),
			http: execution('http'),
			raw: async () => {
				await sim.reset();
				return api === 'rest' ? (await runRestCalls(sim.url, BENCH_REST_KEY, rawCalls as ReturnType<typeof restSingleCalls>, 10)).ms : (await runRawCalls(account, rawCalls as ReturnType<typeof smsCalls>, 10)).ms;
			},
			...(api === 'rest' ? { floorNoReadBack: execution('floorNoReadBack') } : {}),
		} as Record<'ours' | 'floor' | 'http' | 'raw' | 'floorNoReadBack', () => Promise<number>>,
		(key, value) => log(`sends ${label}: ${key} ${ms(value)}`),
	);
	ctx.raw[`sends${label}`] = { ms: t, requests };
	const req = `requests: ours ${requests.ours}, floor ${requests.floor}, HTTP Request ${requests.http}`;
	ctx.rows.push(
		ratioRow({ measure: `${SENDS.toLocaleString('en')} sends ${label}: iP.1 node / floor node (execution time, 10 in flight)`, a: t.ours, b: t.floor, goal: { op: '≤', value: 1.15 }, detail: req }),
		ratioRow({ measure: `${SENDS.toLocaleString('en')} sends ${label}: HTTP Request node, default / iP.1 node, default`, a: t.http, b: t.ours, goal: { op: '≥', value: 2 }, detail: api === 'rest' ? 'the HTTP Request node makes one request per send (no message id read back)' : undefined }),
		ratioRow({ measure: `${SENDS.toLocaleString('en')} sends ${label}: iP.1 node / raw keep-alive client (same requests, 10 in flight)`, a: t.ours, b: t.raw }),
	);
	if (api === 'rest') {
		ctx.rows.push(ratioRow({ measure: `${SENDS.toLocaleString('en')} sends REST: floor node with / without the read-back of the message ids (what the second request per send costs)`, a: t.floor, b: t.floorNoReadBack, detail: `requests: ${requests.floor} / ${requests.floorNoReadBack}` }));
	}
	ctx.details.push(`- ${SENDS.toLocaleString('en')} sends ${label}, execution time: ${(Object.keys(t) as Array<keyof typeof t>).map((k) => `${k} ${fmt(spread(t[k]), ' ms')}`).join(', ')}; ${req}, raw client ${api === 'rest' ? 2 * SENDS : SENDS}`);
}

