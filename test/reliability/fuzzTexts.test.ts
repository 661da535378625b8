/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// 10,000 random message texts through the node (in n8n-core) to the simulator: each is stored exactly as
// written (line breaks as LF), or refused before sending with an error naming Message and the item.
// Then texts that try to break out of the SOAP envelope: they must arrive as plain text.
import type { INodeParameters } from 'n8n-workflow';

import type { MessageRecord } from '../../simulator/types';
import { ACCOUNT, items, startGateway, type Gateway } from '../integration/node/gateway';
import { LeakWatch } from './leaks';
import { recordFigures } from './report';
import { generateTexts, hasUncarriable, storedForm } from './textGenerator';

function latin1Only(text: string) {
	const kept = Array.from(text).filter((c) => (c.codePointAt(0) as number) <= 0xff).join('') || 'x';
	return { text: kept, uncarriable: hasUncarriable(kept) };
}

const PER_RUN = 1000;
const number = (run: number, i: number) => `467${run}${String(i).padStart(7, '0')}`;

interface Run {
	name: string;
	params: INodeParameters;
	/** the field a refusal names */
	field: RegExp;
	url?: boolean;
}

const textParams = (operation: string, options: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation,
	to: '={{ $json.to }}',
	from: 'Fuzz',
	message: '={{ $json.text }}',
	...(operation === 'schedule' ? { sendAt: Math.floor(Date.now() / 1000) + 86_400 } : {}),
	options: { parallelRequests: 10, ...options },
});

const RUNS: Run[] = [
	...Array.from({ length: 6 }, (_, k): Run => ({ name: `SMS Send (SOAP) #${k + 1}`, params: textParams('send'), field: /^Message /, url: false })),
	{ name: 'SMS Send Flash (SOAP)', params: textParams('sendFlash'), field: /^Message / },
	{ name: 'SMS Schedule (SOAP)', params: textParams('schedule'), field: /^Message / },
	{
		name: 'Group Send, Combine: the text as a template value',
		params: {
			resource: 'groupSms',
			operation: 'send',
			mode: 'combine',
			to: '={{ $json.to }}',
			from: 'Fuzz',
			message: '{text}',
			templateFields: { field: [{ key: '{text}', value: '={{ $json.text }}' }] },
		},
		// a character XML cannot carry is found in the template value; an all-blank value leaves the message empty
		field: /^(Template Field "\{text\}" contains|Message is empty)/,
	},
	{ name: 'SMS Send (URL call, ISO-8859-1)', params: textParams('send', { transport: 'url' }), field: /^Message /, url: true },
];

const watch = new LeakWatch(ACCOUNT.key);
const figures = { cases: 0, carried: 0, refused: 0, mismatched: 0, lost: 0, doubled: 0, literalPercent0a: 0 };
const envelope = { cases: 0, plain: 0, failed: 0, lost: 0, doubled: 0, toOthers: 0 };

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway({ accounts: [{ ...ACCOUNT, balance: 100_000_000 }] });
});
afterAll(async () => {
	await gw.sim.stop();
	recordFigures('fuzzTexts', {
		cases: figures.cases,
		lost: figures.lost,
		doubled: figures.doubled,
		failed: figures.mismatched,
		carried: figures.carried,
		refused: figures.refused,
		literalPercent0a: figures.literalPercent0a,
		keyScans: watch.runs,
		keyHits: watch.hits.length,
		notes: `${figures.carried} stored byte-exact, ${figures.refused} refused before sending (XML cannot carry them, blank, or not Latin-1 on the URL call)`,
	});
	recordFigures('envelope', {
		cases: envelope.cases,
		lost: envelope.lost,
		doubled: envelope.doubled,
		failed: envelope.failed,
		plainText: envelope.plain,
		toOtherRecipients: envelope.toOthers,
		notes: `${envelope.plain} of ${envelope.cases} arrived unchanged as plain text; ${envelope.toOthers} messages to a number not in the input`,
	});
});

