// What n8n's nodes panel lists for the node (test/support/panelActions.ts).
import { Ip1Sms } from '../../nodes/Ip1Sms/Ip1Sms.node';
import { panelActions } from '../support/panelActions';

it('lists each action once, the REST ones for SMS, Batch and Account (the default API)', () => {
	const actions = panelActions(new Ip1Sms().description);
	expect(new Set(actions).size).toBe(actions.length);
	expect(actions).toEqual(expect.arrayContaining(['Send SMS', 'Schedule SMS', 'Get SMS status', 'Cancel scheduled SMS', 'Send batch', 'Get many batches', 'Get batch messages', 'Get account balance']));
	expect(actions).not.toContain('Send a flash SMS');
	expect(actions).not.toContain('Send a group SMS');
	const smsBatchAccount = actions.filter((a) => /\b(SMS|batch|batches|account)\b/.test(a));
	expect(smsBatchAccount).toHaveLength(11);
	expect(smsBatchAccount.filter((a) => /\b(a|an|the)\b/i.test(a))).toEqual([]);
});
