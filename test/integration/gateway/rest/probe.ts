/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Runs the REST gateway inside a real n8n execution (n8n-core's request helpers, the credential's
// `authenticate`, axios), against the simulator: a probe node whose execute() hands its context to
// createRestGateway and runs the test's calls. One runGateway() is one execution.
import { NodeConnectionTypes, type IDataObject, type IExecuteFunctions, type INodeType } from 'n8n-workflow';

import { Ip1SmsRestApi } from '../../../../credentials/Ip1SmsRestApi.credentials';
import { createRestGateway } from '../../../../nodes/Ip1Sms/gateway/rest';
import type { Ip1RestGateway } from '../../../../nodes/Ip1Sms/gateway/types';
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../../../../simulator';
import { runNode } from '../../../support/n8nCore';

/** The simulator's REST key is the SOAP key + `-rest`: both have characters a careless client would mangle. */
export const ACCOUNT = { id: 'ip1-12345', key: 'k3y-Secret-öß&<x>', balance: 1000 };
export const KEY = `${ACCOUNT.key}-rest`;

type Job = (gateway: Ip1RestGateway, ctx: IExecuteFunctions) => Promise<unknown>;
let job: Job | undefined;
let outcome: { value?: unknown; error?: unknown } = {};
let credentialReads = 0;
let gatewayOptions: Parameters<typeof createRestGateway>[1];

class GatewayProbe implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Gateway Probe',
		name: 'gatewayProbe',
		group: ['transform'],
		version: 1,
		description: 'Runs REST gateway calls for the integration tests',
		defaults: { name: 'Gateway Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ip1SmsRestApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions) {
		const getCredentials = this.getCredentials.bind(this);
		this.getCredentials = (async (...args: Parameters<typeof getCredentials>) => {
			credentialReads++;
			return await getCredentials(...args);
		}) as typeof this.getCredentials;
		try {
			outcome = { value: await job!(await createRestGateway(this, gatewayOptions), this) };
		} catch (error) {
			outcome = { error };
		}
		return [[{ json: {}, pairedItem: { item: 0 } }]];
	}
}

export interface Sim {
	sim: SimulatorHandle;
	/**
	 * Runs `fn` with a gateway made for one n8n execution; rejects with the gateway's own error.
	 * `options.sleep` replaces the gateway's pauses (n8n's sleep otherwise).
	 */
	run<T>(
		fn: (gateway: Ip1RestGateway, ctx: IExecuteFunctions) => Promise<T>,
		credentials?: IDataObject,
		options?: Parameters<typeof createRestGateway>[1],
	): Promise<T>;
	/** Requests that reached the simulator on a route (faulted ones included), e.g. `POST /v2/batches`. */
	hits(route: string): number;
	/** Messages the simulator accepted for sending (4xx-at-once ones excluded). */
	accepted(): number;
	/** How often the last execution read the credential. */
	credentialReads(): number;
}

export async function startSim(options: SimulatorOptions = {}): Promise<Sim> {
	const sim = await startSimulator({ port: 0, quiet: true, accounts: [ACCOUNT], ...options });
	return {
		sim,
		hits: (route) => sim.state().calls[`rest ${route}`] ?? 0,
		accepted: () => sim.state().rest.accepted,
		credentialReads: () => credentialReads,
		run: async <T>(fn: Job, credentials: IDataObject = {}, options?: Parameters<typeof createRestGateway>[1]) => {
			job = fn;
			gatewayOptions = options;
			outcome = {};
			credentialReads = 0;
			const result = await runNode({
				nodeType: new GatewayProbe(),
				parameters: {},
				credentialTypes: [new Ip1SmsRestApi()],
				credentials: { ip1SmsRestApi: { apiKey: KEY, baseUrl: sim.url, ...credentials } },
			});
			if (result.error) throw result.error;
			if (outcome.error) throw outcome.error;
			return outcome.value as T;
		},
	};
}

/** Everything an error shows, for secret checks. */
export function shown(error: unknown): string {
	const e = error as { message?: string; description?: string; messages?: string[]; context?: unknown };
	return JSON.stringify({ message: e.message, description: e.description, messages: e.messages, context: e.context, error });
}

export const opts = { itemIndex: 0, timeout: 5000 };
