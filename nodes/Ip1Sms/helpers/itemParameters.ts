import type { IExecuteFunctions } from 'n8n-workflow';

/*
 * Reads node parameters for many items cheaply, with n8n's own result. n8n 2.x evaluates every
 * expression in an isolate (about half a millisecond each); on 10,000 items that is the whole run.
 *
 * The fast path covers only forms whose n8n result is known exactly (n8n-workflow's Expression,
 * tournament's template split and join, the isolate's structured-clone transfer):
 * - a value without expressions: n8n rebuilds its arrays and objects and returns the leaves as they are;
 * - `{{ $json<path> }}` alone, the path made of `.name`, `["key"]`, `['key']` and `[index]` steps that
 *   reach own data properties of plain objects and arrays (or a key absent from the last object):
 *   the value, deep-copied; inside text (`Hi {{ $json.a }}!`): strings, finite numbers and booleans
 *   as text, null and absent as ''.
 * Anything else (a method, a property of a string, a non-plain value, a blocked name such as
 * `constructor`, a missing parameter) goes to `getNodeParameter` as a whole parameter.
 *
 * getNodeParameter also validates a value against a declared `validateType`: the Ip1Sms node declares
 * none (a unit test keeps it so), so there is nothing to validate here.
 */

export type Plan =
	| { kind: 'literal'; value: unknown }
	| { kind: 'json'; path: string[] }
	| { kind: 'text'; parts: Array<string | string[]> }
	| { kind: 'array'; items: Plan[] }
	| { kind: 'object'; entries: Array<[string, Plan]> }
	| { kind: 'engine' };

const ENGINE: Plan = { kind: 'engine' };
/** A result the fast path cannot vouch for: the caller asks n8n instead. */
const UNSURE = Symbol('unsure');
const MISSING = Object.freeze({ missing: true });

