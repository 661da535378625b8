/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Jest globalSetup of the e2e project: installs the pinned n8n when the cache lacks it, builds and packs
// the package, and starts one real n8n for all e2e test files (they attach with useN8n()).
import { ensureN8n } from '../../scripts/n8n/install';
import { startSharedN8n } from './support/shared-n8n';

export default async function globalSetup(): Promise<void> {
	await ensureN8n();
	const instance = await startSharedN8n();
	console.log(`\n[e2e] n8n ${instance.baseUrl} ready in ${instance.info.startupMs} ms (log: ${instance.logFile})`);
}
