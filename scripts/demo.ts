/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// `npm run demo`: builds the package, makes sure the n8n to run is installed (the pin, or IP1_N8N_VERSION;
// IP1_N8N_ENV passes n8n settings, see test/e2e/support/n8n.ts), starts the iP.1 gateway
// simulator (web view, realistic delivery timing) and n8n with the packed package, imports the example
// workflows and a credential pointing at the simulator, and runs until Ctrl-C.
// `--check` starts everything, sends one SMS through n8n and an incoming SMS through the auto-reply, then stops.
import fs from 'node:fs';
import path from 'node:path';

import { startSimulator } from '../simulator';
import { ensureN8n, N8N_PIN, N8N_VERSION } from './n8n/install';
import { buildAndPackPackage, repoRoot } from '../test/e2e/support/n8n-package';
import { startN8n, type N8nInstance } from '../test/e2e/support/n8n';
import { runQueueDemo } from './queue/demo';
import { portOr } from './queue/services';

const check = process.argv.includes('--check');
// `--queue`: the same demo on n8n's queue mode (scripts/queue/demo.ts, which handles its own signals)
const queue = process.argv.includes('--queue');
const DEMO_ACCOUNT = { id: 'ip1-12345', key: 'test-api-key', balance: 1000 };
/** The account's number that receives SMS: Send and Wait sends from it, replies come back to it. */
const DEMO_NUMBER = '46700000000';
const CREDENTIAL = { id: 'ip1SimulatorCred', name: 'iP.1 SMS (simulator)' };
const REST_CREDENTIAL = { id: 'ip1SimulatorRestCred', name: 'iP.1 SMS REST (simulator)' };
/** the simulator's REST key of an account given without restKeys */
const REST_KEY = `${DEMO_ACCOUNT.key}-rest`;

function step(text: string): void {
	console.log(`\u001b[2m[demo]\u001b[0m ${text}`);
}

/**
 * What the demo started, stopped in reverse order by Ctrl-C, SIGTERM or the end of --check. Each part
 * (simulator, n8n, later more processes) registers its stop right after it has started. A signal that
 * comes during a start still stops what is up; the process exit handler of test/e2e/support/n8n.ts
 * kills an n8n still starting and removes its temp folder. A second signal ends at once (same exit handler).
 */
const running: Array<{ name: string; stop: () => Promise<void> }> = [];
let stopping: Promise<void> | undefined;

function stopAll(): Promise<void> {
	stopping ??= (async () => {
		step('stopping…');
		for (const part of running.reverse()) {
			await part.stop().catch((error) => console.error(`[demo] stopping ${part.name} failed:`, error));
		}
	})();
	return stopping;
}

for (const signal of queue ? [] : (['SIGINT', 'SIGTERM', 'SIGHUP'] as const)) {
	process.on(signal, () => {
		if (stopping) process.exit(130);
		void stopAll().then(() => process.exit(0));
	});
}

