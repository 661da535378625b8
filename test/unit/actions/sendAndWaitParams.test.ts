import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { questionText, readWaitParams, readWaitTill, type ReadParameter } from '../../../nodes/Ip1Sms/v2/rest/waitParams';
import { inputErrorOf } from '../helpers/inputErrorOf';

const reader = (values: Record<string, unknown>): ReadParameter => (name, fallback) => (name in values ? values[name] : fallback);
const base = { to: '+46 70-111 11 11', from: '46700000001', message: 'Can you come at 10?' };

describe('Send and Wait for Response: parameters', () => {
	it('reads the defaults: Approval with YES / NO, Ask Again on, the choices added to the SMS', () => {
		const params = readWaitParams(reader(base));
		expect(params).toMatchObject({ to: '46701111111', from: '46700000001', responseType: 'approval' });
		expect(params.approval).toMatchObject({ approve: ['yes'], decline: ['no'], reask: true, reaskMessage: 'Please reply YES or NO' });
		expect(questionText(params)).toBe('Can you come at 10?\n\nReply YES to approve or NO to decline');
	});

	it('takes several words per choice, shows the first, and leaves the text alone for Free Text or with the choices off', () => {
		const params = readWaitParams(reader({ ...base, approvalOptions: { approveWords: 'JA, yes, 1', declineWords: 'NEJ,no,2', reaskMessage: 'Svara JA eller NEJ' } }));
		expect(params.approval).toMatchObject({ approve: ['ja', 'yes', '1'], decline: ['nej', 'no', '2'], reaskMessage: 'Svara JA eller NEJ' });
		expect(questionText(params)).toBe('Can you come at 10?\n\nReply JA to approve or NEJ to decline');
		expect(questionText(readWaitParams(reader({ ...base, approvalOptions: { appendChoices: false } })))).toBe(base.message);
		expect(questionText(readWaitParams(reader({ ...base, responseType: 'freeText' })))).toBe(base.message);
	});

	it.each([
		[{ from: 'MyCompany' }, 'From', /is a name: a reply cannot be sent to it/],
		[{ to: 'abc' }, 'To', /not a phone number/],
		[{ message: '  ' }, 'Message', /Message is empty/],
		[{ responseType: 'customForm' }, 'Response Type', /Approval or Free Text/],
		[{ approvalOptions: { approveWords: ' , ' } }, 'Approve Words', /Approve Words is empty/],
		[{ approvalOptions: { declineWords: 'NO, STOP' } }, 'Decline Words', /"STOP", an opt-out word/],
		[{ approvalOptions: { approveWords: 'ok, yes', declineWords: 'no, OK' } }, 'Decline Words', /"OK" is both/],
	])('refuses %p before sending, naming %s', (change, field, message) => {
		const error = inputErrorOf(() => readWaitParams(reader({ ...base, ...change })));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
	});

	it('waits as n8n does: indefinitely without a limit, else after the interval or at the date', () => {
		const now = Date.UTC(2026, 11, 7, 12);
		expect(readWaitTill(reader({}), now)).toBe(WAIT_INDEFINITELY);
		const limit = (values: Record<string, unknown>) => reader({ options: { limitWaitTime: { values } } });
		expect(readWaitTill(limit({ limitType: 'afterTimeInterval', resumeAmount: 0.5, resumeUnit: 'minutes' }), now).getTime()).toBe(now + 30_000);
		expect(readWaitTill(limit({ limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'days' }), now).getTime()).toBe(now + 2 * 86_400_000);
		expect(readWaitTill(limit({ limitType: 'atSpecifiedTime', maxDateAndTime: '2026-12-24T15:00:00Z' }), now).toISOString()).toBe('2026-12-24T15:00:00.000Z');
		expect(inputErrorOf(() => readWaitTill(limit({ limitType: 'atSpecifiedTime', maxDateAndTime: 'soon' }), now)).field).toBe('Limit Wait Time');
	});
});
