/**
 * Every error a user's bad input gets from the helpers has a short one-line title (what is wrong,
 * naming the field) and the how-to-fix in a non-empty description, as n8n shows them: the title in
 * red, the description below it. The inputs are generated from many kinds of defect.
 */
import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { assertFuture, toUnixSeconds } from '../../../nodes/Ip1Sms/helpers/dates';
import { asInputError } from '../../../nodes/Ip1Sms/helpers/itemRunner';
import { assertUnambiguousLatin1, percentEncodeLatin1 } from '../../../nodes/Ip1Sms/helpers/latin1';
import { normalizePhoneNumber, parseRecipients } from '../../../nodes/Ip1Sms/helpers/phone';
import { validateMmsSender, validateSender } from '../../../nodes/Ip1Sms/helpers/sender';
import { describeHttpFailure, titleNamingCall, type RequestKind } from '../../../nodes/Ip1Sms/gateway/rest/problems';
import { parseReceivingNumbers } from '../../../nodes/Ip1SmsTrigger/receivingNumbers';
import { thrownInputError as thrown, type InputErrorCase as Case } from './inputErrorOf';

const MAX_TITLE = 80;
const node: INode = { id: 'n', name: 'iP.1 SMS', type: 'n8n-nodes-ip1.ip1Sms', typeVersion: 2, position: [0, 0], parameters: {} };
const ctx = { getNode: () => node } as unknown as IExecuteFunctions;

const LONG = 'x'.repeat(500);
const badNumbers = [
	'', ' ', '\n', '0701234567', '070-123 45 67', '+0701234567', '000701234567', '00', '0', '+', '+-()', '()',
	'46 70 abc 4567', 'hello', 'call me', '46701234567#', '46+701234567', '46701234567 ext 12', '4670123', '1',
	'1234567890123456', '9'.repeat(40), '+46 70 123 45 67 '.repeat(10), 'ÅÄÖ', '😀', '46 70\u0000123', LONG,
	'46701234567;', 'tel:+46701234567', '+46 (0)70-123 45 67', '+44(0)2079460000', '+46 (0) 70 123 45 67 '.repeat(5),
];
const badSenders = [
	'', '  ', 'ab', 'A', 'Abcdefghijkl', 'My Shop', 'Café', 'Shop!', 'Ab-c', '12', '+12', '1234567890123456',
	'+46abc', 'Shop😀', 'The Very Long Shop Name Ltd', LONG, 'a\tb', '🛒🛒🛒', 'ÅÄÖ', '00', '+', '+46 (0)70 123 45 67',
];
const badDates: unknown[] = [
	'', '   ', 'next tuesday', 'soon', '07/01/2026 14:30', '2026-13-01 10:00', '2026-02-30 10:00', '2026-07-01 24:00',
	'2026-07-01 10:60', '2026-07-01T10:00:00+19:00', '2026-07-01T10:00:00+05:99', '1999-12-31T23:59:59Z', 0, -1, 1e20,
	Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, {}, [], new Date('nope'), LONG, '9'.repeat(30),
	'on the first Tuesday after the next full moon in the year of the dragon',
];
const textsTheUrlCallCannotCarry = ['Hej 😀', 'Я', '€ 5', '\ud800', 'Ã¤r', 'Â£5', 'CafÃ©', `${LONG}😀`, '中文'];


const cases: Case[] = [];
for (const field of ['To', 'Recipient', 'Phone Number']) {
	for (const value of badNumbers) cases.push({ what: `${field} ${JSON.stringify(value)}`, field, error: thrown(() => normalizePhoneNumber(value, field)) });
}
for (const value of badNumbers) {
	// the bad entry far down a list: its position is in the title
	const list = [...Array.from({ length: 98 }, (_, k) => String(46700000000 + k)), value, 'x'].join(',');
	cases.push({ what: `Recipients entry ${JSON.stringify(value)}`, field: 'Recipients', error: thrown(() => parseRecipients(list, 'Recipients')) });
}
cases.push({ what: 'Recipients empty', field: 'Recipients', error: thrown(() => parseRecipients(' ,; ', 'Recipients')) });
for (const field of ['From', 'Sender']) {
	for (const value of badSenders) {
		cases.push({ what: `${field} ${JSON.stringify(value)}`, field, error: thrown(() => validateSender(value, field)) });
		cases.push({ what: `MMS ${field} ${JSON.stringify(value)}`, field, error: thrown(() => validateMmsSender(value, field)) });
	}
}
for (const value of badDates) {
	cases.push({ what: `Send At ${String(value).slice(0, 40)}`, field: 'Send At', error: thrown(() => toUnixSeconds(value, 'Europe/Stockholm', 'Send At')) });
}
cases.push({ what: 'unknown time zone', field: 'Send At', error: thrown(() => toUnixSeconds('2026-07-01 10:00', 'Mars/Olympus', 'Send At')) });
cases.push({ what: 'long unknown time zone', field: 'Send At', error: thrown(() => toUnixSeconds('2026-07-01 10:00', `Mars/${LONG}`, 'Send At')) });
cases.push({ what: 'Send At in the past', field: 'Send At', error: thrown(() => assertFuture(946684800, 'Send At', Date.UTC(2026, 0, 1))) });
for (const value of textsTheUrlCallCannotCarry) {
	cases.push({
		what: `URL call ${JSON.stringify(value.slice(0, 20))}`,
		field: 'Message',
		error: thrown(() => {
			percentEncodeLatin1(value, 'Message');
			assertUnambiguousLatin1(value, 'Message');
		}),
	});
}
cases.push({ what: 'URL call API key', field: 'API Key', error: thrown(() => percentEncodeLatin1('key-😀', 'API Key', true)) });