async function main(): Promise<void> {
	const settings = process.env.IP1_N8N_ENV?.trim();
	step(`n8n ${N8N_VERSION}${N8N_VERSION === N8N_PIN ? ' (the pin)' : ' (IP1_N8N_VERSION)'}${settings ? ` with ${settings}` : ''}: installing it if the cache lacks it (first time: a few minutes)…`);
	await ensureN8n();
	step('building and packing the package…');
	const outDir = path.join(repoRoot, 'test-results', 'demo');
	fs.mkdirSync(outDir, { recursive: true });
	const tgz = await buildAndPackPackage(outDir);

	const autoReply = JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', 'incoming-sms-auto-reply.json'), 'utf8'));
	const n8nPort = await portOr(5678);
	const callbackUrl = `http://127.0.0.1:${n8nPort}/webhook/${autoReply.nodes[0].webhookId}/ip1-sms`;
	const restAutoReply = JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', 'rest-incoming-sms-auto-reply.json'), 'utf8'));
	const restIncomingUrl = `http://127.0.0.1:${n8nPort}/webhook/${restAutoReply.nodes[0].webhookId}/ip1-sms`;
	const sim = await startSimulator({
		port: await portOr(8080),
		accounts: [{ ...DEMO_ACCOUNT, incomingUrl: restIncomingUrl, senders: [DEMO_NUMBER] }],
		// the simulated phones that answer Send and Wait: numbers ending 1111 approve, 2222 decline
		autoReplies: [
			{ match: '1111', reply: 'YES', delayMs: check ? 200 : 2000 },
			{ match: '2222', reply: 'NO', delayMs: check ? 200 : 2000 },
		],
		callbackUrl,
		delivery: check ? 'instant' : { toNetworkMs: 2000, toPhoneMs: 5000 },
		callbackRetryMs: 60_000,
		quiet: true,
	});
	running.push({ name: 'simulator', stop: () => sim.stop() });
	step(`simulator at ${sim.url}`);

	try {
		step('starting n8n with n8n-nodes-ip1 installed as a community package…');
		// a first start runs n8n's database migrations: minutes on a slow or busy machine
		const n8n = await startN8n({ port: n8nPort, packageTgz: tgz, logFile: path.join(outDir, 'n8n.log'), readyTimeoutMs: 600_000 });
		running.push({ name: 'n8n', stop: () => n8n.stop() });
		// the REST credential last: n8n offers a new node the most recently saved credential, and with it the API
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'ip1SmsApi', data: { accountId: DEMO_ACCOUNT.id, apiKey: DEMO_ACCOUNT.key, baseUrl: sim.url, soapNamespace: 'http://tempuri.org/' } },
		]);
		await n8n.importCredentials([{ ...REST_CREDENTIAL, type: 'ip1SmsRestApi', data: { apiKey: REST_KEY, baseUrl: sim.url } }]);
		const workflows: Array<{ id: string; name: string }> = [];
		const examples = fs
			.readdirSync(path.join(repoRoot, 'examples'))
			.filter((f) => f.endsWith('.json') && !f.startsWith('credentials'))
			.map((file) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', file), 'utf8')))
			.sort((a, b) => legacyLast(a.name, b.name));
		// imported legacy first: n8n lists the most recently saved workflows first, so the REST ones lead
		for (const workflow of [...examples].reverse()) workflows.unshift({ id: await n8n.importWorkflow(workflow), name: workflow.name });
		await n8n.activateWorkflow(restAutoReply.id);
		await n8n.activateWorkflow(autoReply.id);

		if (check) {
			await runCheck(n8n, sim);
			await stopAll();
			return;
		}

		console.log(`
iP.1 demo is running
  n8n         ${n8n.baseUrl}   (n8n ${N8N_VERSION})   login ${n8n.owner.email} / ${n8n.owner.password}
  simulator   ${sim.url}/   sent SMS and MMS, balances, bundles, and a form to send an incoming SMS
  credentials "${REST_CREDENTIAL.name}" (REST API v2, key ${REST_KEY}) and "${CREDENTIAL.name}"
              (legacy SOAP) point at the simulator (account ${DEMO_ACCOUNT.id})
  senders     registered: iP1, iP1sms and the number ${DEMO_NUMBER} (From lists them; any other From is refused with HTTP 400,
              as iP.1 does: register one with Sender → Register)

Workflows (open them in n8n and click "Execute workflow"):
${workflows.map((w) => `  - ${w.name}   ${n8n.baseUrl}/workflow/${w.id}`).join('\n')}

The two auto-reply workflows are published: the REST one is the account's incoming-SMS URL, the
SOAP one its callback URL. Send them an incoming SMS from the simulator's web page.

Two-way SMS: "iP.1: appointment reminder, wait for YES or NO" sends from ${DEMO_NUMBER} and
waits. The simulated phones answer by themselves: numbers ending 1111 reply YES after 2 s, numbers
ending 2222 reply NO. The REST trigger (Resume Waiting Executions on) hands the reply to the
waiting execution. Change the Booking's phone, or answer from the simulator's web page.

With a real iP.1 account, set the REST credential's API key to one from the iP.1 portal and its
Base URL to https://api.ip1sms.com.
Ctrl-C (or SIGTERM) stops everything.`);
		await new Promise(() => undefined);
	} catch (error) {
		await stopAll();
		throw error;
	}
}

