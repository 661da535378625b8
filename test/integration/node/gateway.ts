// Shared by the node's integration tests: a simulator per test file and a runner for the iP.1 SMS node.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Ip1SmsApi } from '../../../credentials/Ip1SmsApi.credentials';
import { Ip1Sms } from '../../../nodes/Ip1Sms/Ip1Sms.node';
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../../../simulator';
import { runNode, type HarnessItem, type RunNodeResult } from '../../support/n8nCore';

export const ACCOUNT = { id: 'ip1-12345', key: 'k3y-Secret-öß&<x>', balance: 1000 };

export interface Gateway {
	sim: SimulatorHandle;
	credentials: IDataObject;
	run(parameters: INodeParameters, options?: RunOptions): Promise<RunNodeResult>;
}

export interface RunOptions {
	input?: HarnessItem[];
	continueOnFail?: boolean;
	timezone?: string;
	credentials?: IDataObject;
	/** Default 1: these tests are version 1's. Version 2 with the SOAP API: 2 (and `api: 'soap'`). */
	typeVersion?: number;
}

export async function startGateway(options: SimulatorOptions = {}): Promise<Gateway> {
	const sim = await startSimulator({ port: 0, quiet: true, accounts: [ACCOUNT], ...options });
	const credentials: IDataObject = {
		accountId: ACCOUNT.id,
		apiKey: ACCOUNT.key,
		baseUrl: sim.url,
		soapNamespace: 'http://tempuri.org/',
	};
	return {
		sim,
		credentials,
		run: async (parameters, runOptions = {}) =>
			await runNode({
				nodeType: new Ip1Sms(),
				typeVersion: runOptions.typeVersion ?? 1,
				parameters,
				input: runOptions.input,
				continueOnFail: runOptions.continueOnFail,
				timezone: runOptions.timezone,
				credentialTypes: [new Ip1SmsApi()],
				credentials: { ip1SmsApi: { ...credentials, ...runOptions.credentials } },
			}),
	};
}

/** Items for `runNode`: one per JSON object. */
export const items = (...json: IDataObject[]): HarnessItem[] => json.map((j) => ({ json: j }));

/** Every string the node put anywhere in its output or error, for secret checks. */
export function everything(result: RunNodeResult): string {
	return JSON.stringify({ items: result.items, error: result.error && { ...result.error, message: result.error.message, description: result.error.description } });
}