describe(`${(RUNS.length * PER_RUN).toLocaleString('en-US')} random texts through the node`, () => {
	it.each(RUNS.map((r, k) => [r.name, r, k] as const))('%s: 1,000 texts stored byte-exact or refused with a clear error', async (_name, run, k) => {
		gw.sim.reset();
		// the URL call carries ISO-8859-1 only: keep six in seven of its texts within Latin-1
		const texts = generateTexts(9_000 + k, PER_RUN).map((t, i) => (run.url && i % 7 !== 0 ? latin1Only(t.text) : t));
		const input = texts.map((t, i) => ({ to: number(k, i), text: t.text }));
		const result = watch.scan(await gw.run(run.params, { input: items(...input), continueOnFail: true }), run.name);
		expect(result.error).toBeUndefined();

		const state = gw.sim.state();
		const byNumber = new Map<string, MessageRecord[]>();
		for (const m of state.messages) byNumber.set(m.to, [...(byNumber.get(m.to) ?? []), m]);
		const problems: string[] = [];
		let carried = 0;
		texts.forEach(({ text, uncarriable }, i) => {
			figures.cases++;
			if (/%0a/i.test(text)) figures.literalPercent0a++;
			const out = result.items.find((item) => (item.pairedItem as { item: number }).item === i)?.json ?? {};
			const stored = byNumber.get(number(k, i)) ?? [];
			const outsideLatin1 = run.url === true && /[^\u0000-\u00ff]/.test(text);
			const ambiguous = run.url === true && !outsideLatin1 && readsAsUtf8(storedForm(text).replace(/\n/g, '%0a'));
			const refuse = uncarriable || text.trim() === '' || outsideLatin1 || ambiguous;
			const show = JSON.stringify(text);
			if (stored.length > 1) figures.doubled += stored.length - 1;
			if (refuse) {
				figures.refused++;
				const field = uncarriable || text.trim() === '' ? run.field : outsideLatin1 ? /^Message has ".+" \(position \d+\), which the URL call cannot send \[item \d+\]$/s : /^Message would arrive changed over the URL call \[item \d+\]$/;
				if (!(field.test(String(out.error)) && String(out.error).endsWith(` [item ${i}]`))) problems.push(`item ${i} ${show}: expected a refusal naming the field and the item, got ${JSON.stringify(out)}`);
				if (stored.length) problems.push(`item ${i} ${show}: refused, but the gateway stored ${JSON.stringify(stored.map((m) => m.text))}`);
				return;
			}
			if (out.error !== undefined) problems.push(`item ${i} ${show}: refused without reason: ${out.error}`);
			if (stored.length === 0) {
				figures.lost++;
				problems.push(`item ${i} ${show}: not stored`);
				return;
			}
			const want = storedForm(text);
			if (stored[0].text !== want) problems.push(`item ${i} ${show}: stored ${JSON.stringify(stored[0].text)}, expected ${JSON.stringify(want)}`);
			else carried++;
			if (out.id !== undefined && out.id !== stored[0].id) problems.push(`item ${i}: output id ${out.id}, stored ${stored[0].id}`);
		});
		figures.carried += carried;
		figures.mismatched += problems.length;
		expect(state.accepted).toBe(state.messages.length);
		expect(problems.slice(0, 10)).toEqual([]);
		expect(problems).toHaveLength(0);
		// a useful mix: most texts carried, a good number refused
		expect(carried).toBeGreaterThan(PER_RUN * 0.4);
	}, 120_000);

	it('uses the whole GSM 03.38 table, Swedish letters, surrogate pairs, XML specials and control characters', () => {
		const all = generateTexts(9_000, PER_RUN).map((t) => t.text).join('');
		const gsm = '@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€\f\n\r ';
		expect([...gsm].filter((c) => !all.includes(c))).toEqual([]);
		for (const piece of ['😀', '🇸🇪', ']]>', '</meddelande>', '&amp;', '\u0000', '\u001b', '\ud800', '\uffff', '\t']) expect([piece, all.includes(piece)]).toEqual([piece, true]);
	});

	it('URL call: a Latin-1 text whose bytes also read as UTF-8 is refused before sending (the gateway accepts UTF-8 too)', async () => {
		// The node sends ISO-8859-1 bytes, as the manual says ("Ã¤" is %C3%A4); the gateway also accepts
		// UTF-8, so such a text would arrive as "ä". The node refuses it and points to the SOAP transport.
		gw.sim.reset();
		const texts = ['Ã¤r', 'Â£5 per SMS', 'CafÃ© Ã¶l', 'Café öl på Åre'];
		const result = watch.scan(await gw.run(textParams('send', { transport: 'url' }), { input: items(...texts.map((text, i) => ({ to: number(0, i), text }))), continueOnFail: true }), 'latin1');
		expect(result.error).toBeUndefined();
		for (const i of [0, 1, 2]) expect(String(result.items[i].json.error)).toMatch(new RegExp(`^Message would arrive changed over the URL call.* \\[item ${i}\\]$`));
		expect(gw.sim.state().messages.map((m) => m.text)).toEqual(['Café öl på Åre']);
	});

	it('a literal "%0a" in a text is a line break, as the manual defines it', async () => {
		// The manual writes line breaks as %0a, so the gateway reads every %0a as one (documented in the README).
		gw.sim.reset();
		const text = 'Rabatt 100%0a på allt, kod %0A1';
		const result = watch.scan(await gw.run(textParams('send'), { input: items({ to: '46701234567', text }), continueOnFail: true }), 'percent');
		expect(result.items[0].json.error).toBeUndefined();
		expect(gw.sim.state().messages[0].text).toBe('Rabatt 100\n på allt, kod \n1');
	});
});

