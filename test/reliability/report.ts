/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Figures of the reliability suite: each test file adds its section, all end up in test-results/reliability.json.
// `node scripts/node24.js "tsx test/reliability/report.ts"` prints the README table from that file.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Figures {
	/** what was tried, e.g. 120 fault injections */
	cases: number;
	/** messages the gateway should have received but did not (or incoming SMS not handed over) */
	lost: number;
	/** messages the gateway received more than once */
	doubled: number;
	/** cases that failed their check (0 when the suite passed) */
	failed: number;
	/** node runs searched for the API key, and runs in which it was found */
	keyScans?: number;
	keyHits?: number;
	/** anything worth a line in the table */
	notes?: string;
	[extra: string]: unknown;
}

const DIR = resolve(__dirname, '../../test-results');
const PARTS = join(DIR, 'reliability-parts');
const FILE = join(DIR, 'reliability.json');
const LOCK = join(DIR, '.reliability.lock');

function sleepSync(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Jest runs the test files in parallel workers: the merge is done under a directory lock. */
function withLock(fn: () => void): void {
	for (let tries = 0; ; tries++) {
		try {
			mkdirSync(LOCK);
			break;
		} catch {
			// a lock older than 10 s belongs to a worker that died
			try {
				if (Date.now() - statSync(LOCK).mtimeMs > 10_000) rmdirSync(LOCK);
			} catch {}
			if (tries > 200) throw new Error(`could not lock ${LOCK}`);
			sleepSync(25);
		}
	}
	try {
		fn();
	} finally {
		rmdirSync(LOCK);
	}
}

/** Records the figures of one section (e.g. 'faults') and rewrites test-results/reliability.json. */
export function recordFigures(section: string, figures: Figures): void {
	mkdirSync(PARTS, { recursive: true });
	writeFileSync(join(PARTS, `${section}.json`), JSON.stringify({ ...figures, at: new Date().toISOString() }, null, 1));
	withLock(() => {
		const sections: Record<string, unknown> = {};
		for (const name of readdirSync(PARTS).sort()) {
			if (name.endsWith('.json')) sections[name.slice(0, -5)] = JSON.parse(readFileSync(join(PARTS, name), 'utf8'));
		}
		const tmp = `${FILE}.${process.pid}.tmp`;
		writeFileSync(tmp, JSON.stringify({ sections }, null, 1));
		renameSync(tmp, FILE);
	});
}

const TITLES: Record<string, string> = {
	faults: 'Faults injected through the node (8 kinds × 9 send and 6 status actions)',
	badInput: 'Bad inputs tried (refused before sending)',
	fuzzReader: 'SOAP answers read, compared with xml2js',
	fuzzTexts: 'Random message texts sent through the node',
	envelope: 'Texts trying to break out of the SOAP envelope',
	secrets: 'Leak hunt: URL-call faults, unreachable gateway, wrong credentials, a gateway echoing the request',
	triggerLoad: 'Incoming-SMS callbacks under load (real n8n)',
	triggerDuplicates: 'Duplicate callbacks of one incsmsid (real n8n)',
	triggerSecrets: 'Callbacks with a wrong or missing secret (real n8n)',
	triggerMalformed: 'Malformed callback requests (real n8n)',
};

/** The README table, from test-results/reliability.json. */
export function renderTable(file = FILE): string {
	const { sections } = JSON.parse(readFileSync(file, 'utf8')) as { sections: Record<string, Figures> };
	const rows = ['| What | Cases | Lost | Doubled | Failed | Notes |', '|---|---:|---:|---:|---:|---|'];
	for (const [name, f] of Object.entries(sections)) {
		rows.push(`| ${TITLES[name] ?? name} | ${f.cases.toLocaleString('en-US')} | ${f.lost} | ${f.doubled} | ${f.failed} | ${f.notes ?? ''} |`);
	}
	const scans = Object.values(sections).reduce((n, f) => n + Number(f.keyScans ?? 0), 0);
	const hits = Object.values(sections).reduce((n, f) => n + Number(f.keyHits ?? 0), 0);
	rows.push(`| API key searched in every node run of the suite (output, errors, execution record) | ${scans.toLocaleString('en-US')} | – | – | ${hits} | runs in which the key was found: ${hits} |`);
	return rows.join('\n');
}

if (require.main === module) console.log(renderTable());
