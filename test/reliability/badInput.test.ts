/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Bad input, table-driven: each case runs the node with a good item 0 and a bad item 1. The node must
// refuse with an error naming the field and the item, and the gateway must receive nothing at all
// (every item is checked before the first request).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { HarnessItem } from '../support/n8nCore';
import { ACCOUNT, startGateway, type Gateway } from '../integration/node/gateway';
import { LeakWatch } from './leaks';
import { recordFigures } from './report';

interface Case {
	name: string;
	/** the field's UI name, as the error must name it */
	field: string;
	params: INodeParameters;
	input: HarnessItem[];
	credentials?: IDataObject;
	/** credential errors concern the run, not an item */
	noItem?: boolean;
}

const future = Math.floor(Date.now() / 1000) + 7 * 86_400;
const png = (size: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(size - 8, 9)]);

// ---- SMS: Send / Send Flash / Schedule, every value from the item ----

const smsGood = { to: '46701234567', from: 'Shop', text: 'Hello there', prio: 2, at: future };
const smsParams = (operation = 'send', options: IDataObject = {}): INodeParameters => ({
	resource: 'sms',
	operation,
	to: '={{ $json.to }}',
	from: '={{ $json.from }}',
	message: '={{ $json.text }}',
	...(operation === 'schedule' ? { sendAt: '={{ $json.at }}' } : {}),
	options: { priority: '={{ $json.prio }}', ...options },
});
const sms = (name: string, field: string, bad: IDataObject, operation = 'send', options: IDataObject = {}): Case => ({
	name,
	field,
	params: smsParams(operation, options),
	input: [{ json: smsGood }, { json: { ...smsGood, ...bad } }],
});

// ---- Group: recipient list per item, and Combine Input Items ----

const listGood = { numbers: '46701234567, 46731234567', from: 'Club' };
const list = (name: string, field: string, bad: IDataObject, operation = 'send'): Case => ({
	name,
	field,
	params: {
		resource: 'groupSms',
		operation,
		mode: 'list',
		recipients: '={{ $json.numbers }}',
		from: '={{ $json.from }}',
		message: 'Training moved',
		...(operation === 'schedule' ? { sendAt: future } : {}),
	},
	input: [{ json: listGood }, { json: { ...listGood, ...bad } }],
});
const combine = (name: string, field: string, bad: IDataObject): Case => ({
	name,
	field,
	params: {
		resource: 'groupSms',
		operation: 'send',
		mode: 'combine',
		to: '={{ $json.phone }}',
		from: 'Shop',
		message: 'Hej {name}',
		templateFields: { field: [{ key: '{name}', value: '={{ $json.name }}' }] },
	},
	input: [{ json: { phone: '46701234567', name: 'Åsa' } }, { json: { phone: '46701234568', name: 'Bo', ...bad } }],
});

// ---- MMS ----

const mmsBinary = { data: { data: png(2000), mimeType: 'image/png', fileName: 'a.png' } };
const mms = (name: string, field: string, bad: IDataObject, binary: HarnessItem['binary'] | null = mmsBinary): Case => ({
	name,
	field,
	params: { resource: 'mms', operation: 'send', to: '={{ $json.to }}', from: '={{ $json.from }}', message: 'Ticket', binaryProperties: '={{ $json.files }}' },
	input: [
		{ json: { to: '46701234567', from: '46700000000', files: 'data' }, binary: mmsBinary },
		{ json: { to: '46701234567', from: '46700000000', files: 'data', ...bad }, binary: binary ?? undefined },
	],
});

// ---- reads: ids and codes ----

const read = (name: string, field: string, resource: string, operation: string, param: string, bad: string): Case => ({
	name,
	field,
	params: { resource, operation, [param]: '={{ $json.v }}' },
	input: [{ json: { v: resource === 'statusCode' ? '22' : '1234' } }, { json: { v: bad } }],
});

const credential = (name: string, field: string, credentials: IDataObject): Case => ({
	name,
	field,
	params: { resource: 'sms', operation: 'send', to: '46701234567', from: 'Shop', message: 'x' },
	input: [{ json: {} }],
	credentials,
	noItem: true,
});

