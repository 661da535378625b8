/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Bad input on every REST action: refused before any request (the simulator sees none), with an
// error that names the field and the item. Each case puts the bad value on the second of two items,
// so "before any request" also covers the good item before it.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { items, startRestGateway, type RestGateway } from './restGateway';

jest.setTimeout(60_000);

let gw: RestGateway;
beforeAll(async () => {
	gw = await startRestGateway();
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

interface Case {
	name: string;
	parameters: INodeParameters;
	/** the second item's JSON (the first holds good values) */
	bad: IDataObject;
	good: IDataObject;
	/** the message without the trailing ` [item 1]` */
	message: RegExp;
	/** the error's description (the how-to-fix), when the case checks it */
	description?: string;
}

const GOOD_PHONE = { phone: '46701234567' };
const conversation = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'conversation',
	operation,
	phoneNumber: '={{ $json.phone }}',
	...(operation === 'getMessages' ? { direction: 'all', returnAll: true } : {}),
	...extra,
});
const HOW = 'Write the number with the country code first, e.g. 46701234567 or +46701234567.';
const phoneCases = (label: string, parameters: INodeParameters): Case[] => [
	{ name: `${label}: empty number`, parameters, good: GOOD_PHONE, bad: { phone: '' }, message: /^Phone Number is empty \[item 1\]$/, description: `Enter a phone number. ${HOW}` },
	{ name: `${label}: national number`, parameters, good: GOOD_PHONE, bad: { phone: '070-123 45 67' }, message: /^Phone Number "070-123 45 67" has no country code \[item 1\]$/, description: 'Drop the leading 0 and put the country code first: for a Swedish number write 46701234567 or +46701234567.' },
	{ name: `${label}: letters`, parameters, good: GOOD_PHONE, bad: { phone: 'call me' }, message: /^Phone Number "call me" is not a phone number \[item 1\]$/, description: `It contains letters: use digits only. ${HOW}` },
	{ name: `${label}: too short`, parameters, good: GOOD_PHONE, bad: { phone: '+46 12' }, message: /^Phone Number "\+46 12" is too short \(4 digits\) \[item 1\]$/, description: `A phone number with country code has at least 8 digits. ${HOW}` },
	{ name: `${label}: too long`, parameters, good: GOOD_PHONE, bad: { phone: '4670123456789012' }, message: /^Phone Number "4670123456789012" is too long \(16 digits\) \[item 1\]$/, description: `A phone number has at most 15 digits, country code included. ${HOW}` },
	{ name: `${label}: country code 0`, parameters, good: GOOD_PHONE, bad: { phone: '+046701234567' }, message: /^Phone Number "\+046701234567" has no country code \[item 1\]$/, description: `Country codes never start with 0. ${HOW}` },
	{ name: `${label}: a letter O for a zero`, parameters, good: GOOD_PHONE, bad: { phone: '46701234O67' }, message: /^Phone Number "46701234O67" is not a phone number \[item 1\]$/, description: `It contains letters: use digits only. ${HOW}` },
	{ name: `${label}: a hash`, parameters, good: GOOD_PHONE, bad: { phone: '46701234567#' }, message: /^Phone Number "46701234567#" is not a phone number \[item 1\]$/, description: `It contains "#": use digits only. ${HOW}` },
];
const sender = (operation: string): INodeParameters => ({ resource: 'sender', operation, sender: '={{ $json.sender }}' });
const GOOD_SENDER = { sender: 'Acme' };
const SENDER_RULE =
	'A sender is 3–11 letters or digits (A–Z, a–z, 0–9; no spaces or other characters), e.g. MyShop, or a phone number of 3–15 digits, with country code if recipients should be able to reply.';
