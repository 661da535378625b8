/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// `npm run demo -- --queue`: the demo on n8n's queue mode (scripts/queue/stack.ts): PostgreSQL, Redis, n8n main,
// 2 workers, 2 webhook processes and haproxy, with the gateway simulator, the example workflows and
// credentials pointing at the simulator; the trigger workflows are published. Runs until Ctrl-C / SIGTERM,
// then stops every process and removes the temp folders. `--check` proves an SMS sent and an incoming SMS
// answered through the queue, then stops.
import fs from 'node:fs';
import path from 'node:path';

import { startSimulator, type SimulatorHandle } from '../../simulator';
import { buildAndPackPackage, repoRoot } from '../../test/e2e/support/n8n-package';
import { portOr } from './services';
import { startQueueStack, type QueueStack } from './stack';

const DEMO_ACCOUNT = { id: 'ip1-12345', key: 'test-api-key', balance: 1000 };

const step = (text: string) => console.log(`\u001b[2m[demo --queue]\u001b[0m ${text}`);

function examples(): any[] {
	const dir = path.join(repoRoot, 'examples');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json') && !f.startsWith('credentials'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

const isTrigger = (node: any) => node.type === 'n8n-nodes-ip1.ip1SmsTrigger';

export async function runQueueDemo(argv: string[] = process.argv): Promise<void> {
	const check = argv.includes('--check');
	let stack: QueueStack | undefined;
	let sim: SimulatorHandle | undefined;
	let stopping: Promise<void> | undefined;
	const stopAll = () =>
		(stopping ??= (async () => {
			step('stopping every process…');
			await stack?.stop().catch((error) => console.error('[demo --queue] stopping the stack failed:', error));
			await sim?.stop();
		})());
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			if (stopping) process.exit(130); // a second Ctrl-C: the exit handler kills what is left
			void stopAll().then(() => process.exit(0));
		});
	}

	try {
		step('building and packing the package…');
		const outDir = path.join(repoRoot, 'test-results', 'demo-queue');
		fs.mkdirSync(outDir, { recursive: true });
		const tgz = await buildAndPackPackage(outDir);

		const entryPort = await portOr(5678);
		const workflows = examples();
		const triggerHook = workflows.flatMap((w) => w.nodes).find(isTrigger)?.webhookId;
		const callbackUrl = triggerHook ? `http://127.0.0.1:${entryPort}/webhook/${triggerHook}/ip1-sms` : undefined;
		sim = await startSimulator({
			port: await portOr(8080),
			accounts: [{ ...DEMO_ACCOUNT, incomingUrl: callbackUrl }],
			callbackUrl,
			delivery: check ? 'instant' : { toNetworkMs: 2000, toPhoneMs: 5000 },
			callbackRetryMs: 60_000,
			quiet: true,
		});
		step(`simulator at ${sim.url}`);

		step('starting PostgreSQL, Redis, n8n main, 2 workers, 2 webhook processes and haproxy (about a minute)…');
		stack = await startQueueStack({ packageTgz: tgz, port: entryPort, logDir: path.join(outDir, 'logs') });
		// examples/credentials.simulator.json (the demo account, SOAP and REST), pointed at this simulator
		const credentials = JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', 'credentials.simulator.json'), 'utf8'));
		await stack.main.importCredentials(credentials.map((c: any) => ({ ...c, data: { ...c.data, baseUrl: sim!.url } })));
		const imported: Array<{ id: string; name: string; published: boolean }> = [];
		for (const workflow of workflows) {
			const published = workflow.nodes.some(isTrigger);
			const id = await stack.createWorkflow(workflow, published);
			imported.push({ id, name: workflow.name, published });
		}

		if (check) {
			await runCheck(stack, sim);
			await stopAll();
			return;
		}

		const { main } = stack;
		console.log(`
iP.1 demo on n8n's queue mode is running
  n8n (haproxy)   ${stack.url}   login ${main.owner.email} / ${main.owner.password}
                  /webhook/* → ${stack.webhooks.map((w) => `${w.name} :${w.port}`).join(', ')} (round-robin); the rest → main :${main.info.port}
  workers         ${stack.workers.map((w) => `${w.name} :${w.port}`).join(', ')} run every execution (also "Execute workflow" in the editor)
  PostgreSQL      127.0.0.1:${stack.state.pg.port}   Redis 127.0.0.1:${stack.state.redis.port}
  simulator       ${sim.url}/
  logs            ${stack.state.logDir}

Workflows:
${imported.map((w) => `  - ${w.name}${w.published ? ' (published)' : ''}   ${stack!.url}/workflow/${w.id}`).join('\n')}

Send the published trigger an incoming SMS from the simulator's web page (it goes through haproxy to a
webhook process, then to a worker), or:
  curl -X POST ${sim.url}/_sim/incoming -H 'content-type: application/json' \\
       -d '{"sender":"46701234567","to":"46700000000","text":"Hej på dig!"}'

Ctrl-C (or SIGTERM) stops every process and removes the temporary folders.`);
		await new Promise(() => undefined);
	} catch (error) {
		await stopAll();
		throw error;
	}
}

/** Proof the demo works: an incoming SMS through haproxy, a webhook process and a worker gets its auto-reply. */
async function runCheck(stack: QueueStack, sim: SimulatorHandle): Promise<void> {
	const incoming = await sim.injectIncoming({ sender: '46701234567', to: '46700000000', text: 'Hej på dig!' });
	if (incoming.attempts[0]?.body !== 'OK') throw new Error(`the trigger answered ${JSON.stringify(incoming.attempts[0])}`);
	const deadline = Date.now() + 60_000;
	while (!sim.state().messages.some((m) => m.to === '46701234567') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
	if (!sim.state().messages.some((m) => m.to === '46701234567')) throw new Error('no auto-reply reached the simulator');
	const ran = stack.workers.filter((w) => /Worker started execution/.test(fs.readFileSync(w.logFile, 'utf8'))).map((w) => w.name);
	console.log(`demo --queue check passed: the auto-reply ran on ${ran.join(', ')}`);
}

if (require.main === module) {
	runQueueDemo().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
