import type { RestSettings } from './types';

export const DEFAULT_REST_SETTINGS: RestSettings = {
	postAnswer: 'created',
	deleteAnswer: 'ok',
	reportIdKey: 'both',
	errorBody: 'problem',
	linkStyle: 'semicolon',
	enumCase: 'lower',
	batchStatus: false,
	messagesListedAfterMs: 0,
	maxReferenceLength: 256,
	blacklistAdd: 'both',
	maxPageSize: 1000,
	maxRecipients: 10_000,
	rateLimit: null,
	webhookRetryMs: 10 * 60 * 1000,
	webhookMaxAttempts: 10,
	statusSuffixes: { '2020': 202, '4050': 405, '5050': 500 },
	templatesPath: 'sms',
	templateIdForm: 'string',
	contactSync: 'honoured',
	contactCreated: 'ok',
	contactFilters: 'applied',
	contactDelete: 'delete',
	labelAnswer: 'summary',
};

const CHOICES: Partial<Record<keyof RestSettings, readonly string[]>> = {
	postAnswer: ['created', 'ok', 'id', 'messages', 'accepted'],
	deleteAnswer: ['ok', 'noContent'],
	reportIdKey: ['id', 'messageId', 'both'],
	errorBody: ['problem', 'validation', 'text', 'empty'],
	linkStyle: ['semicolon', 'space'],
	templatesPath: ['sms', 'plain'],
	templateIdForm: ['string', 'object'],
	contactSync: ['honoured', 'ignored'],
	contactCreated: ['ok', 'created', 'object'],
	contactFilters: ['applied', 'ignored'],
	contactDelete: ['delete', 'post'],
	labelAnswer: ['summary', 'noContent'],
	enumCase: ['lower', 'vendor', 'integer'],
	blacklistAdd: ['both', 'put', 'post'],
};

const POSITIVE = ['maxPageSize', 'maxRecipients', 'webhookMaxAttempts', 'maxReferenceLength'] as const;

/** Merges `changes` into `base`, refusing an unknown name or value (the error names it). */
export function mergeRestSettings(base: RestSettings, changes: Partial<RestSettings> | undefined): RestSettings {
	const out: RestSettings = { ...base, statusSuffixes: { ...base.statusSuffixes } };
	for (const [name, value] of Object.entries(changes ?? {})) {
		if (value === undefined) continue;
		if (!(name in DEFAULT_REST_SETTINGS)) throw new Error(`unknown REST setting ${name}; one of ${Object.keys(DEFAULT_REST_SETTINGS).join(', ')}`);
		const choices = CHOICES[name as keyof RestSettings];
		if (choices && !choices.includes(value as string)) throw new Error(`${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
		if ((POSITIVE as readonly string[]).includes(name) && !(Number.isInteger(value) && (value as number) > 0)) {
			throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
		}
		for (const ms of ['webhookRetryMs', 'messagesListedAfterMs']) {
			if (name === ms && !(Number.isFinite(value) && (value as number) >= 0)) throw new Error(`${ms} must be a number ≥ 0`);
		}
		if (name === 'batchStatus' && typeof value !== 'boolean') throw new Error('batchStatus must be true or false');
		if (name === 'rateLimit' && value !== null) {
			const r = value as { requests: unknown; perMs: unknown };
			if (!(Number.isInteger(r.requests) && (r.requests as number) > 0 && Number.isFinite(r.perMs) && (r.perMs as number) > 0)) {
				throw new Error('rateLimit must be null or { requests: whole number > 0, perMs: number > 0 }');
			}
		}
		if (name === 'statusSuffixes') {
			if (typeof value !== 'object' || value === null) throw new Error('statusSuffixes must map a number ending to a status code');
			for (const [suffix, code] of Object.entries(value)) {
				if (!/^[0-9]+$/.test(suffix) || !(Number.isInteger(code) && (code as number) >= 100 && (code as number) <= 599)) {
					throw new Error(`statusSuffixes: ${JSON.stringify(suffix)} → ${JSON.stringify(code)} must be digits → a code 100–599`);
				}
			}
			out.statusSuffixes = { ...(value as Record<string, number>) };
			continue;
		}
		(out as unknown as Record<string, unknown>)[name] = value;
	}
	return out;
}