const senderCases = (operation: string): Case[] => [
	{ name: `Sender → ${operation}: empty`, parameters: sender(operation), good: GOOD_SENDER, bad: { sender: ' ' }, message: /^Sender is empty \[item 1\]$/, description: SENDER_RULE },
	{ name: `Sender → ${operation}: a space`, parameters: sender(operation), good: GOOD_SENDER, bad: { sender: 'My Shop' }, message: /^Sender "My Shop" contains a space \[item 1\]$/, description: SENDER_RULE },
	{ name: `Sender → ${operation}: too short`, parameters: sender(operation), good: GOOD_SENDER, bad: { sender: 'AB' }, message: /^Sender "AB" has 2 characters, not 3–11 \[item 1\]$/, description: SENDER_RULE },
	{ name: `Sender → ${operation}: too long`, parameters: sender(operation), good: GOOD_SENDER, bad: { sender: 'ABCDEFGHIJKL' }, message: /^Sender "ABCDEFGHIJKL" has 12 characters, not 3–11 \[item 1\]$/, description: SENDER_RULE },
	{ name: `Sender → ${operation}: a letter outside A–Z`, parameters: sender(operation), good: GOOD_SENDER, bad: { sender: 'Åhléns' }, message: /^Sender "Åhléns" contains "Å" \[item 1\]$/, description: SENDER_RULE },
	{ name: `Sender → ${operation}: a number of 16 digits`, parameters: sender(operation), good: GOOD_SENDER, bad: { sender: '+4670123456789012' }, message: /^Sender "\+4670123456789012" has 16 digits, not 3–15 \[item 1\]$/, description: SENDER_RULE },
];
const paging = (resource: string, operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource,
	operation,
	returnAll: '={{ $json.all }}',
	limit: '={{ $json.limit }}',
	...extra,
});
const LIMIT_FIX = 'Set Limit to how many results to return, or switch on Return All.';
const pagingCases = (label: string, parameters: INodeParameters, good: IDataObject = {}): Case[] => [
	{ name: `${label}: Limit 0`, parameters, good: { ...good, all: false, limit: 5 }, bad: { ...good, all: false, limit: 0 }, message: /^Limit must be a whole number of 1 or more, not "0" \[item 1\]$/, description: LIMIT_FIX },
	{ name: `${label}: Limit negative`, parameters, good: { ...good, all: false, limit: 5 }, bad: { ...good, all: false, limit: -5 }, message: /^Limit must be a whole number of 1 or more, not "-5" \[item 1\]$/, description: LIMIT_FIX },
	{ name: `${label}: Limit a fraction`, parameters, good: { ...good, all: false, limit: 5 }, bad: { ...good, all: false, limit: 2.5 }, message: /^Limit must be a whole number of 1 or more, not "2\.5" \[item 1\]$/, description: LIMIT_FIX },
	{ name: `${label}: Limit a word`, parameters, good: { ...good, all: false, limit: 5 }, bad: { ...good, all: false, limit: 'ten' }, message: /^Limit must be a whole number of 1 or more, not "ten" \[item 1\]$/, description: LIMIT_FIX },
	{ name: `${label}: Limit missing`, parameters, good: { ...good, all: false, limit: 5 }, bad: { ...good, all: false }, message: /^Limit is empty \[item 1\]$/, description: LIMIT_FIX },
	{ name: `${label}: Return All not a boolean`, parameters, good: { ...good, all: true }, bad: { ...good, all: 'yes' }, message: /^Return All must be true or false, not "yes" \[item 1\]$/, description: 'Switch Return All on or off, or map true or false.' },
];

const cases: Case[] = [
	...phoneCases('Conversation → Get Messages', conversation('getMessages')),
	...phoneCases('Conversation → Get Summary', conversation('getSummary')).slice(0, 3),
	{
		name: 'Conversation → Get Messages: unknown Direction',
		parameters: conversation('getMessages', { direction: '={{ $json.direction }}' }),
		good: { ...GOOD_PHONE, direction: 'incoming' },
		bad: { ...GOOD_PHONE, direction: 'sideways' },
		message: /^Direction must be all, incoming or outgoing, not "sideways" \[item 1\]$/,
		description: 'Choose All, Incoming or Outgoing.',
	},
	...pagingCases('Conversation → Get Messages', conversation('getMessages', { returnAll: '={{ $json.all }}', limit: '={{ $json.limit }}' }), GOOD_PHONE),
	...senderCases('register'),
	...senderCases('remove').slice(0, 3),
	...phoneCases('Blacklist → Add', { resource: 'blacklist', operation: 'add', phoneNumber: '={{ $json.phone }}' }).slice(0, 4),
	...phoneCases('Blacklist → Remove', { resource: 'blacklist', operation: 'remove', phoneNumber: '={{ $json.phone }}' }).slice(1, 3),
	...pagingCases('Blacklist → Get Many', paging('blacklist', 'getAll')),
];

