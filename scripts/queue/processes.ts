/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The queue stack's child processes, each in its own process group (a server with its helpers, e.g. n8n and
// its task runner): stopped by group, and killed when this process exits or gets SIGINT/SIGTERM, so an
// aborted run leaves nothing behind (temp folders included).
import fs from 'node:fs';

const groups = new Set<number>();
const folders = new Set<string>();
let handlersInstalled = false;

export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false; // the group is gone
	}
}

function installExitHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	const killAll = () => {
		for (const pid of groups) signalGroup(pid, 'SIGKILL');
		for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
	};
	process.on('exit', killAll);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		// only when nobody else handles the signal (the demo stops the stack cleanly itself)
		process.on(signal, () => {
			if (process.listenerCount(signal) > 1) return;
			killAll();
			process.exit(130);
		});
	}
}

export function trackGroup(pid: number): void {
	groups.add(pid);
	installExitHandlers();
}

/** A temp folder removed when this process exits without stopping the stack (forget it once removed). */
export function trackFolder(folder: string, track = true): void {
	if (track) folders.add(folder);
	else folders.delete(folder);
	installExitHandlers();
}

/** Sends `signal` to the group, SIGKILL after `graceMs`, and waits until every process of it is gone. */
export async function stopGroup(pid: number, signal: NodeJS.Signals = 'SIGTERM', graceMs = 20_000): Promise<void> {
	signalGroup(pid, signal);
	const deadline = Date.now() + graceMs;
	while (signalGroup(pid, 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	if (signalGroup(pid, 0)) {
		signalGroup(pid, 'SIGKILL');
		const killDeadline = Date.now() + 10_000;
		while (signalGroup(pid, 0) && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 50));
	}
	groups.delete(pid);
}
