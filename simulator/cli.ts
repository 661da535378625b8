/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { parseCliArgs, USAGE } from './cliArgs';
import { DEFAULT_ACCOUNTS } from './server';
import { startSimulator } from './index';
import { DEFAULT_REST_SETTINGS } from './rest/settings';
import { restKeysOf } from './rest/store';

async function main(): Promise<void> {
	let parsed;
	try {
		parsed = parseCliArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (parsed.help) {
		console.log(USAGE);
		return;
	}
	const options = parsed.options;
	const sim = await startSimulator(options);
	// before the banner: whoever reads the banner may stop us at once
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await sim.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	const u = sim.url;
	const delivery = options.delivery ?? 'instant';
	const retryMs = options.callbackRetryMs ?? 30 * 60 * 1000;
	const accounts = options.accounts ?? DEFAULT_ACCOUNTS;
	console.log(
		[
			`iP.1 gateway simulator listening on ${u}`,
			`  SOAP SMS  ${u}/sendSms/sendSms.asmx   (WSDL ${u}/sendSms/sendSms.asmx?WSDL)`,
			`  SOAP MMS  ${u}/mms/mms.asmx           (WSDL ${u}/mms/mms.asmx?WSDL)`,
			`  URL call  ${u}/sendsms.aspx`,
			`  REST v2   base URL ${u}   (POST ${u}/v2/batches, GET ${u}/api/me)`,
			...accounts.map((a) => `  REST key  ${a.id}: Authorization: Bearer ${restKeysOf(a)[0]}`),
			`  Web view  ${u}/_sim/`,
			`  State     ${u}/_sim/state`,
			`  Accounts  ${accounts.map((a) => `${a.id} (balance ${a.balance.toFixed(2)})`).join(', ')}`,
			`  Delivery  ${delivery === 'instant' ? 'instant' : `${delivery.toNetworkMs} ms to the network, ${delivery.toPhoneMs} ms more to the phone`}`,
			`  Webhooks  REST incoming SMS → ${accounts.map((a) => `${a.id}: ${a.incomingUrl ?? '(none)'}`).join(', ')} · retry every ${options.rest?.webhookRetryMs ?? DEFAULT_REST_SETTINGS.webhookRetryMs} ms, ${options.rest?.webhookMaxAttempts ?? DEFAULT_REST_SETTINGS.webhookMaxAttempts} attempts`,
			...sim.autoReplies().map((r) => `  Answers   numbers matching ${r.match} answer ${r.reply.map((t) => JSON.stringify(t)).join(', then ')} ${r.delayMs} ms after delivery${r.account ? ` (${r.account} only)` : ''}`),
			`  Callback  ${options.callbackUrl ?? '(none: inject with a callbackUrl)'} · ${options.callbackEncoding ?? 'iso-8859-1'} · retry every ${retryMs} ms, ${options.callbackMaxAttempts ?? 10} attempts`,
			'Press Ctrl+C to stop.',
		].join('\n'),
	);
}

main().catch((error) => {
	console.error((error as Error).message);
	process.exit(1);
});