// n8n-workflow's unsafeObjectProperties (the sanitizer blocks them) and its `.constructor` check.
const UNSAFE = /__proto__|prototype|constructor|getPrototypeOf|setPrototypeOf|getOwnPropertyDescriptor|defineProperty|mainModule|binding|_load|prepareStackTrace|__lookup|__define|caller|callee|arguments|getBuiltinModule|dlopen|execve|loadEnvFile/;
/** Keys n8n does not read as data: its transfer framing (an object holding one comes back wrapped) and names on Object.prototype (read from the prototype even when own). */
function isOddKey(key: string): boolean {
	return UNSAFE.test(key) || TRANSFER_KEYS.has(key) || key in Object.prototype;
}
const TRANSFER_KEYS = new Set(['__n8nType', '__n8nEscaped', '__n8nOpaque', '__value']);
const WS = '[ \\t\\n\\r]*';
const STEP = `${WS}(?:\\.${WS}[A-Za-z_$][\\w$]*|\\[${WS}(?:"[^"\\n\\r\\u2028\\u2029]*"|'[^'\\n\\r\\u2028\\u2029]*'|0|[1-9]\\d{0,8})${WS}\\])`;
const JSON_PATH = new RegExp(`^${WS}\\$json((?:${STEP})*)${WS}$`);
const STEPS = new RegExp(STEP, 'g');
const KEY = /^[ \t\n\r]*(?:\.[ \t\n\r]*([\w$]+)|\[[ \t\n\r]*(?:"([^"]*)"|'([^']*)'|(\d+)))/;
const INDEX = /^(?:0|[1-9]\d{0,8})$/;

function parsePath(code: string): string[] | undefined {
	const match = JSON_PATH.exec(code);
	if (!match) return undefined;
	return [...match[1].matchAll(STEPS)].map((m) => {
		const k = KEY.exec(m[0]) as RegExpExecArray;
		return k[1] ?? k[2] ?? k[3] ?? k[4];
	});
}

/** Splits like tournament's splitExpression (no backslashes here, so no escapes): text and code chunks. */
function splitTemplate(body: string): Array<{ code: boolean; text: string }> | undefined {
	const chunks: Array<{ code: boolean; text: string }> = [];
	let index = 0;
	while (index < body.length || chunks.length === 0) {
		const open = body.indexOf('{{', index);
		if (open < 0) {
			chunks.push({ code: false, text: body.slice(index) });
			break;
		}
		const close = body.indexOf('}}', open + 2);
		if (close < 0) return undefined;
		chunks.push({ code: false, text: body.slice(index, open) }, { code: true, text: body.slice(open + 2, close) });
		index = close + 2;
	}
	return chunks;
}

function planExpression(value: string): Plan {
	const body = value.slice(1);
	if (body.includes('\\') || UNSAFE.test(body)) return ENGINE;
	const chunks = splitTemplate(body);
	if (!chunks) return ENGINE;
	const parts: Array<string | string[]> = [];
	for (const chunk of chunks) {
		if (!chunk.code) {
			if (chunk.text !== '') parts.push(chunk.text);
			continue;
		}
		const path = parsePath(chunk.text);
		if (!path) return ENGINE;
		parts.push(path);
	}
	// tournament returns the value itself only for exactly `{{ code }}`; everything else is joined text
	if (chunks.length === 2 && chunks[0].text === '' && chunks[1].code) return { kind: 'json', path: parts[0] as string[] };
	return { kind: 'text', parts };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isPlainArray(value: unknown): value is unknown[] {
	return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

/** A deep copy of JSON-like data (what n8n's transfer gives back unchanged), or UNSURE for anything else. */
function copyPlain(value: unknown): unknown {
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return value;
		case 'number':
			return Number.isFinite(value) && !Object.is(value, -0) ? value : UNSURE;
		case 'object':
			break;
		default:
			return UNSURE;
	}
	if (value === null) return null;
	const keys = Object.keys(value);
	if (Object.getOwnPropertyNames(value).length !== keys.length + (Array.isArray(value) ? 1 : 0)) return UNSURE;
	if (Object.getOwnPropertySymbols(value).length > 0) return UNSURE;
	if (isPlainArray(value)) {
		if (keys.length !== value.length) return UNSURE; // holes or extra properties
		const copy: unknown[] = [];
		for (let i = 0; i < value.length; i++) {
			const item = copyPlain(ownData(value, String(i)));
			if (item === UNSURE) return UNSURE;
			copy.push(item);
		}
		return copy;
	}
	if (!isPlainObject(value)) return UNSURE;
	const copy: Record<string, unknown> = {};
	for (const key of keys) {
		// e.g. n8n's transfer drops an own `__proto__` and fails on an own `constructor` object
		if (isOddKey(key)) return UNSURE;
		const item = copyPlain(ownData(value, key));
		if (item === UNSURE) return UNSURE;
		copy[key] = item;
	}
	return copy;
}

/** An own data property's value; UNSURE for a getter. */
function ownData(target: object, key: string): unknown {
	const descriptor = Object.getOwnPropertyDescriptor(target, key);
	return descriptor && 'value' in descriptor ? descriptor.value : UNSURE;
}

/** The value at the path; undefined when only the last key is absent; UNSURE for anything else. */
function walk(root: unknown, path: string[]): unknown {
	let current = root;
	for (let i = 0; i < path.length; i++) {
		const key = path[i];
		if (isPlainArray(current)) {
			if (!INDEX.test(key)) return UNSURE;
		} else if (!isPlainObject(current) || isOddKey(key)) {
			return UNSURE;
		}
		if (Object.prototype.hasOwnProperty.call(current, key)) {
			current = ownData(current as object, key);
			if (current === UNSURE) return UNSURE;
		} else {
			// absent before the last step: n8n's answer depends on more than data
			return i < path.length - 1 ? UNSURE : undefined;
		}
	}
	return current;
}

function asText(value: unknown): string | typeof UNSURE {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string' || typeof value === 'boolean') return String(value);
	if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) return String(value);
	return UNSURE;
}

/** Mirrors n8n's getParameterValue: arrays and objects rebuilt, expressions in the leaves evaluated. */
function resolve(plan: Plan, json: unknown): unknown {
	switch (plan.kind) {
		case 'literal':
			return copyPlain(plan.value);
		case 'json': {
			const value = walk(json, plan.path);
			return value === undefined ? undefined : copyPlain(value);
		}
		case 'text': {
			let text = '';
			for (const part of plan.parts) {
				const piece = typeof part === 'string' ? part : asText(walk(json, part));
				if (piece === UNSURE) return UNSURE;
				text += piece;
			}
			return text;
		}
		case 'array': {
			const out: unknown[] = [];
			for (const item of plan.items) {
				const value = resolve(item, json);
				if (value === UNSURE) return UNSURE;
				out.push(value);
			}
			return out;
		}
		case 'object': {
			const out: Record<string, unknown> = {};
			for (const [key, item] of plan.entries) {
				const value = resolve(item, json);
				if (value === UNSURE) return UNSURE;
				out[key] = value;
			}
			return out;
		}
		case 'engine':
			return UNSURE;
	}
}

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/** How a raw parameter value is read for each item; `engine` when any part of it needs n8n. */
export function planFor(raw: unknown): Plan {
	if (!hasExpression(raw)) return copyPlain(raw) === UNSURE ? ENGINE : { kind: 'literal', value: raw };
	let plan: Plan;
	if (typeof raw === 'string') plan = planExpression(raw);
	else if (isPlainArray(raw)) plan = { kind: 'array', items: raw.map(planFor) };
	else if (isPlainObject(raw) && !Object.prototype.hasOwnProperty.call(raw, '__proto__')) {
		plan = { kind: 'object', entries: Object.entries(raw).map(([k, v]): [string, Plan] => [k, planFor(v)]) };
	} else plan = ENGINE;
	return containsEngine(plan) ? ENGINE : plan;
}

function containsEngine(plan: Plan): boolean {
	if (plan.kind === 'engine') return true;
	if (plan.kind === 'array') return plan.items.some(containsEngine);
	if (plan.kind === 'object') return plan.entries.some(([, p]) => containsEngine(p));
	return false;
}

interface Reader {
	/**
	 * `$json` is the input item only for a node with one main input that is not run as an AI tool. n8n 1.x
	 * cannot say whether it runs the node as a tool (no `isToolExecution`): there every read goes to n8n.
	 */
	fast: boolean;
	plans: Map<string, Plan>;
}
const readers = new WeakMap<IExecuteFunctions, Reader>();

function readerFor(ctx: IExecuteFunctions): Reader {
	let reader = readers.get(ctx);
	if (!reader) {
		const mainInputs = ctx.getNodeInputs().filter((input) => input.type === 'main').length;
		const toolExecution = typeof ctx.isToolExecution === 'function' ? ctx.isToolExecution() : undefined;
		reader = { fast: mainInputs === 1 && toolExecution === false, plans: new Map() };
		readers.set(ctx, reader);
	}
	return reader;
}

function planOf(ctx: IExecuteFunctions, name: string, itemIndex: number): Plan {
	const reader = readerFor(ctx);
	let plan = reader.plans.get(name);
	if (!plan) {
		const raw: unknown = ctx.getNodeParameter(name, itemIndex, MISSING, { rawExpressions: true });
		// a missing parameter is n8n's answer for the caller's own fallback
		plan = reader.fast && raw !== MISSING ? planFor(raw) : ENGINE;
		reader.plans.set(name, plan);
	}
	return plan;
}

/**
 * Whether `getItemParameter(ctx, name, i, …)` gives the same value for every item: the parameter is
 * set and holds no expression (the fast path then returns a copy of that value for each item).
 */
export function isSameForEveryItem(ctx: IExecuteFunctions, name: string): boolean {
	return planOf(ctx, name, 0).kind === 'literal';
}

/** Exactly `getNodeParameter(name, itemIndex, fallback)`, without the expression engine where it is not needed. */
export function getItemParameter(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	const plan = planOf(ctx, name, itemIndex);
	if (plan.kind !== 'engine') {
		const value = resolve(plan, ctx.getInputData()[itemIndex]?.json);
		if (value !== UNSURE) return value;
	}
	return ctx.getNodeParameter(name, itemIndex, fallback);
}
