/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// 10,000 personalised recipients via Combine Input Items ({name}, {order}), REST (Batch → Send, K = 1,000
// recipients per request) and SOAP (Group SMS → Send, K = 500): requests counted by the simulator, and the
// execution time against the raw keep-alive client making the same requests one after another, as the node does.
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

export async function benchCombine(ctx: BenchContext, n8n: BenchN8n, api: Api, RECIPIENTS: number): Promise<void> {
	const { sim, log } = ctx;
	const label = api === 'rest' ? 'REST' : 'SOAP';
	const items = recipientItems(RECIPIENTS);
	const wf = oursCombine(api);
	log(`combine ${label}: publishing and warming up`);
	await publishAndWarm(n8n, wf, items.slice(0, 100));

	await sim.reset();
	check(await n8n.run(wf.id, webhookPath(wf), items), MEASURED.ours, RECIPIENTS);
	const calls = api === 'rest' ? await sim.restCalls() : await sim.calls();
	const requests = Object.values(calls).reduce((a, b) => a + b, 0);
	const sends = api === 'rest' ? (calls['POST /v2/batches'] ?? 0) : requests;
	const accepted = await sim.accepted();
	if (accepted !== RECIPIENTS) throw new Error(`combine ${label}: the simulator accepted ${accepted} messages, expected ${RECIPIENTS}`);

	const account = { baseUrl: sim.url, accountId: BENCH_ACCOUNT.id, apiKey: BENCH_ACCOUNT.key };
	const restCalls = restCombineCalls(SENDER.rest, GROUP_MESSAGE, items, PER_REQUEST.rest);
	const soapCalls = templatedBundleCalls(account, items.map((r) => ({ to: r.to, fields: [['{name}', r.name], ['{order}', r.order]] as Array<[string, string]> })), SENDER.soap, GROUP_MESSAGE, PER_REQUEST.soap);
	let rawRequests = 0;
	const t = await interleave(
		ctx.samples,
		{
			ours: async () => {
				await sim.reset();
				return check(await n8n.run(wf.id, webhookPath(wf), items), MEASURED.ours, RECIPIENTS).ms;
			},
			raw: async () => {
				await sim.reset();
				const r = api === 'rest' ? await runRestCalls(sim.url, BENCH_REST_KEY, restCalls, 1) : { ...(await runRawCalls(account, soapCalls, 1)), requests: soapCalls.length };
				rawRequests = r.requests;
				return r.ms;
			},
		},
		(key, value) => log(`combine ${label}: ${key} ${ms(value)}`),
	);
	ctx.raw[`combine${label}`] = { ms: t, calls, rawRequests };
	const limit = Math.ceil(RECIPIENTS / PER_REQUEST[api]);
	ctx.rows.push(
		countRow(
			`${RECIPIENTS.toLocaleString('en')} personalised recipients ${label} (Combine Input Items): requests`,
			requests,
			`≤ ${limit} (K = ${PER_REQUEST[api]})`,
			requests <= limit,
			api === 'rest' ? `${sends} sends + ${requests - sends} read-backs of the message ids (${Object.entries(calls).map(([k, v]) => `${k}: ${v}`).join(', ')})` : undefined,
		),
		ratioRow({ measure: `${RECIPIENTS.toLocaleString('en')} personalised recipients ${label}: iP.1 node / raw client (same ${rawRequests} requests, one at a time)`, a: t.ours, b: t.raw, goal: { op: '≤', value: 1.5 } }),
	);
}
