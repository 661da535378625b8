/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Jest globalSetup of the `queue` project: builds and packs the package, starts n8n in queue mode
// (scripts/queue/stack.ts: PostgreSQL, Redis, main, 2 workers, 2 webhook processes, haproxy) and leaves
// its details for the test files (test/queue/support/stack.ts).
import { startSharedStack } from './support/stack';

export default async function globalSetup(): Promise<void> {
	const stack = await startSharedStack();
	console.log(`\n[queue] n8n in queue mode behind ${stack.url} (logs: ${stack.state.logDir})`);
}
