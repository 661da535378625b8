import type { IDataObject } from 'n8n-workflow';

import { HANDED_MAX_AGE_MS, HANDED_MAX_ENTRIES, handedTo, rememberHanded } from '../../../nodes/Ip1SmsTrigger/rest/handedReplies';

describe("the trigger's record of replies handed to waiting executions", () => {
	it('remembers which execution took a reply, beside what else the node keeps', () => {
		const staticData: IDataObject = { callbackUrl: 'https://n8n.example.com/webhook/x' };
		rememberHanded(staticData, 'mo1', '17', 1000);
		expect(handedTo(staticData, 'mo1')).toBe('17');
		expect(handedTo(staticData, 'mo2')).toBeUndefined();
		expect(staticData.callbackUrl).toBe('https://n8n.example.com/webhook/x');
		// a JSON round trip, as n8n saves it
		expect(handedTo(JSON.parse(JSON.stringify(staticData)), 'mo1')).toBe('17');
	});

	it('forgets entries older than a week and keeps at most the newest 1000', () => {
		const staticData: IDataObject = {};
		rememberHanded(staticData, 'old', '1', 0);
		rememberHanded(staticData, 'recent', '2', HANDED_MAX_AGE_MS - 1);
		rememberHanded(staticData, 'now', '3', HANDED_MAX_AGE_MS);
		expect([handedTo(staticData, 'old'), handedTo(staticData, 'recent'), handedTo(staticData, 'now')]).toEqual([undefined, '2', '3']);
		for (let i = 0; i < HANDED_MAX_ENTRIES + 5; i++) rememberHanded(staticData, `mo${i}`, String(i), HANDED_MAX_AGE_MS + i);
		expect(Object.keys(staticData.handedReplies as IDataObject)).toHaveLength(HANDED_MAX_ENTRIES);
		expect(handedTo(staticData, 'mo0')).toBeUndefined();
		expect(handedTo(staticData, `mo${HANDED_MAX_ENTRIES + 4}`)).toBe(String(HANDED_MAX_ENTRIES + 4));
	});

	it('reads a damaged record as empty', () => {
		expect(handedTo({ handedReplies: ['x'] }, '0')).toBeUndefined();
		expect(handedTo({ handedReplies: 'x' }, 'x')).toBeUndefined();
	});
});