const CASES: Case[] = [
	// numbers
	sms('number with letters', 'To', { to: '4670ABC4567' }),
	sms('number too short', 'To', { to: '4670123' }),
	sms('number too long', 'To', { to: '4670123456789012' }),
	sms('number without country code', 'To', { to: '070-123 45 67' }),
	sms('number with 00 and no country code', 'To', { to: '000701234567' }),
	sms('number empty', 'To', { to: '' }),
	sms('number of symbols only', 'To', { to: '+--' }),
	sms('number with letters (flash)', 'To', { to: 'call me' }, 'sendFlash'),
	sms('number without country code (schedule)', 'To', { to: '0701234567' }, 'schedule'),
	list('a list with one bad entry', 'Recipients', { numbers: '46701234567, 4670x, 46731234567' }),
	list('a list (array) with one bad entry', 'Recipients', { numbers: ['46701234567', '0701234567'] }),
	list('a list with a too short entry (schedule)', 'Recipients', { numbers: '46701234567;12345' }, 'schedule'),
	combine('a combined item with a bad number', 'Recipient', { phone: 'not a number' }),
	// sender
	sms('sender of 2 letters', 'From', { from: 'AB' }),
	sms('sender of 12 letters', 'From', { from: 'ABCDEFGHIJKL' }),
	sms('sender of 16 digits', 'From', { from: '4670123456789012' }),
	sms('sender with a symbol', 'From', { from: 'Shop!' }),
	sms('sender with a space', 'From', { from: 'My Shop' }),
	sms('sender with a Swedish letter', 'From', { from: 'Åhléns' }),
	sms('sender empty', 'From', { from: '' }),
	list('group sender with symbols', 'From', { from: '<Club>' }),
	// priority
	sms('prio 0', 'Priority', { prio: 0 }),
	sms('prio 4', 'Priority', { prio: 4 }),
	sms('prio as text', 'Priority', { prio: 'high' }),
	// schedule
	sms('send time in the past', 'Send At', { at: '2020-01-01T10:00:00' }, 'schedule'),
	sms('send time that is not a date', 'Send At', { at: 'next tuesday-ish' }, 'schedule'),
	sms('send time in 1970 (Unix 0)', 'Send At', { at: 0 }, 'schedule'),
	sms('send time in 1970 (ISO)', 'Send At', { at: '1970-01-01T00:00:00Z' }, 'schedule'),
	sms('send time after the year 9999', 'Send At', { at: 253402300800 }, 'schedule'),
	sms('send time with a 5-digit year', 'Send At', { at: '10000-01-01T00:00:00' }, 'schedule'),
	sms('send time 31 February', 'Send At', { at: '2099-02-31T10:00:00' }, 'schedule'),
	sms('send time empty', 'Send At', { at: '' }, 'schedule'),
	list('group send time in the past', 'Send At', {}, 'schedule'),
	// text
	sms('empty text', 'Message', { text: '' }),
	sms('whitespace-only text', 'Message', { text: '  \t\n  \r\n ' }),
	sms('text over SMS Parts (GSM)', 'Message', { text: 'x'.repeat(161) }, 'send', { maxSegments: 1 }),
	sms('text over SMS Parts (an emoji makes it UCS-2)', 'Message', { text: 'Hej 😀 '.repeat(12) }, 'send', { maxSegments: 1 }),
	sms('text with a NUL character', 'Message', { text: 'a\u0000b' }),
	sms('text with ESC', 'Message', { text: 'alarm \u001b[31m red' }),
	sms('text with a vertical tab', 'Message', { text: 'a\u000bb' }),
	sms('text with a form feed (GSM page break)', 'Message', { text: 'page\fbreak' }),
	sms('text with a lone surrogate', 'Message', { text: 'broken \ud83d emoji' }),
	sms('text with U+FFFF', 'Message', { text: 'x\uffffy' }),
	sms('text outside Latin-1 on the URL call', 'Message', { text: 'Hi 😀' }, 'send', { transport: 'url' }),
	sms('text outside Latin-1 on the URL call (Send Flash)', 'Message', { text: 'Cześć' }, 'sendFlash', { transport: 'url' }),
	list('group text with a control character', 'Message', { numbers: '46701234567' }),
	combine('a template value with a control character', 'Template Field', { name: 'B\u0002o' }),
	// MMS
	mms('MMS with a text sender', 'From', { from: 'Shop' }),
	mms('MMS sender of 16 digits', 'From', { from: '4670123456789012' }),
	mms('MMS files over 300 kB together', 'Input Binary Fields', { files: 'data, extra' }, {
		data: { data: png(160 * 1024), mimeType: 'image/png', fileName: 'a.png' },
		extra: { data: png(160 * 1024), mimeType: 'image/png', fileName: 'b.png' },
	}),
	mms('MMS with a missing binary property', 'Input Binary Fields', { files: 'data, extra' }),
	mms('MMS without any binary data', 'Input Binary Fields', {}, null),
	mms('MMS with no binary property named', 'Input Binary Fields', { files: ' , ' }),
	mms('MMS text with a control character', 'Message', { files: 'data' }),
	// bundles with no recipients
	list('bundle with no recipients (separators only)', 'Recipients', { numbers: ' , ; ' }),
	list('bundle with no recipients (empty list)', 'Recipients', { numbers: [] }),
	list('bundle with no recipients (empty text)', 'Recipients', { numbers: '' }),
	// reads
	read('SMS ID with letters', 'SMS ID', 'sms', 'getStatus', 'smsId', 'abc'),
	read('SMS ID that is a status code', 'SMS ID', 'sms', 'getScheduledTime', 'smsId', '22'),
	read('SMS ID empty (cancel)', 'SMS ID', 'sms', 'cancel', 'smsId', ''),
	read('Bundle ID with letters', 'Bundle ID', 'groupSms', 'getStatus', 'bundleId', 'b-1'),
	read('MMS ID that is a status code', 'MMS ID', 'mms', 'getStatus', 'mmsId', '12'),
	read('status code that is not a number', 'Status Code', 'statusCode', 'describe', 'code', 'abc'),
	read('status code of 4 digits', 'Status Code', 'statusCode', 'describe', 'code', '1000'),
	// credentials
	credential('Base URL with another scheme', 'Base URL', { baseUrl: 'ftp://example.com' }),
	credential('Base URL that is no URL', 'Base URL', { baseUrl: 'web.smscom.se' }),
	credential('Base URL empty', 'Base URL', { baseUrl: '' }),
	credential('Base URL with a space in the host', 'Base URL', { baseUrl: 'https://web sms.se' }),
	credential('Base URL without host', 'Base URL', { baseUrl: 'https://' }),
	credential('Account ID empty', 'Account ID', { accountId: '  ' }),
];

