import { SimulatorServer } from './server';
import type { SimulatorHandle, SimulatorOptions } from './types';

export type * from './types';
export type * from './rest/types';
export type { AutoReplyInput, AutoReplyRule } from './rest/autoReplyRules';
export type { AutoReplyRecord } from './rest/autoReply';
export { DEFAULT_ACCOUNTS } from './server';

/** Starts the iP.1 gateway simulator; resolves once it listens (port 0 picks a free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
	const sim = new SimulatorServer(options);
	await sim.listen();
	return {
		url: sim.url,
		port: sim.port,
		stop: () => sim.stop(),
		reset: () => sim.reset(),
		injectIncoming: (sms) => sim.injectIncoming(sms),
		setFault: (f) => sim.setFault(f),
		clearFaults: () => sim.faults.clear(),
		state: () => sim.state(),
		setRest: (settings) => sim.setRest(settings),
		injectRestIncoming: (sms) => sim.injectRestIncoming(sms),
		setIncomingUrl: (account, url) => sim.setIncomingUrl(account, url),
		setAutoReplies: (rules) => sim.rest.autoReplies.set(rules),
		autoReplies: () => sim.rest.autoReplies.list(),
		repeatRestIncoming: (messageId) => sim.rest.incoming.repeat(messageId),
	};
}
