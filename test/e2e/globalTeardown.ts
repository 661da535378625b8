/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Jest globalTeardown of the e2e project: stops the n8n that globalSetup started (with its task runners).
import fs from 'node:fs';
import path from 'node:path';

import { stopProcessGroup } from './support/n8n';
import { readSharedState, resultsDir } from './support/shared-n8n';

/** n8n's database after the run (execution records and all), kept for the secrets check (test/secrets). */
function keepDatabase(userFolder: string): void {
	const target = path.join(resultsDir, 'e2e-db');
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const n8nFolder = path.join(userFolder, '.n8n');
	for (const file of fs.existsSync(n8nFolder) ? fs.readdirSync(n8nFolder) : []) {
		if (file.startsWith('database.sqlite')) fs.copyFileSync(path.join(n8nFolder, file), path.join(target, file));
	}
}

export default async function globalTeardown(): Promise<void> {
	const info = readSharedState();
	if (!info) return;
	await stopProcessGroup(info.pid);
	keepDatabase(info.userFolder);
	if (info.tempUserFolder && !process.env.IP1_E2E_KEEP_N8N_FOLDER) fs.rmSync(info.userFolder, { recursive: true, force: true, maxRetries: 3 });
	fs.rmSync(process.env.IP1_E2E_N8N_STATE!, { force: true });
}
