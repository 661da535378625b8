/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Runs after the e2e suite (see package.json "test"): n8n's log, its database (every execution record,
// node output and error) and the demo's log must not hold any API key the tests used, in any form.
import fs from 'node:fs';
import path from 'node:path';

import { secretForms } from '../reliability/leaks';
import { E2E_ACCOUNT } from '../e2e/support/ip1';

const results = path.resolve(__dirname, '..', '..', 'test-results');
// the e2e account's key, the wrong key of the rejection tests, the demo's key
const KEYS = [E2E_ACCOUNT.key, 'not-the-key', 'test-api-key'];

const artefacts = [
	path.join(results, 'e2e-n8n.log'),
	path.join(results, 'demo', 'n8n.log'),
	...(fs.existsSync(path.join(results, 'e2e-db')) ? fs.readdirSync(path.join(results, 'e2e-db')).map((f) => path.join(results, 'e2e-db', f)) : []),
].filter((file) => fs.existsSync(file));

it('the e2e run left its artefacts to search (n8n log and database)', () => {
	expect(artefacts.some((f) => f.endsWith('e2e-n8n.log'))).toBe(true);
	expect(artefacts.some((f) => /database\.sqlite$/.test(f))).toBe(true);
	// the database does hold the e2e executions, so a search there means something; n8n 2.41 may leave
	// the newest pages in the write-ahead log (database.sqlite-wal) when it stops
	const db = artefacts.filter((f) => /database\.sqlite(-wal)?$/.test(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('\n');
	expect(db).toContain('iP.1 rejected the message: wrong account ID or API key (code 101)');
});

it.each(artefacts.map((f) => [path.relative(results, f), f]))('%s holds no API key in any form', (_name, file) => {
	const raw = fs.readFileSync(file);
	const text = `${raw.toString('latin1')}\n${raw.toString('utf8')}`.toLowerCase();
	const hits = KEYS.flatMap((key) => secretForms(key).filter((form) => text.includes(form.toLowerCase())).map((form) => `${key} as "${form}"`));
	expect(hits).toEqual([]);
});
