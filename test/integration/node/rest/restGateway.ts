/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Shared by the REST integration tests: a simulator per test file and a runner for the iP.1 SMS node,
// version 2 with the REST API, on the iP.1 SMS REST API credential.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Ip1SmsRestApi } from '../../../../credentials/Ip1SmsRestApi.credentials';
import { Ip1Sms } from '../../../../nodes/Ip1Sms/Ip1Sms.node';
import { startSimulator, type RestSettings, type SimulatorHandle, type SimulatorOptions } from '../../../../simulator';
import { runNode, type HarnessItem, type RunNodeResult } from '../../../support/n8nCore';

/** The simulator's default account: its REST key is the SOAP key + `-rest`. */
export const REST_ACCOUNT = { id: 'ip1-12345', key: 'k3y-Secret-öß&<x>', balance: 1000 };
export const REST_KEY = `${REST_ACCOUNT.key}-rest`;

export interface RestRunOptions {
	input?: HarnessItem[];
	continueOnFail?: boolean;
	timezone?: string;
	credentials?: IDataObject;
}

export interface RestGateway {
	sim: SimulatorHandle;
	run(parameters: INodeParameters, options?: RestRunOptions): Promise<RunNodeResult>;
	/** REST requests the simulator answered since the last reset, per route (a fault before the answer is not counted). */
	calls(): Record<string, number>;
	/** Every request the simulator received since the last reset, faulted or not. */
	requests(): number;
	/** Requests to one route since the last reset, faulted ones included, e.g. `attempts('PUT /v2/blacklist/{msisdn}')`. */
	attempts(route: string): number;
}

export async function startRestGateway(options: SimulatorOptions = {}): Promise<RestGateway> {
	const sim = await startSimulator({ port: 0, quiet: true, accounts: [REST_ACCOUNT], ...options });
	const calls = () => sim.state().rest.calls;
	return {
		sim,
		calls,
		requests: () => sim.state().requestCount,
		attempts: (route) => sim.state().requests.filter((r) => r.service === 'rest' && r.operation === route).length,
		run: async (parameters, runOptions = {}) =>
			await runNode({
				nodeType: new Ip1Sms(),
				typeVersion: 2,
				parameters: { api: 'rest', ...parameters },
				input: runOptions.input,
				continueOnFail: runOptions.continueOnFail,
				timezone: runOptions.timezone,
				credentialTypes: [new Ip1SmsRestApi()],
				credentials: { ip1SmsRestApi: { apiKey: REST_KEY, baseUrl: sim.url, ...runOptions.credentials } },
			}),
	};
}

/** Runs `work` with these simulator settings, then puts the earlier ones back. */
export async function withRestSettings<T>(gw: RestGateway, settings: Partial<RestSettings>, work: () => Promise<T>): Promise<T> {
	const before = gw.sim.state().rest.settings;
	gw.sim.setRest(settings);
	try {
		return await work();
	} finally {
		gw.sim.setRest(before);
	}
}

/** Items for `runNode`: one per JSON object. */
export const items = (...json: IDataObject[]): HarnessItem[] => json.map((j) => ({ json: j }));

/** Sends one batch straight to the simulator's REST API (not through the node): test data for the reads. */
export async function postBatch(sim: SimulatorHandle, body: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${sim.url}/v2/batches`, {
		method: 'POST',
		headers: { authorization: `Bearer ${REST_KEY}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`POST /v2/batches: ${response.status} ${await response.text()}`);
	return (await response.json()) as IDataObject;
}

/** An incoming-SMS receiver that answers 200, for `injectRestIncoming` (the simulator needs a URL to POST to). */
export async function startReceiver(): Promise<{ url: string; close(): Promise<void> }> {
	const server = createServer((_, res) => res.end('OK'));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/incoming`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
