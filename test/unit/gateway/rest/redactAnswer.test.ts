// redactAnswer skips the search of the parsed strings when the raw answer has no backslash and no form
// of the key: it must give exactly what the full search gives (the oracle below is the client's code
// before that shortcut, on the same string walkers) for keys and answers of every shape, with the key echoed or not.
import { allStrings, redactAnswer, redactDeep } from '../../../../nodes/Ip1Sms/gateway/rest/client';
import { redactSecret } from '../../../../nodes/Ip1Sms/helpers/redact';
import { KEY } from './stub';

/** The client's reading of an answer before the shortcut. */
function oracle(rawText: string, secret: string): { text: string; json: unknown } {
	const text = redactSecret(rawText, secret);
	const trimmed = rawText.trim();
	let json: unknown;
	try {
		json = trimmed ? JSON.parse(trimmed) : undefined;
	} catch {
		json = undefined;
	}
	if (json !== undefined) {
		const strings = allStrings(json).join('\n');
		if (redactSecret(strings, secret) !== strings) json = redactDeep(json, secret);
	}
	return { text, json };
}

const SECRETS = [KEY, 'abcDEF0123456789', 'ip1-bench-key', 'ΑΣ-key-σς', 'İstanbul-Key', 'two\nlines', 'back\\slash', 'quote"d', 'ä', 'K'];

/** Ways a key could stand in a string: as written, in other letter cases, encoded. */
function forms(secret: string): string[] {
	const xml = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return [secret, secret.toUpperCase(), secret.toLowerCase(), xml, encodeURIComponent(secret), Buffer.from(secret, 'utf8').toString('base64'), secret.slice(0, -1)];
}

const asciiEscaped = (json: string) => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Answers with `value` placed as a value, a key, inside text, split over two strings, escaped. */
function answers(value: string): string[] {
	const half = Math.floor(value.length / 2);
	const docs: unknown[] = [
		{ id: 'b1', note: value },
		[{ id: 'm1', recipient: '46701234567', body: `Hej ${value}!`, statuses: [{ code: 201, created: '2026-11-30T19:49:57Z' }] }],
		{ [value]: 1, ok: true },
		['x' + value.slice(0, half), value.slice(half) + 'y'],
		{ message: 'Unauthorized', detail: { header: `Bearer ${value}`, n: 401 } },
		'plain',
		{ nested: [[[{ deep: value }]]], nothing: null, number: 12.5 },
	];
	const out: string[] = [];
	for (const doc of docs) {
		const json = JSON.stringify(doc);
		out.push(json, asciiEscaped(json), JSON.stringify(doc, null, 2), ` ${json}\n`);
	}
	out.push(`not json ${value}`, '', '   ', `{"cut": "${value}`, value, `"${value}"`);
	return out;
}

describe('redactAnswer', () => {
	const cases: Array<[string, string]> = [];
	for (const secret of SECRETS) {
		for (const form of [...forms(secret), 'unrelated text', 'Hej Kund 0! Din order A-10000 är på väg.']) {
			for (const raw of answers(form)) cases.push([secret, raw]);
		}
	}

	it(`gives what the full search gives (${cases.length} answers)`, () => {
		let skipped = 0;
		let redacted = 0;
		for (const [secret, raw] of cases) {
			const got = redactAnswer(raw, secret);
			const want = oracle(raw, secret);
			expect({ secret, raw, ...got }).toEqual({ secret, raw, ...want });
			if (got.text !== raw) redacted++;
			else if (!raw.includes('\\') && got.json !== undefined) skipped++;
		}
		// both sides of the shortcut were walked
		expect(skipped).toBeGreaterThan(100);
		expect(redacted).toBeGreaterThan(100);
	});

	it('removes a key the raw text carries only escaped', () => {
		const raw = asciiEscaped(JSON.stringify({ echo: `Bearer ${KEY}` }));
		expect(raw).not.toContain(KEY);
		const { json } = redactAnswer(raw, KEY);
		expect(JSON.stringify(json)).not.toContain(KEY);
		expect(json).toEqual({ echo: 'Bearer ***' });
	});
});
