// n8n 1.x's execute context has no isToolExecution: the parameter reader must not call it there, and then
// hands every read to n8n's getNodeParameter (it cannot know whether `$json` is the input item).
import type { IExecuteFunctions } from 'n8n-workflow';

import { getItemParameter, isSameForEveryItem } from '../../../nodes/Ip1Sms/helpers/itemParameters';

function context(withToolCheck: boolean): { ctx: IExecuteFunctions; evaluated: string[] } {
	const evaluated: string[] = [];
	const parameters: Record<string, unknown> = { to: '={{ $json.phone }}', from: 'iP1' };
	const items = [{ json: { phone: '46700000001' } }, { json: { phone: '46700000002' } }];
	const ctx = {
		getNodeInputs: () => [{ type: 'main' }],
		...(withToolCheck ? { isToolExecution: () => false } : {}),
		getInputData: () => items,
		getNodeParameter: (name: string, i: number, fallback: unknown, options?: { rawExpressions?: boolean }) => {
			const raw = parameters[name];
			if (raw === undefined) return fallback;
			if (options?.rawExpressions) return raw;
			evaluated.push(`${name}#${i}`);
			return raw === '={{ $json.phone }}' ? items[i].json.phone : raw;
		},
	} as unknown as IExecuteFunctions;
	return { ctx, evaluated };
}

it('n8n 1.x (no isToolExecution): the same values, every read evaluated by n8n', () => {
	const { ctx, evaluated } = context(false);
	expect([0, 1].map((i) => getItemParameter(ctx, 'to', i, ''))).toEqual(['46700000001', '46700000002']);
	expect(getItemParameter(ctx, 'from', 0, '')).toBe('iP1');
	expect(isSameForEveryItem(ctx, 'from')).toBe(false);
	expect(evaluated).toEqual(['to#0', 'to#1', 'from#0']);
});

it('n8n 2.x (isToolExecution false): the same values, plain $json reads and literals without the engine', () => {
	const { ctx, evaluated } = context(true);
	expect([0, 1].map((i) => getItemParameter(ctx, 'to', i, ''))).toEqual(['46700000001', '46700000002']);
	expect(getItemParameter(ctx, 'from', 0, '')).toBe('iP1');
	expect(isSameForEveryItem(ctx, 'from')).toBe(true);
	expect(evaluated).toEqual([]);
});
