/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// 1,000 single sends (SMS → Send, one recipient per item), REST and SOAP: the iP.1 SMS node at its
// defaults (REST also with Read Message IDs off: one request per send instead of two), the floor node
// (bench/floor: the same requests through httpRequestWithAuthentication, nothing else), n8n's HTTP Request
// node at its defaults posting the same JSON or envelope (one request per item: it reads no message ids
// back; REST also followed by a second HTTP Request node reading them, the same two requests as ours),
// and the raw keep-alive client making the node's requests.
import { check, ms, publishAndWarm, webhookPath, type BenchContext } from '../context';
import { BENCH_ACCOUNT, BENCH_REST_KEY, type BenchN8n } from '../n8nBench';
import { runRawCalls, smsCalls } from '../rawSoapClient';
import { ratioRow } from '../report';
import { restSingleCalls, runRestCalls } from '../restClient';
import { fmt, interleave, spread } from '../stats';
import { floorSends, httpSends, httpSendsAndRead, MEASURED, oursSends, SENDER, type Api } from '../workflows';

export async function benchSends(ctx: BenchContext, n8n: BenchN8n, api: Api, SENDS: number): Promise<void> {
	const items = Array.from({ length: SENDS }, (_, i) => ({ to: `4670${1000000 + i}`, message: `Hej! Din kod är ${100000 + i}.` }));
	const { sim, log } = ctx;
	const label = api === 'rest' ? 'REST' : 'SOAP';
	// REST only: ours with Read Message IDs off, and the floor without the read-back of the message ids (what that second request costs)
	const rest = api === 'rest';
	const wf: Partial<Record<keyof typeof MEASURED, any>> & Record<'ours' | 'floor' | 'http', any> = { ours: oursSends(api), floor: floorSends(api), http: httpSends(api, sim.url), ...(rest ? { oursNoIds: oursSends(api, false), floorNoReadBack: floorSends(api, false), httpRead: httpSendsAndRead(sim.url) } : {}) };
	log(`sends ${label}: publishing and warming up`);
	for (const w of Object.values(wf)) await publishAndWarm(n8n, w, items.slice(0, 100));

	// requests each variant makes for 1,000 sends (one extra sample, not timed)
	const requests: Record<string, number> = {};
	for (const [key, w] of Object.entries(wf)) {
		await sim.reset();
		check(await n8n.run(w.id, webhookPath(w), items), MEASURED[key as keyof typeof MEASURED], SENDS);
		requests[key] = rest ? Object.values(await sim.restCalls()).reduce((a, b) => a + b, 0) : Object.values(await sim.calls()).reduce((a, b) => a + b, 0);
		if ((await sim.accepted()) !== SENDS) throw new Error(`${key}: the simulator accepted ${await sim.accepted()} messages, expected ${SENDS}`);
	}

	const account = { baseUrl: sim.url, accountId: BENCH_ACCOUNT.id, apiKey: BENCH_ACCOUNT.key };
	const rawCalls = rest ? restSingleCalls(SENDER.rest, items) : smsCalls(account, items, SENDER.soap);
	const rawRest = (readBack: boolean) => async () => {
		await sim.reset();
		return (await runRestCalls(sim.url, BENCH_REST_KEY, rawCalls as ReturnType<typeof restSingleCalls>, 10, readBack)).ms;
	};
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
			raw: rest
				? rawRest(true)
				: async () => {
						await sim.reset();
						return (await runRawCalls(account, rawCalls as ReturnType<typeof smsCalls>, 10)).ms;
					},
			...(rest ? { oursNoIds: execution('oursNoIds'), floorNoReadBack: execution('floorNoReadBack'), rawNoReadBack: rawRest(false), httpRead: execution('httpRead') } : {}),
		} as Record<'ours' | 'floor' | 'http' | 'raw' | 'oursNoIds' | 'floorNoReadBack' | 'rawNoReadBack' | 'httpRead', () => Promise<number>>,
		(key, value) => log(`sends ${label}: ${key} ${ms(value)}`),
	);
	ctx.raw[`sends${label}`] = { ms: t, requests };
	const req = rest
		? `requests: ours (default) ${requests.ours}, ours (Read Message IDs off) ${requests.oursNoIds}, floor ${requests.floor} / without read-back ${requests.floorNoReadBack}, HTTP Request ${requests.http}, HTTP Request with the read ${requests.httpRead}`
		: `requests: ours ${requests.ours}, floor ${requests.floor}, HTTP Request ${requests.http}`;
	const n = SENDS.toLocaleString('en');
	const ours = rest ? 'iP.1 node (default: Read Message IDs on)' : 'iP.1 node';
	const noIds = 'iP.1 node, Read Message IDs off';
	ctx.rows.push(ratioRow({ measure: `${n} sends ${label}: ${ours} / floor node (execution time, 10 in flight)`, a: t.ours, b: t.floor, goal: { op: '≤', value: 1.15 }, detail: req }));
	if (rest) ctx.rows.push(ratioRow({ measure: `${n} sends REST: ${noIds} / floor node without the read-back (10 in flight)`, a: t.oursNoIds, b: t.floorNoReadBack, goal: { op: '≤', value: 1.15 }, detail: `requests: ${requests.oursNoIds} / ${requests.floorNoReadBack}` }));
	ctx.rows.push(ratioRow({ measure: `${n} sends ${label}: HTTP Request node, default / ${rest ? ours : 'iP.1 node, default'}`, a: t.http, b: t.ours, goal: { op: '≥', value: 2 }, detail: rest ? `requests: ${requests.http} / ${requests.ours} (the HTTP Request node reads no message id back)` : undefined }));
	if (rest) ctx.rows.push(ratioRow({ measure: `${n} sends REST: HTTP Request node doing the same two requests as ours (send + read the message ids) / ${ours}`, a: t.httpRead, b: t.ours, goal: { op: '≥', value: 2 }, detail: `requests: ${requests.httpRead} / ${requests.ours} (two HTTP Request nodes at their defaults: POST, then GET …/messages)` }));
	// the ceiling of the row above: the floor node makes the same 2,000 requests through n8n's helper and does nothing else
	if (rest) ctx.rows.push(ratioRow({ measure: `${n} sends REST: HTTP Request node doing the same two requests / floor node with the read-back (the most any node on n8n's request helper can show in the row above)`, a: t.httpRead, b: t.floor, detail: `requests: ${requests.httpRead} / ${requests.floor}` }));
	if (rest) ctx.rows.push(ratioRow({ measure: `${n} sends REST: HTTP Request node, default / ${noIds}`, a: t.http, b: t.oursNoIds, goal: { op: '≥', value: 2 }, detail: `requests: ${requests.http} / ${requests.oursNoIds} (one per send on both sides)` }));
	ctx.rows.push(ratioRow({ measure: `${n} sends ${label}: ${ours} / raw keep-alive client (same requests, 10 in flight)`, a: t.ours, b: t.raw }));
	if (rest) {
		ctx.rows.push(
			ratioRow({ measure: `${n} sends REST: ${noIds} / raw keep-alive client without the read-back (same requests, 10 in flight)`, a: t.oursNoIds, b: t.rawNoReadBack }),
			ratioRow({ measure: `${n} sends REST: iP.1 node, Read Message IDs on / off (what the read of the message ids costs)`, a: t.ours, b: t.oursNoIds, detail: `requests: ${requests.ours} / ${requests.oursNoIds}` }),
			ratioRow({ measure: `${n} sends REST: floor node with / without the read-back of the message ids (what the second request per send costs)`, a: t.floor, b: t.floorNoReadBack, detail: `requests: ${requests.floor} / ${requests.floorNoReadBack}` }),
		);
	}
	ctx.details.push(`- ${n} sends ${label}, execution time: ${(Object.keys(t) as Array<keyof typeof t>).map((k) => `${k} ${fmt(spread(t[k]), ' ms')}`).join(', ')}; ${req}, raw client ${rest ? `${2 * SENDS} (without read-back ${SENDS})` : SENDS}`);
}