// SMS, Batch (the node's other REST actions): the value under test comes from `$json.v`.
const BATCH_ID = '5bc86b6e85c7209830f96936';
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const sms = (extra: INodeParameters): INodeParameters => ({ resource: 'sms', operation: 'send', to: '46701234567', from: 'iP1', message: 'Hej', ...extra });
const batch = (extra: INodeParameters): INodeParameters => ({ resource: 'batch', operation: 'send', mode: 'list', recipients: '46701234567', from: 'iP1', message: 'Hej', ...extra });
const V = '={{ $json.v }}';
const otherCase = (name: string, parameters: INodeParameters, good: string | number, bad: string | number, message: RegExp, description?: string): Case => ({ name, parameters, good: { v: good }, bad: { v: bad }, message, description });
const REST_ID_FIX = (field: string) => `Map ${field} from the output of the send (24 letters and digits, e.g. 5bc86b6e85c7209830f96936).`;
const DATE_HINT =
	'Use an ISO 8601 date and time such as 2026-07-01T14:30:00+02:00, a local time such as 2026-07-01 14:30 (read in the workflow time zone) or Unix seconds.';
const otherCases: Case[] = [
	otherCase('SMS → Send: To national', sms({ to: V }), '46701234567', '0701234567', /^To "0701234567" has no country code \[item 1\]$/, 'Drop the leading 0 and put the country code first: for a Swedish number write 46701234567 or +46701234567.'),
	otherCase('SMS → Send: To empty', sms({ to: V }), '46701234567', '', /^To is empty \[item 1\]$/, `Enter a phone number. ${HOW}`),
	otherCase('SMS → Send: From with a space', sms({ from: V }), 'iP1', 'My Shop', /^From "My Shop" contains a space \[item 1\]$/, SENDER_RULE),
	otherCase('SMS → Send: Message only spaces', sms({ message: V }), 'Hej', '   ', /^Message is empty/),
	otherCase('SMS → Send: Message over SMS Parts', sms({ message: V, options: { maxSegments: 1 } }), 'Hej', 'x'.repeat(200), /^Message needs 2 SMS parts, more than SMS Parts \(1\)/),
	otherCase('SMS → Send: emoji with Character Set GSM', sms({ message: V, options: { characterSet: 'gsm' } }), 'Hej', 'Hej 😀', /^Message has characters the standard character set cannot carry/),
	otherCase('SMS → Send: Reference over 256 characters', sms({ options: { reference: V } }), 'order-1', 'r'.repeat(300), /^Reference has 300 characters, more than 256/),
	otherCase('SMS → Send: Delivery Report URL not http(s)', sms({ options: { deliveryReportUrl: V } }), 'https://example.com/dr', 'ftp://example.com/dr', /^Delivery Report URL "ftp:\/\/example.com\/dr" is not an http:\/\/ or https:\/\/ address/),
	otherCase('SMS → Send: Priority 3', sms({ options: { priority: V } }), 2, 3, /^Priority must be one of 1, 2, not "3"/),
	otherCase('SMS → Send: Type mms', sms({ options: { type: V } }), 'flash', 'mms', /^Type must be one of sms, flash, not "mms"/),
	otherCase('SMS → Schedule: Send At in the past', sms({ operation: 'schedule', sendAt: V }), inHours(24), inHours(-1), /^Send At \S+ is not in the future \[item 1\]$/),
	otherCase('SMS → Schedule: Send At unreadable', sms({ operation: 'schedule', sendAt: V }), inHours(24), 'tomorrow', /^Send At "tomorrow" is not a date and time \[item 1\]$/, DATE_HINT),
	otherCase('SMS → Get Status: Batch ID empty', { resource: 'sms', operation: 'getStatus', batchId: V, messageId: '5bcf4324ee47dee41a9dbb13' }, BATCH_ID, '', /^Batch ID is empty \[item 1\]$/, REST_ID_FIX('Batch ID')),
	otherCase('SMS → Cancel: Batch ID not an id', { resource: 'sms', operation: 'cancel', batchId: V }, BATCH_ID, 'not an id!', /^Batch ID "not an id!" is not an ID \[item 1\]$/, REST_ID_FIX('Batch ID')),
	otherCase('Batch → Send: Recipients with a national number', batch({ recipients: V }), '46701234567', '46701234567, 0701234567', /^Recipients: entry 2 "0701234567" has no country code \[item 1\]$/, 'Drop the leading 0 and put the country code first: for a Swedish number write 46701234567 or +46701234567.'),
	otherCase('Batch → Send: Recipients empty', batch({ recipients: V }), '46701234567', '', /^Recipients is empty \[item 1\]$/, `Enter at least one phone number, several separated by commas. ${HOW}`),
	otherCase('Batch → Send: Message over 2000 characters', batch({ message: V }), 'Hej', 'x'.repeat(2001), /^Message has 2001 characters, more than 2000/),
	otherCase('Batch → Send: From too short', batch({ from: V }), 'iP1', 'AB', /^From "AB" has 2 characters, not 3–11 \[item 1\]$/, SENDER_RULE),
	otherCase('Batch → Schedule: Send At in the past', batch({ operation: 'schedule', sendAt: V }), inHours(24), inHours(-1), /^Send At .* is not in the future/),
	otherCase('Batch → Get Messages: Limit 0', { resource: 'batch', operation: 'getMessages', batchId: BATCH_ID, returnAll: false, limit: V }, 5, 0, /^Limit must be a whole number of 1 or more, not "0" \[item 1\]$/, LIMIT_FIX),
	otherCase('Batch → Get Many: Limit a word', { resource: 'batch', operation: 'getAll', returnAll: false, limit: V }, 5, 'x', /^Limit must be a whole number of 1 or more, not "x" \[item 1\]$/, LIMIT_FIX),
	otherCase('Batch → Cancel: Batch ID empty', { resource: 'batch', operation: 'cancel', batchId: V }, BATCH_ID, '', /^Batch ID is empty \[item 1\]$/, REST_ID_FIX('Batch ID')),
];