// the cases whose bad value is not in the item but in the parameters
function adjust(c: Case): Case {
	if (c.name === 'group send time in the past') return { ...c, params: { ...c.params, sendAt: '={{ $itemIndex === 1 ? "2001-01-01T00:00:00Z" : ' + future + ' }}' } };
	if (c.name === 'group text with a control character') return { ...c, params: { ...c.params, message: '={{ $itemIndex === 1 ? "x\\u0007y" : "ok" }}' } };
	if (c.name === 'MMS text with a control character') return { ...c, params: { ...c.params, message: '={{ $itemIndex === 1 ? "x\\u0008y" : "ok" }}' } };
	return c;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let gw: Gateway;
const watch = new LeakWatch(ACCOUNT.key);
let failures: string[] = [];

beforeAll(async () => {
	gw = await startGateway({ accounts: [{ ...ACCOUNT, balance: 1_000_000 }] });
});
afterAll(async () => {
	await gw.sim.stop();
	recordFigures('badInput', {
		cases: tried,
		sentToGateway: sent,
		failed: failures.length,
		keyScans: watch.runs,
		keyHits: watch.hits.length,
		notes: `${tried - failures.length} of ${tried} refused before any request, naming the field and the item; requests that reached the gateway: ${sent}`,
	});
});

let sent = 0;
let tried = 0;

describe('bad input is refused before anything is sent', () => {
	it('has at least 40 cases', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
		expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
	});

	it.each(CASES.map((c) => [c.name, adjust(c)] as const))('%s', async (_name, c) => {
		gw.sim.reset();
		const result = watch.scan(await gw.run(c.params, { input: c.input, credentials: c.credentials }), c.name);
		const requests = gw.sim.state().requestCount;
		tried++;
		sent += requests;
		const message = String(result.error?.message);
		const problems: string[] = [];
		if (!result.error) problems.push('no error');
		if (!new RegExp(`\\b${esc(c.field)}\\b`).test(message)) problems.push(`the error does not name ${c.field}`);
		if (!c.noItem && !/ \[item 1\]$/.test(message)) problems.push('the error does not name item 1');
		if (requests !== 0) problems.push(`the gateway received ${requests} request(s)`);
		if (problems.length) failures.push(`${c.name}: ${problems.join('; ')}`);
		expect({ message, requests, problems }).toEqual({ message, requests: 0, problems: [] });
	});

	it('with Continue On Fail, the bad items come back as errors and only the good ones are sent', async () => {
		gw.sim.reset();
		const itemCases = CASES.map(adjust).filter((c) => c.params.resource === 'sms' && c.params.operation === 'send' && !c.noItem && !(c.params.options as IDataObject)?.transport);
		let expectedSent = 0;
		for (const c of itemCases) {
			const result = watch.scan(await gw.run(c.params, { input: c.input, credentials: c.credentials, continueOnFail: true }), c.name);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.id).toBeDefined();
			expect(result.items[1].json.error).toMatch(new RegExp(`${esc(c.field)}.* \\[item 1\\]$`));
			expectedSent++;
		}
		expect(itemCases.length).toBeGreaterThan(20);
		expect(gw.sim.state().accepted).toBe(expectedSent);
	});

	it('leaks the API key in none of those runs', () => {
		expect(watch.runs).toBeGreaterThan(CASES.length);
		expect(watch.hits).toEqual([]);
	});
});
