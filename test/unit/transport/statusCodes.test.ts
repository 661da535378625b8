import {
	describeMmsStatus,
	describeSmsStatus,
	isId,
	isStatusCode,
	KNOWN_STATUS_CODES,
	type FinalState,
} from '../../../nodes/Ip1Sms/gateway/soap/statusCodes';

// Appendix A (SMS) and B (MMS) of the English manual, as printed: code, status, description/action.
const APPENDIX_A: Array<[number, string, string]> = [
	[0, 'Delivered to gateway', ''],
	[1, 'Gateway login failed', 'Check your account name and password'],
	[2, 'Invalid message content', 'Check your message'],
	[3, 'Invalid phone number format', 'Check the number'],
	[4, 'Insufficient funds', 'Add credits to your account and try again'],
	[10, 'Received by the gateway', 'Ongoing delivery'],
	[11, 'Delayed delivery', 'Ongoing delivery'],
	[12, 'Delayed delivery canceled', 'The delivery was canceled'],
	[21, 'Delivered to the GSM network', 'Ongoing delivery'],
	[22, 'Delivered to the phone', 'Delivery confirmed'],
	[30, 'Insufficient funds', 'Add credits to your account and try again'],
	[41, 'Invalid message content', 'Check your message'],
	[42, 'Internal error', 'Delivery failed'],
	[43, 'Delivery failed', 'Delivery failed'],
	[50, 'General delivery error', 'Delivery failed'],
	[51, 'Delivery to GSM network failed', 'Delivery failed'],
	[52, 'Delivery to phone failed', 'Delivery failed'],
	[100, 'Insufficient funds', 'Add credits to your account and try again'],
	[101, 'Wrong account credentials', 'Check your account name and password'],
	[110, 'Parameter error', 'There was a problem with the call – check your code'],
];
const APPENDIX_B: Array<[number, string, string]> = [
	[0, 'Delivered to gateway', ''],
	[1, 'Gateway login failed', 'Check your account name and password'],
	[2, 'Invalid message content', 'Check your message'],
	[3, 'Invalid phone number format', 'Check the number'],
	[4, 'Insufficient funds', 'Add credits to your account and try again'],
	[11, 'Delayed delivery', 'Ongoing delivery'],
	[21, 'Delivered to the GSM network', 'Ongoing delivery'],
	[22, 'Delivered to the phone', 'Delivery confirmed'],
	[30, 'Insufficient funds', 'Add credits to your account and try again'],
	[41, 'Invalid message content', 'Check your message'],
	[42, 'Internal error', 'Delivery failed'],
	[44, 'Delivery failed', 'Delivery failed'],
	[45, 'Invalid phone number', 'Delivery failed'],
	[50, 'General delivery error', 'Delivery failed'],
];

/**
 * The state a code stands for, read from the manual's Description/action column alone (not from the
 * code under test): still on its way, confirmed, cancelled, failed in delivery, or refused (the
 * action asks the sender to fix something).
 */
function stateFromManual(status: string, action: string): FinalState {
	if (action === '' || action === 'Ongoing delivery') return 'pending'; // 0 "Delivered to gateway" has no action
	if (action === 'Delivery confirmed') return 'delivered';
	if (action === 'The delivery was canceled') return 'cancelled';
	if (action === 'Delivery failed') return 'failed';
	if (/^(Check |Add credits|There was a problem)/.test(action)) return 'rejected';
	throw new Error(`no rule for "${status}" / "${action}"`);
}
const EXPECTED_FINAL: Record<number, FinalState> = {
	...Object.fromEntries([...APPENDIX_A, ...APPENDIX_B].map(([code, status, action]) => [code, stateFromManual(status, action)])),
	// codes in no manual, seen from the vendor later: final, so a workflow waiting for a final state stops
	55: 'failed',
	60: 'failed',
};
/** The node's classification of a code (one place, should the property be renamed). */
const stateOf = (info: { final: FinalState }) => info.final;

describe('status codes', () => {
	it.each(APPENDIX_A)('SMS %i: "%s" (%s) as in appendix A', (code, status, action) => {
		const info = describeSmsStatus(code);
		expect(info.code).toBe(code);
		expect(info.status).toBe(status);
		if (action) expect(info.description).toContain(action);
		else expect(info.description).not.toBe('');
	});

	it.each(APPENDIX_B)('MMS %i: "%s" (%s) as in appendix B', (code, status, action) => {
		const info = describeMmsStatus(code);
		expect(info.status).toBe(status);
		if (action) expect(info.description).toContain(action);
	});

	it('holds every code of both appendices and the vendor\'s later ones (12, 44, 55, 60), and nothing else', () => {
		const all = new Set([...APPENDIX_A, ...APPENDIX_B].map(([code]) => code).concat([12, 44, 55, 60]));
		expect([...KNOWN_STATUS_CODES]).toEqual([...all].sort((a, b) => a - b));
	});

	it.each(Object.entries(EXPECTED_FINAL))('code %s is %s (from the manual\'s Description/action column)', (code, final) => {
		expect(stateOf(describeSmsStatus(Number(code)))).toBe(final);
		expect(stateOf(describeMmsStatus(Number(code)))).toBe(final);
	});

	it('43 reads "Delivery failed" (the manuals), not "Message has expired" (an older client)', () => {
		expect(describeSmsStatus(43).status).toBe('Delivery failed');
	});

	it.each([5, 13, 99, 102, 999, -1])('an unknown code %i is named as such and counts as failed', (code) => {
		expect(describeSmsStatus(code)).toEqual({
			code,
			status: `Unknown status code ${code}`,
			description: expect.stringContaining('SMS gateway answered with a code the manuals do not list'),
			final: 'failed',
		});
		expect(describeMmsStatus(code).description).toContain('MMS gateway');
	});
});

describe('isId / isStatusCode', () => {
	it.each([
		['1000', true],
		['999', false],
		['0', false],
		['110', false],
		['0999', false],
		['0001000', true],
		['1001', true],
		['123456789012345678901234567890', true], // far beyond 2^53: compared as text
		['9007199254740993', true],
		['', false],
		['12a4', false],
		['-1000', false],
		['1000.0', false],
		[' 1000', false],
		['1e5', false],
	])('%j → id %s', (value, id) => {
		expect(isId(value)).toBe(id);
		expect(isStatusCode(value)).toBe(/^\d+$/.test(value) && !id);
	});

	it('agrees with a BigInt comparison on random digit strings', () => {
		let seed = 99;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		for (let k = 0; k < 3000; k++) {
			const length = 1 + Math.floor(random() * 25);
			let digits = '';
			for (let i = 0; i < length; i++) digits += String(Math.floor(random() * (random() < 0.3 ? 1 : 10)));
			expect([digits, isId(digits)]).toEqual([digits, BigInt(digits) >= 1000n]);
		}
	});
});
