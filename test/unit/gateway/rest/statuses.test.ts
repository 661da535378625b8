import { restStatus } from '../../../../nodes/Ip1Sms/gateway/rest/statuses';

describe('REST status codes', () => {
	it.each([
		[101, 'Accepted', 'pending'],
		[102, 'Queued', 'pending'],
		[103, 'Funded', 'pending'],
		[104, 'Refunded', 'pending'],
		[110, 'Sending', 'pending'],
		[111, 'DeliveredToGateway', 'pending'],
		[112, 'DeliveredToCarrier', 'pending'],
		[113, 'DeliveredToGSM', 'pending'],
		[114, 'QueuedAtGateway', 'pending'],
		[201, 'DeliveredToHandset', 'delivered'],
		[202, 'Expired', 'expired'],
		[203, 'Canceled', 'cancelled'],
		[402, 'InsufficientFunds', 'rejected'],
		[403, 'SenderRejected', 'rejected'],
		[404, 'ContentRejected', 'rejected'],
		[405, 'RecipientRejected', 'rejected'],
		[406, 'Blacklisted', 'rejected'],
	])('%i is %s (%s)', (code, name, state) => {
		const status = restStatus(code);
		expect(status).toMatchObject({ code, name, state });
		expect(status.description.length).toBeGreaterThan(10);
	});

	it.each([
		[105, 'pending'],
		[199, 'pending'],
		[204, 'failed'],
		[299, 'failed'],
		[407, 'rejected'],
		[409, 'rejected'],
		[450, 'rejected'],
		[500, 'failed'],
		[503, 'failed'],
		[511, 'failed'],
		[516, 'failed'],
		[599, 'failed'],
	])('a code outside the table keeps its class: %i is %s, named with its code', (code, state) => {
		const status = restStatus(code);
		expect(status.state).toBe(state);
		expect(status.name).toContain(String(code));
	});

	it.each([0, 99, 300, 302, 600, 1000, -1])('a code of no documented class (%i) is never success nor pending', (code) => {
		expect(restStatus(code)).toMatchObject({ code, state: 'failed', name: `Unknown (code ${code})` });
	});

	it('an unknown final code is not taken for a delivery', () => {
		expect(restStatus(250).state).not.toBe('delivered');
	});

	it('carries the time iP.1 gives', () => {
		expect(restStatus(201, '2026-11-30T10:00:05.000Z').at).toBe('2026-11-30T10:00:05.000Z');
		expect(restStatus(201)).not.toHaveProperty('at');
	});
});
