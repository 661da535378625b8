/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The processes a test started, read from /proc: to prove that a stopped demo leaves nothing behind.
import fs from 'node:fs';

/** Every process below `pid` (by parent id, so also the ones in their own process groups, such as n8n). */
export function descendants(pid: number): Array<{ pid: number; command: string }> {
	const children = new Map<number, number[]>();
	const commands = new Map<number, string>();
	for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
			commands.set(Number(entry), fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim());
		} catch {
			// ended while we looked
		}
	}
	const found: Array<{ pid: number; command: string }> = [];
	const walk = (p: number) => {
		for (const child of children.get(p) ?? []) {
			found.push({ pid: child, command: commands.get(child) ?? '' });
			walk(child);
		}
	};
	walk(pid);
	return found;
}

export function alive(pid: number): boolean {
	try {
		const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return state.slice(state.lastIndexOf(')') + 2, state.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

export async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return true;
}

/** SIGKILL to `started`, to every process still below `pid`, and to `pid`'s process group: nothing a test started outlives it. */
export function killTree(pid: number, started: Array<{ pid: number }> = []): void {
	for (const p of [...started, ...descendants(pid)]) {
		try {
			process.kill(p.pid, 'SIGKILL');
		} catch {}
	}
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {}
}
