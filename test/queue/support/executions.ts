/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// What n8n recorded, read straight from its PostgreSQL database: every execution of a workflow (also
// crashed and unfinished ones: the trigger's item is in the execution's stored data from the moment it
// is created) and which message ids each one carries.
import type { QueueStack } from '../../../scripts/queue/stack';

export interface RecordedExecution {
	id: string;
	status: string;
	mode: string;
	/** the message ids (matching `idPattern`) in the execution's stored data */
	ids: string[];
}

export function recordedExecutions(stack: QueueStack, workflowId: string, idPattern: RegExp): RecordedExecution[] {
	const rows = stack.sql(
		`select e.id, e.status, e.mode, coalesce(d.data, '') from execution_entity e left join execution_data d on d."executionId" = e.id where e."workflowId" = '${workflowId.replace(/'/g, "''")}' order by e.id`,
	);
	return rows.map(([id, status, mode, data]) => ({ id, status, mode, ids: [...new Set(data.match(new RegExp(idPattern.source, 'g')) ?? [])] }));
}

export function executionCount(stack: QueueStack, workflowId: string): number {
	return Number(stack.sql(`select count(*) from execution_entity where "workflowId" = '${workflowId.replace(/'/g, "''")}'`)[0][0]);
}

/** Waits until the workflow's execution count stops at `expected` or more, then a moment longer for stragglers. */
export async function settledCount(stack: QueueStack, workflowId: string, expected: number, timeoutMs = 600_000): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	while (executionCount(stack, workflowId) < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
	await new Promise((r) => setTimeout(r, 2_000));
	return executionCount(stack, workflowId);
}

/** Per message id: how many executions carry it. */
export function perMessage(executions: RecordedExecution[], keys: string[]): { lost: string[]; doubled: Record<string, number>; counts: Map<string, number> } {
	const counts = new Map(keys.map((k) => [k, 0]));
	for (const e of executions) for (const id of e.ids) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
	const lost = keys.filter((k) => counts.get(k) === 0);
	const doubled = Object.fromEntries([...counts].filter(([, n]) => n > 1));
	return { lost, doubled, counts };
}