describe('texts that try to break out of the SOAP envelope arrive as plain text', () => {
	const ATTACKER = '46700000666';
	const BREAKOUTS = [
		`</meddelande><till>${ATTACKER}</till><meddelande>pwned`,
		`</meddelande></sms><sms xmlns="http://tempuri.org/"><konto>ip1-12345</konto><till>${ATTACKER}</till><meddelande>x`,
		`]]><till>${ATTACKER}</till><![CDATA[`,
		`<![CDATA[</meddelande><till>${ATTACKER}</till>]]>`,
		'</soap:Body></soap:Envelope><soap:Envelope><soap:Body>',
		'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
		'&lt;till&gt;46700000666&lt;/till&gt; &amp;amp; &#60;b&#62;',
		'<!-- </meddelande> -->',
		`"'><till>${ATTACKER}</till>`,
		'<prio>3</prio><from>Bank</from>',
		'<passwd>steal</passwd>&#x26;',
		'%3C/meddelande%3E <till>',
		'\t<meddelande>\t</meddelande>\t',
	];

	const runs: Array<{ name: string; params: INodeParameters; input: ReturnType<typeof items>; stored: () => Array<{ to: string; text: string; from: string }> }> = [];
	const sms = () => gw.sim.state().messages.map((m) => ({ to: m.to, text: m.text, from: m.from }));
	runs.push({ name: 'SMS Send', params: textParams('send'), input: items(...BREAKOUTS.map((text, i) => ({ to: number(0, i), text }))), stored: sms });
	runs.push({ name: 'SMS Send (URL call)', params: textParams('send', { transport: 'url' }), input: items(...BREAKOUTS.map((text, i) => ({ to: number(0, i), text }))), stored: sms });
	runs.push({
		name: 'Group Send, list',
		params: { resource: 'groupSms', operation: 'send', mode: 'list', recipients: '={{ $json.to }}', from: 'Fuzz', message: '={{ $json.text }}' },
		input: items(...BREAKOUTS.map((text, i) => ({ to: number(0, i), text }))),
		stored: sms,
	});
	runs.push({
		name: 'Group Send, combine (template key and value)',
		params: {
			resource: 'groupSms',
			operation: 'send',
			mode: 'combine',
			to: '={{ $json.to }}',
			from: 'Fuzz',
			message: `</Key><Value>${ATTACKER}</Value> {v}`,
			templateFields: { field: [{ key: `</Key><Value>${ATTACKER}</Value>`, value: '={{ $json.text }}' }, { key: '{v}', value: '={{ $json.text }}' }] },
		},
		input: items(...BREAKOUTS.map((text, i) => ({ to: number(0, i), text }))),
		stored: sms,
	});
	runs.push({
		name: 'MMS Send',
		params: { resource: 'mms', operation: 'send', to: '={{ $json.to }}', from: '46700000000', message: '={{ $json.text }}', binaryProperties: 'data' },
		input: BREAKOUTS.map((text, i) => ({ json: { to: number(0, i), text }, binary: { data: { data: Buffer.from('GIF89a'), mimeType: 'image/gif', fileName: '<File&Name>"x".gif' } } })),
		stored: () => gw.sim.state().mms.map((m) => ({ to: m.to, text: m.text, from: m.from })),
	});

	it.each(runs.map((r) => [r.name, r] as const))('%s', async (name, run) => {
		gw.sim.reset();
		const result = watch.scan(await gw.run(run.params, { input: run.input }), name);
		expect(result.error).toBeUndefined();
		const stored = run.stored();
		const expected = run.input.map(({ json }) => {
			const text = String(json.text);
			return {
				to: json.to,
				text: name.startsWith('Group Send, combine') ? `${text} ${text}` : text,
				from: name === 'MMS Send' ? '46700000000' : 'Fuzz',
			};
		});
		// counted per item from what the gateway stored: these are the section's figures
		envelope.cases += expected.length;
		for (const want of expected) {
			const got = stored.filter((m) => m.to === want.to);
			if (got.length === 0) envelope.lost++;
			envelope.doubled += Math.max(0, got.length - 1);
			if (got.length === 1 && JSON.stringify(got[0]) === JSON.stringify(want)) envelope.plain++;
			else envelope.failed++;
		}
		envelope.toOthers += stored.filter((m) => !expected.some((want) => want.to === m.to)).length;
		expect(stored).toEqual(expected);
		expect(stored.some((m) => m.to === ATTACKER)).toBe(false);
		if (name === 'MMS Send') expect(gw.sim.state().mms.map((m) => m.files)).toEqual(stored.map(() => [{ name: '<File&Name>"x".gif', contentType: 'image/gif', size: 6 }]));
	});

	it('leaks the API key in none of the runs of this file', () => {
		expect(watch.runs).toBeGreaterThanOrEqual(RUNS.length + runs.length);
		expect(watch.hits).toEqual([]);
	});
});

/** Independent of the node's own check: Latin-1 bytes that a strict UTF-8 decoder accepts, with a non-ASCII byte. */
function readsAsUtf8(latin1: string): boolean {
	if (!/[\u0080-\u00ff]/.test(latin1)) return false;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(latin1, 'latin1'));
		return true;
	} catch {
		return false;
	}
}
