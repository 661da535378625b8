/**
 * Combine Input Items reads Message, From and Options once when none holds an expression
 * (sendParamsReader). Item by item it must give what readSendParams gives: the same values, the same
 * error for the same item, whatever the options, with Send At read per item, and with expressions.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readSendParams, sendParamsReader } from '../../../nodes/Ip1Sms/v2/rest/readSend';

const FUTURE = '2099-01-01T10:00:00Z';

/** Enough of n8n's execute context for the parameter reader: raw values, `$json.<key>` expressions. */
function context(parameters: Record<string, unknown>, items: INodeExecutionData[]): IExecuteFunctions {
	const at = (name: string) => name.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], parameters);
	const evaluate = (value: unknown, i: number): unknown => {
		if (typeof value === 'string' && value.startsWith('=')) {
			const m = /^=\{\{ \$json\.(\w+) \}\}$/.exec(value);
			if (!m) throw new Error(`the test context cannot evaluate ${value}`);
			return items[i].json[m[1]];
		}
		if (Array.isArray(value)) return value.map((v) => evaluate(v, i));
		if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, i)]));
		return value;
	};
	return {
		getNodeInputs: () => [{ type: 'main' }],
		isToolExecution: () => false,
		getInputData: () => items,
		getTimezone: () => 'Europe/Stockholm',
		getNodeParameter: (name: string, i: number, fallback: unknown, options?: { rawExpressions?: boolean }) => {
			const raw = at(name);
			if (raw === undefined) return fallback;
			return options?.rawExpressions ? raw : evaluate(raw, i);
		},
	} as unknown as IExecuteFunctions;
}

type Outcome = { params: unknown } | { error: string };

function outcome(read: () => unknown): Outcome {
	try {
		return { params: read() };
	} catch (error) {
		return { error: `${(error as Error).constructor.name}: ${(error as Error).message} / ${String((error as { hint?: string }).hint)}` };
	}
}

const items = (n: number, json: (i: number) => IDataObject = () => ({})): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: json(i) }));

const base = { message: 'Hej {name}!', from: 'iP1' };
const OPTIONS: Array<Record<string, unknown>> = [
	{},
	{ readMessageIds: false },
	{ characterSet: 'ucs2', type: 'flash', priority: 2, maxSegments: 2, deliveryReportUrl: 'https://n8n.example/hook', reference: 'r-1', tags: 'a, b,,c' },
	{ characterSet: 'latin' },
	{ priority: 3 },
	{ maxSegments: 0 },
	{ deliveryReportUrl: 'ftp://x' },
	{ reference: 'x'.repeat(257) },
	{ readMessageIds: 'maybe' },
	{ timeout: 'soon' },
];
const PARAMETER_SETS: Array<Record<string, unknown>> = [
	...OPTIONS.map((options) => ({ ...base, options })),
	{ ...base, message: '', options: {} },
	{ ...base, message: 'x'.repeat(2001), options: {} },
	{ ...base, from: '', options: {} },
	{ ...base, from: 'a sender far too long', options: {} },
	{ message: 'Hej', options: {} }, // From not set: n8n's fallback
	// expressions: read per item
	{ ...base, message: '={{ $json.text }}', options: {} },
	{ ...base, from: '={{ $json.from }}', options: {} },
	{ ...base, options: { reference: '={{ $json.ref }}' } },
];

const perItem = (i: number) => ({ text: i === 2 ? '' : `Hej ${i}`, from: i === 1 ? '' : 'iP1', ref: `r${i}`, sendAt: i === 3 ? '2001-01-01T00:00:00Z' : i === 4 ? 'soon' : FUTURE });

describe('sendParamsReader gives readSendParams item by item', () => {
	it.each(PARAMETER_SETS.map((p, n) => [n, p]))('parameter set %i, sent now', (_, parameters) => {
		const input = items(6, perItem);
		const ctx = context(parameters, input);
		const read = sendParamsReader(ctx, false);
		for (let i = 0; i < input.length; i++) {
			expect({ i, ...outcome(() => read(i)) }).toEqual({ i, ...outcome(() => readSendParams(ctx, i, false)) });
		}
	});

	it.each(PARAMETER_SETS.map((p, n) => [n, p]))('parameter set %i, scheduled: Send At per item', (_, parameters) => {
		const input = items(6, perItem);
		for (const sendAt of ['={{ $json.sendAt }}', FUTURE, '1999-12-31']) {
			const ctx = context({ ...parameters, sendAt }, input);
			const read = sendParamsReader(ctx, true);
			for (let i = 0; i < input.length; i++) {
				expect({ i, sendAt, ...outcome(() => read(i)) }).toEqual({ i, sendAt, ...outcome(() => readSendParams(ctx, i, true)) });
			}
		}
	});

	it('reads fixed parameters once, expressions per item', () => {
		const input = items(3, perItem);
		const fixed = sendParamsReader(context({ ...base, options: { tags: 'a' } }, input), false);
		expect(fixed(1)).toBe(fixed(2));
		const mapped = sendParamsReader(context({ ...base, options: { reference: '={{ $json.ref }}' } }, input), false);
		expect(mapped(1)).not.toBe(mapped(2));
		expect([mapped(1).reference, mapped(2).reference]).toEqual(['r1', 'r2']);
	});
});