describe('error titles of bad input', () => {
	it('every generated bad input is refused', () => {
		const accepted = cases.filter((c) => c.error === undefined).map((c) => c.what);
		expect(accepted).toEqual([]);
		expect(cases.length).toBeGreaterThan(250);
	});

	it.each(cases.filter((c) => c.error).map((c) => [c.what, c] as const))(
		'%s: a short one-line title naming the field, the fix in the description',
		(_what, { field, error }) => {
			const shown = asInputError(ctx, error, 1234);
			expect(shown).toBeInstanceOf(NodeOperationError);
			const { message, description } = shown as NodeOperationError;
			expect(message).toMatch(/ \[item 1234\]$/); // the runner adds the item to the title
			expect(message.length).toBeLessThanOrEqual(MAX_TITLE);
			expect(message).not.toMatch(/[\r\n]/);
			expect(message.toLowerCase()).toContain(field === 'Send At' && /time zone/i.test(message) ? 'time zone' : field.toLowerCase());
			expect(typeof description).toBe('string');
			expect((description as string).trim().length).toBeGreaterThan(10);
			expect(description).not.toBe(message);
		},
	);
});

describe('error titles of the trigger and of REST error answers', () => {
	it.each(badNumbers.filter((n) => n.trim() !== '' && !/[,;\n]/.test(n)))('Receiving Numbers %j', (entry) => {
		const reading = parseReceivingNumbers(`46701234567, ${entry}`);
		if ('numbers' in reading) throw new Error(`accepted ${JSON.stringify(entry)}`);
		const { title } = reading; // the trigger throws it as the title, `fix` as the description
		expect(title).toMatch(/^Receiving Numbers: "/);
		expect(title.length).toBeLessThanOrEqual(MAX_TITLE);
		expect(title).not.toMatch(/[\r\n]/);
		expect(reading.fix.trim().length).toBeGreaterThan(10);
	});

	// what the REST gateway asks, with the longest values its calls carry
	const calls = [
		'send the messages',
		'read the account balance',
		`read message ${'a'.repeat(24)}`,
		`cancel batch ${'a'.repeat(24)}`,
		`read the messages of batch ${'a'.repeat(24)}`,
		`read the conversation summary of ${'4'.repeat(15)}`,
		`register the sender ${'A'.repeat(15)}`,
		`add ${'4'.repeat(15)} to the blacklist`,
	];
	const statuses = [101, 204, 400, 401, 403, 404, 409, 413, 422, 429, 500, 502, 503, 504, 599];
	const kinds: RequestKind[] = ['read', 'send', 'write'];
	it.each(calls.flatMap((call) => statuses.flatMap((status) => kinds.map((kind) => [call, status, kind] as const))))(
		'%s, HTTP %i (%s)',
		(call, status, kind) => {
			const { message, description } = describeHttpFailure({ status, text: '' }, call, kind);
			expect(message.length).toBeLessThanOrEqual(MAX_TITLE);
			expect(message).toContain(`(HTTP ${status})`);
			// the call is named: in the title, or when it would make the title long, in the description
			if (status !== 401) expect(`${message} ${description}`).toContain(call); // 401: the key, whatever was asked
			expect(description.trim().length).toBeGreaterThan(10);
		},
	);
});

describe('titleNamingCall', () => {
	const make = (call: string) => `iP.1 did not answer within 30000 ms when asked to ${call}`;
	it('names a short call in the title', () => {
		expect(titleNamingCall(make, 'send the messages')).toEqual({
			message: 'iP.1 did not answer within 30000 ms when asked to send the messages',
			asked: '',
		});
	});
	it('moves a long call to the description', () => {
		expect(titleNamingCall(make, 'read the conversation summary of 46701234567')).toEqual({
			message: 'iP.1 did not answer within 30000 ms when asked to do this',
			asked: 'Asked to read the conversation summary of 46701234567.',
		});
	});
});
