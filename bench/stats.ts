/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The benchmark's method: every figure is the median of samples taken interleaved (A, B, A, B …, the order
// of each round reversed from the last, so that drift in the shared machine's load hits every variant
// alike), shown with its spread (min–max); a goal is judged only when the spread does not cross it, else
// the row says "noisy".
import os from 'node:os';

export function median(values: number[]): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)];
}

export interface Spread {
	median: number;
	min: number;
	max: number;
	n: number;
}

export function spread(values: number[]): Spread {
	return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

export const fmt = (s: Spread, unit = '', digits = 0) => `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

/** 1-minute load average at each sample, for the report. */
export const loadSamples: number[] = [];

/**
 * `samples` rounds; each round runs every variant once, in the given order on even rounds and reversed
 * on odd ones (A, B, B, A, A, B …). Returns every variant's values in run order.
 */
export async function interleave<K extends string>(samples: number, variants: Record<K, () => Promise<number>>, onSample?: (key: K, value: number, round: number) => void): Promise<Record<K, number[]>> {
	const keys = Object.keys(variants) as K[];
	const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
	for (let round = 0; round < samples; round++) {
		for (const key of round % 2 ? [...keys].reverse() : keys) {
			const value = await variants[key]();
			out[key].push(value);
			loadSamples.push(os.loadavg()[0]);
			onSample?.(key, value, round);
		}
	}
	return out;
}

/** Ratios of paired samples (a[i] / b[i]): sample i of both sides was taken in the same round. */
export const pairedRatios = (a: number[], b: number[]) => a.map((v, i) => v / b[i]);

export type Verdict = 'met' | 'NOT met' | 'noisy';

/**
 * A ratio goal `≤ x` or `≥ x` judged on the ratios of paired samples: met when every sample meets it,
 * NOT met when none does, and "noisy" when the spread crosses the goal (the spread on the goal's side
 * of the median is wider than the margin between the median and the goal).
 */
export function judge(ratios: Spread, goal: { op: '≤' | '≥'; value: number }): Verdict {
	const meets = (r: number) => (goal.op === '≤' ? r <= goal.value : r >= goal.value);
	if (meets(ratios.min) && meets(ratios.max)) return 'met';
	if (!meets(ratios.min) && !meets(ratios.max)) return 'NOT met';
	return 'noisy';
}
