/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Resident memory of a process (Linux /proc): the kernel's high-water mark (VmHWM), which can be reset
// (`echo 5 > /proc/<pid>/clear_refs`, root or the same user), and a sampler of the whole process tree
// (n8n's task runners are child processes).
import fs from 'node:fs';

function statusField(pid: number, field: string): number | undefined {
	try {
		const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

export const rssBytes = (pid: number) => statusField(pid, 'VmRSS');
export const peakRssBytes = (pid: number) => statusField(pid, 'VmHWM');

/** Resets the process's VmHWM to its current RSS; false when the kernel does not allow it. */
export function resetPeakRss(pid: number): boolean {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** The process and all its descendants. */
export function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid)!.push(Number(entry));
		} catch {
			// gone
		}
	}
	const out: number[] = [];
	const walk = (pid: number) => {
		out.push(pid);
		for (const c of children.get(pid) ?? []) walk(c);
	};
	walk(root);
	return out;
}

export interface MemorySample {
	/** highest RSS of the main process seen by the sampler */
	mainPeak: number;
	/** highest sum of the RSS of the whole tree seen by the sampler */
	treePeak: number;
	samples: number;
}

/** Samples RSS every `intervalMs` until stop() is called. */
export function sampleMemory(mainPid: number, intervalMs = 20): { stop(): MemorySample } {
	const result: MemorySample = { mainPeak: 0, treePeak: 0, samples: 0 };
	let tree = processTree(mainPid);
	let ticks = 0;
	const tick = () => {
		if (++ticks % 25 === 0) tree = processTree(mainPid);
		let total = 0;
		for (const pid of tree) {
			const rss = rssBytes(pid) ?? 0;
			if (pid === mainPid) result.mainPeak = Math.max(result.mainPeak, rss);
			total += rss;
		}
		result.treePeak = Math.max(result.treePeak, total);
		result.samples++;
	};
	tick();
	const timer = setInterval(tick, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			tick();
			return result;
		},
	};
}
