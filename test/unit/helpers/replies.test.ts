import { encodeWaitReference, parseWaitReference } from '../../../nodes/Ip1Sms/helpers/replies/reference';
import { findAnsweredWait, sameNumber, type ConversationEntry, type IncomingReply } from '../../../nodes/Ip1Sms/helpers/replies/routing';
import { choiceWords, firstWord, isOptOut, matchChoice } from '../../../nodes/Ip1Sms/helpers/replies/words';

const PERSON = '46701111111';
const OURS = '46700000001';
const TOKEN = 'a'.repeat(64);

describe('wait reference', () => {
	it('round-trips execution, token, deadline (whole seconds, rounded up) and kind', () => {
		const text = encodeWaitReference({ executionId: '1234', token: TOKEN, deadline: 1_800_000_000_500, kind: 'reask' });
		expect(text).toBe(`n8n-wait:1234:${TOKEN}:1800000001:r`);
		expect(text.length).toBeLessThanOrEqual(256);
		expect(parseWaitReference(text)).toEqual({ executionId: '1234', token: TOKEN, deadline: 1_800_000_001_000, kind: 'reask' });
	});

	it('reads no deadline and no token (n8n without resume tokens)', () => {
		expect(parseWaitReference(encodeWaitReference({ executionId: '7', token: '', kind: 'ask' }))).toEqual({
			executionId: '7',
			token: '',
			deadline: undefined,
			kind: 'ask',
		});
	});

	it.each(['order-1234', '', 'n8n-wait:1:2:3', 'n8n-wait:1:tok:x:a', 'n8n-wait:1:tok:0:q', 'n8n-wait:../x:tok:0:a', null, undefined])(
		'ignores %p',
		(reference) => expect(parseWaitReference(reference)).toBeUndefined(),
	);
});

describe('reply words', () => {
	it.each([
		['YES', 'approve'],
		['  yes  ', 'approve'],
		['Yes!', 'approve'],
		['yes please - Anna', 'approve'],
		['"JA", tack', 'approve'],
		['no.', 'decline'],
		['Nej', 'decline'],
		['maybe', undefined],
		['', undefined],
		['yesterday', undefined],
		['🙂', undefined],
	])('%p → %p', (text, expected) => {
		expect(matchChoice(text, ['yes', 'ja'], ['no', 'nej'])).toBe(expected);
	});

	it('reads several choice words from one field', () => {
		expect(choiceWords('YES, Ja ;1/ok|')).toEqual(['yes', 'ja', '1', 'ok']);
		expect(firstWord('...  Hello there')).toBe('hello');
	});

	it.each(['STOP', 'stop.', ' Stopp! ', 'UNSUBSCRIBE', 'avsluta'])('%p is an opt-out', (text) => expect(isOptOut(text)).toBe(true));
	it.each(['stop sending me these?', 'YES', 'nonstop', ''])('%p is not an opt-out', (text) => expect(isOptOut(text)).toBe(false));

	it('compares numbers by digits', () => {
		expect(sameNumber('+46 70-111 11 11', PERSON)).toBe(true);
		expect(sameNumber('0046701111111', PERSON)).toBe(true);
		expect(sameNumber('46701111112', PERSON)).toBe(false);
		expect(sameNumber('', '')).toBe(false);
	});
});

describe('which wait a reply answers', () => {
	let id = 0;
	const ask = (executionId: string, deadline?: number, kind: 'ask' | 'reask' = 'ask', to = PERSON, from = OURS): ConversationEntry => ({
		id: `mt${++id}`,
		direction: 'outgoing',
		from,
		to,
		text: 'question',
		reference: encodeWaitReference({ executionId, token: TOKEN, deadline, kind }),
	});
	const plain = (): ConversationEntry => ({ id: `mt${++id}`, direction: 'outgoing', from: OURS, to: PERSON, text: 'news', reference: 'order-1' });
	const mo = (text: string, at = 1000, sender = PERSON, to = OURS): ConversationEntry => ({ id: `mo${++id}`, direction: 'incoming', from: sender, to, text, at });
	const reply = (m: ConversationEntry): IncomingReply => ({ id: m.id, sender: m.from!, to: m.to!, text: m.text!, at: m.at! });

	it('answers the waiting SMS sent to the replying number from the number replied to', () => {
		const a = ask('A');
		const r = mo('YES');
		expect(findAnsweredWait([a, r], reply(r))).toMatchObject({ executionId: 'A', sentMessageId: a.id, openWaits: 1, kind: 'ask' });
	});

	it('ignores SMS without a wait reference, to another number, or from another sender number', () => {
		const r = mo('YES');
		expect(findAnsweredWait([plain(), ask('B', undefined, 'ask', '46709999999'), ask('C', undefined, 'ask', PERSON, '46700000002'), r], reply(r))).toBeUndefined();
	});

	it('gives two waits on one number their replies newest first', () => {
		const a = ask('A');
		const b = ask('B');
		const r1 = mo('YES', 1000);
		const r2 = mo('NO', 2000);
		const r3 = mo('hello?', 3000);
		const conversation = [a, b, r1, r2, r3];
		expect(findAnsweredWait(conversation, reply(r1))).toMatchObject({ executionId: 'B', openWaits: 2 });
		expect(findAnsweredWait(conversation, reply(r2))).toMatchObject({ executionId: 'A', openWaits: 1 });
		expect(findAnsweredWait(conversation, reply(r3))).toBeUndefined();
	});

	it('decides a repeat of the same reply the same way, later replies notwithstanding', () => {
		const a = ask('A');
		const r1 = mo('YES', 1000);
		const later = [a, r1, mo('thanks', 2000), ask('B'), mo('NO', 3000)];
		expect(findAnsweredWait(later, reply(r1))).toMatchObject({ executionId: 'A' });
	});

	it('never takes an opt-out as an answer, nor lets it use up a wait', () => {
		const a = ask('A');
		const stop = mo('STOP', 1000);
		const yes = mo('yes', 2000);
		expect(findAnsweredWait([a, stop, yes], reply(stop))).toBeUndefined();
		expect(findAnsweredWait([a, stop, yes], reply(yes))).toMatchObject({ executionId: 'A' });
	});

	it('skips a wait whose limit passed before the reply arrived, and counts only open ones', () => {
		const a = ask('A');
		const b = ask('B', 1500);
		const early = mo('YES', 1000);
		const late = mo('YES', 2000);
		expect(findAnsweredWait([a, b, early], reply(early))).toMatchObject({ executionId: 'B', openWaits: 2 });
		expect(findAnsweredWait([a, b, late], reply(late))).toMatchObject({ executionId: 'A', openWaits: 1 });
		expect(findAnsweredWait([b, mo('YES', 1500)], reply(mo('YES', 1500)))).toBeUndefined();
	});

	it('reopens a wait with its re-ask SMS', () => {
		const a = ask('A');
		const maybe = mo('maybe', 1000);
		const again = ask('A', undefined, 'reask');
		const yes = mo('YES', 2000);
		const conversation = [a, maybe, again, yes];
		expect(findAnsweredWait(conversation, reply(maybe))).toMatchObject({ executionId: 'A', kind: 'ask' });
		expect(findAnsweredWait(conversation, reply(yes))).toMatchObject({ executionId: 'A', kind: 'reask' });
	});

	it('adds the reply when iP.1 does not list it yet', () => {
		const a = ask('A');
		const r = mo('YES');
		expect(findAnsweredWait([a], reply(r))).toMatchObject({ executionId: 'A' });
	});
});
