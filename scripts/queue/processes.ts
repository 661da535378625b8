/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The queue stack's child processes, each in its own process group (a server with its helpers, e.g. n8n and
// its task runner): stopped by group, and killed when this process exits or gets SIGINT/SIGTERM, so an
// aborted run leaves nothing behind.
const groups = new Set<number>();
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
