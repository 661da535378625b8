/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Import first: with IP1_N8N_VERSION set, the in-process n8n-core harness (test/support/n8nCore) and the node's
// own `n8n-workflow` imports load the packages of that n8n version's install in the cache
// (~/.cache/n8n-nodes-ip1/n8n-<version>, scripts/n8n/install.ts) instead of the repository's devDependencies,
// as a community package in that n8n would. Bare package names asked for by files outside node_modules
// resolve from n8n's own folder; everything those packages load resolves as usual from where they are.
import Module from 'node:module';
import path from 'node:path';

import { isN8nInstalled, N8N_VERSION, n8nInstallDir } from '../../../scripts/n8n/install';

/** The n8n-workflow version the expression engine comes from: the devDependency, or that of IP1_N8N_VERSION's install. */
export let n8nWorkflowSource = 'the devDependency n8n-workflow';

if (process.env.IP1_N8N_VERSION) {
	if (!isN8nInstalled()) throw new Error(`n8n ${N8N_VERSION} is not installed: node scripts/node24.js "tsx scripts/n8n/install.ts ${N8N_VERSION}"`);
	const fromN8n = Module.createRequire(path.join(n8nInstallDir, 'node_modules', 'n8n', 'package.json'));
	const moduleInternals = Module as unknown as { _resolveFilename: (request: string, parent: any, isMain: boolean, options?: any) => string };
	const original = moduleInternals._resolveFilename;
	const bare = /^(?:@[\w.-]+\/)?[\w.-]+(?:\/.*)?$/;
	moduleInternals._resolveFilename = function (request, parent, isMain, options) {
		const from: string = parent?.filename ?? '';
		if (!options?.paths && bare.test(request) && !request.startsWith('node:') && from && !from.includes(`${path.sep}node_modules${path.sep}`)) {
			try {
				return fromN8n.resolve(request);
			} catch {
				// not in n8n's tree (a test helper's own dependency): as usual
			}
		}
		return original.call(this, request, parent, isMain, options);
	};
	n8nWorkflowSource = `n8n ${N8N_VERSION}'s n8n-workflow ${fromN8n('n8n-workflow/package.json').version}`;
}
