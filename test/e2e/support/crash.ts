/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// For the trigger's crash test: kill -9 a real n8n, start it again on the same database, and read every
// execution n8n recorded (also crashed and unfinished ones) straight from its SQLite database.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { n8nInstallDir } from '../../../scripts/n8n/install';
import { N8nInstance, startN8n, stopProcessGroup } from './n8n';

const requireFromN8n = createRequire(path.join(n8nInstallDir, 'node_modules', 'n8n', 'package.json'));

/** `kill -9` of n8n's whole process group (main process and task runners): no shutdown, no cleanup. */
export async function killHard(instance: N8nInstance): Promise<void> {
	process.kill(-instance.info.pid, 'SIGKILL');
	await stopProcessGroup(instance.info.pid, 10_000); // only waits: the group is already dying
}

/**
 * Starts n8n again on the killed instance's user folder (database), ports, log and environment. When the
 * killed one was the e2e run's shared n8n, the run's state file is updated, so that the next test files
 * attach to the new process and globalTeardown stops it.
 */
export async function startAgain(killed: N8nInstance, logFile = killed.info.logFile): Promise<N8nInstance> {
	const { port, brokerPort, userFolder, env } = killed.info;
	const next = await startN8n({ port, brokerPort, userFolder, logFile, env, readyTimeoutMs: 400_000 });
	next.info.tempUserFolder = killed.info.tempUserFolder;
	const stateFile = process.env.IP1_E2E_N8N_STATE;
	if (stateFile && fs.existsSync(stateFile) && JSON.parse(fs.readFileSync(stateFile, 'utf8')).pid === killed.info.pid) {
		fs.writeFileSync(stateFile, JSON.stringify(next.info, null, '\t'));
	}
	return next;
}

export interface RecordedExecution {
	id: string;
	workflowId: string;
	status: string;
	/** the items the trigger handed over: from its run data, or (not run yet, crashed) from the execution stack */
	triggerItems: any[];
	/** items that reached the given node, by node name */
	reached: Record<string, any[]>;
}

/** Every execution of the given workflows, read from n8n's SQLite database (execution_entity + execution_data). */
export function readExecutions(userFolder: string, workflowIds: string[], triggerName: string, nodeNames: string[]): RecordedExecution[] {
	const { DatabaseSync } = require('node:sqlite') as typeof import('node:sqlite');
	const flatted = requireFromN8n('flatted') as { parse: (text: string) => any };
	const db = new DatabaseSync(path.join(userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
	try {
		const placeholders = workflowIds.map(() => '?').join(',');
		const rows = db
			.prepare(`SELECT e.id AS id, e.workflowId AS workflowId, e.status AS status, d.data AS data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId IN (${placeholders})`)
			.all(...workflowIds) as Array<{ id: number | string; workflowId: string; status: string; data: string | null }>;
		return rows.map((row) => {
			const data = row.data ? flatted.parse(row.data) : undefined;
			const runData = data?.resultData?.runData ?? {};
			const outputOf = (name: string) => (runData[name] ?? []).flatMap((run: any) => (run?.data?.main?.[0] ?? []).map((item: any) => item.json));
			// n8n's start-up recovery puts `{ isArtificialRecoveredEventItem: true }` in place of a crashed
			// execution's trigger output: the message itself is then only in the execution stack
			let triggerItems = outputOf(triggerName).filter((json: any) => !json?.isArtificialRecoveredEventItem);
			if (triggerItems.length === 0) {
				const stack = data?.executionData?.nodeExecutionStack ?? [];
				triggerItems = stack.filter((entry: any) => entry?.node?.name === triggerName).flatMap((entry: any) => (entry.data?.main?.[0] ?? []).map((item: any) => item.json));
			}
			return { id: String(row.id), workflowId: row.workflowId, status: row.status, triggerItems, reached: Object.fromEntries(nodeNames.map((name) => [name, outputOf(name)])) };
		});
	} finally {
		db.close();
	}
}

/** Each workflow's static data as n8n saved it in its SQLite database (workflow_entity.staticData), by workflow id. */
export function readStaticData(userFolder: string, workflowIds: string[]): Record<string, unknown> {
	const { DatabaseSync } = require('node:sqlite') as typeof import('node:sqlite');
	const db = new DatabaseSync(path.join(userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
	try {
		const placeholders = workflowIds.map(() => '?').join(',');
		const rows = db.prepare(`SELECT id, staticData FROM workflow_entity WHERE id IN (${placeholders})`).all(...workflowIds) as Array<{ id: string; staticData: string | null }>;
		return Object.fromEntries(rows.map((row) => [row.id, row.staticData === null ? null : JSON.parse(row.staticData)]));
	} finally {
		db.close();
	}
}
