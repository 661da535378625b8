/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Jest globalTeardown of the e2e project: stops the n8n that globalSetup started (with its task runners).
import fs from 'node:fs';

import { stopProcessGroup } from './support/n8n';
import { readSharedState } from './support/shared-n8n';

export default async function globalTeardown(): Promise<void> {
	const info = readSharedState();
	if (!info) return;
	await stopProcessGroup(info.pid);
	if (info.tempUserFolder && !process.env.IP1_E2E_KEEP_N8N_FOLDER) fs.rmSync(info.userFolder, { recursive: true, force: true, maxRetries: 3 });
	fs.rmSync(process.env.IP1_E2E_N8N_STATE!, { force: true });
}