describe('REST bad input: refused before any request, naming field and item', () => {
	it('has at least 30 cases', () => expect(cases.length + otherCases.length).toBeGreaterThanOrEqual(30));

	it.each([...cases, ...otherCases].map((c) => [c.name, c] as const))('%s', async (_, c) => {
		const result = await gw.run(c.parameters, { input: items(c.good, c.bad) });
		expect(result.error?.message).toMatch(c.message);
		expect(result.error?.message).toMatch(/ \[item 1\]$/);
		if (c.description !== undefined) expect(result.error?.description).toBe(c.description);
		expect(gw.requests()).toBe(0);
	});

	it('with Continue On Fail, the bad item becomes an error item and the good ones still run', async () => {
		const result = await gw.run(
			{ resource: 'blacklist', operation: 'add', phoneNumber: '={{ $json.phone }}' },
			{ input: items({ phone: '46701111111' }, { phone: '0701234567' }, { phone: '46702222222' }), continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[1].json.error).toMatch(/^Phone Number "0701234567" has no country code.* \[item 1\]$/);
		expect(result.items[1].json.description).toMatch(/country code first/);
		expect(gw.sim.state().rest.blacklist['ip1-12345']).toEqual(expect.arrayContaining(['46701111111', '46702222222']));
		expect(gw.calls()['PUT /v2/blacklist/{msisdn}']).toBe(2);
	});
});