/** REST examples before the legacy SOAP ones, each group by name. */
function legacyLast(a: string, b: string): number {
	const legacy = (name: string) => (/legacy SOAP/.test(name) ? 1 : 0);
	return legacy(a) - legacy(b) || a.localeCompare(b);
}

/** What the demo promises, checked end to end (used by test/e2e/demo.test.ts). */
async function runCheck(n8n: N8nInstance, sim: Awaited<ReturnType<typeof startSimulator>>): Promise<void> {
	const rest = await n8n.executeWorkflow('ip1ExRestSendSms');
	if (rest.status !== 'success' || sim.state().rest.messages.length !== 2) throw new Error(`rest-send-sms failed: ${JSON.stringify(rest.data?.resultData?.error)}`);
	const restIncoming = await sim.injectRestIncoming({ sender: '46701234567', recipient: '46700000000', body: 'Hej REST!' });
	if (restIncoming.attempts[0]?.status !== 200) throw new Error(`the REST trigger answered ${JSON.stringify(restIncoming.attempts[0])}`);
	const restDeadline = Date.now() + 30_000;
	const restReplied = () => sim.state().rest.messages.some((m: any) => m.recipient === '46701234567' && String(m.body).startsWith('Tack!'));
	while (!restReplied() && Date.now() < restDeadline) await new Promise((r) => setTimeout(r, 250));
	if (!restReplied()) throw new Error('no REST auto-reply reached the simulator');

	// two-way SMS: the appointment reminder waits; the simulated phone (…1111) answers YES; the REST trigger hands it over
	const reminder = await n8n.executeWorkflow('ip1ExRestAppointment');
	if (reminder.status !== 'waiting') throw new Error(`the appointment reminder did not wait: ${reminder.status} ${JSON.stringify(reminder.data?.resultData?.error)}`);
	const waitDeadline = Date.now() + 60_000;
	let confirmed: any;
	while (!confirmed && Date.now() < waitDeadline) {
		await new Promise((r) => setTimeout(r, 500));
		const [latest] = await n8n.restApi.listExecutions({ workflowId: 'ip1ExRestAppointment' });
		if (latest && !['waiting', 'running', 'new'].includes(latest.status)) {
			confirmed = (await n8n.restApi.getExecution(latest.id)).data.resultData.runData['Confirm Booking']?.[0]?.data?.main?.[0]?.[0]?.json;
			if (!confirmed) throw new Error(`the appointment reminder ended ${latest.status} without confirming`);
		}
	}
	if (confirmed?.status !== 'confirmed') throw new Error('no YES reached the waiting appointment reminder');

	const run = await n8n.executeWorkflow('ip1ExSendSms');
	if (run.status !== 'success' || sim.state().messages.length !== 1) throw new Error(`send-sms failed: ${JSON.stringify(run.data?.resultData?.error)}`);
	const incoming = await sim.injectIncoming({ sender: '46701234567', to: '46700000000', text: 'Hej på dig!' });
	if (incoming.attempts[0]?.body !== 'OK') throw new Error(`the trigger answered ${JSON.stringify(incoming.attempts[0])}`);
	const deadline = Date.now() + 30_000;
	while (!sim.state().messages.some((m) => m.to === '46701234567' && m.text.startsWith('Tack!')) && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 250));
	}
	if (!sim.state().messages.some((m) => m.text.startsWith('Tack!'))) throw new Error('no auto-reply reached the simulator');
	console.log(`demo check passed on n8n ${n8n.info.version}${process.env.IP1_N8N_ENV ? ` (${process.env.IP1_N8N_ENV.trim()})` : ''}: ${n8n.baseUrl} sent SMS, waited for a reply (YES resumed the reminder) and auto-replied to incoming ones, REST API v2 and legacy SOAP`);
}

(queue ? runQueueDemo() : main()).catch((error) => {
	console.error(error);
	process.exit(1);
});
