/*
 * SMS templates (REST API v2): a paged list with a `category` filter. Its path is not public:
 * `/v2/templates/sms` first, `/v2/templates` when that answers 404 (docs/ip1-api-contract.md).
 */
import { NodeApiError, type ILoadOptionsFunctions } from 'n8n-workflow';

import type { CallOptions, Paging, SmsTemplate } from '../types';
import { REST_CREDENTIAL_TYPE, type RestClient } from './client';
import { field, isDoc, isoUtc, num, str, type Doc } from './documents';
import { PAGE_SIZE, readPages } from './paging';

export const TEMPLATE_PATHS = ['/v2/templates/sms', '/v2/templates'];

const hex = (value: number, digits: number) => (value >>> 0).toString(16).padStart(digits, '0').slice(-digits);

/** An id as a string, or the C# driver's ObjectId object turned back into its 24 hex characters. */
export function readObjectId(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (!isDoc(value)) return undefined;
	const oid = str(value, '$oid');
	if (oid) return oid;
	const timestamp = num(value, 'timestamp');
	const machine = num(value, 'machine');
	const pid = num(value, 'pid');
	const increment = num(value, 'increment');
	if ([timestamp, machine, pid, increment].some((n) => n === undefined)) return undefined;
	return hex(timestamp!, 8) + hex(machine!, 6) + hex(pid!, 4) + hex(increment!, 6);
}

export function readTemplate(doc: Doc): SmsTemplate {
	const pinned = field(doc, 'pinned');
	const template: SmsTemplate = {
		templateId: readObjectId(field(doc, 'id')) ?? '',
		name: str(doc, 'name') ?? '',
		category: str(doc, 'category'),
		pinned: typeof pinned === 'boolean' ? pinned : undefined,
		body: str(doc, 'body') ?? '',
		createdAt: isoUtc(field(doc, 'created')),
		modifiedAt: isoUtc(field(doc, 'modified')),
	};
	return Object.fromEntries(Object.entries(template).filter(([, v]) => v !== undefined)) as unknown as SmsTemplate;
}

/** Reads the templates; remembers which path answered, for the client's later calls. */
export class TemplateReader {
	private path?: string;

	constructor(private readonly client: RestClient) {}

	async list(paging: Paging & { category?: string }, opts: CallOptions): Promise<SmsTemplate[]> {
		const filter = paging.category ? { category: paging.category } : undefined;
		const candidates = this.path ? [this.path] : TEMPLATE_PATHS;
		let failure: unknown;
		for (const path of candidates) {
			const read = { path, call: 'list the SMS templates', itemIndex: opts.itemIndex, timeout: opts.timeout, filter };
			const outcome = await readPages(this.client, read, paging).then(
				(rows) => ({ rows }),
				(error: unknown) => ({ error }),
			);
			if ('rows' in outcome) {
				this.path = path;
				return outcome.rows.filter(isDoc).map(readTemplate);
			}
			failure = outcome.error;
			// 404: not this path; any other failure is the answer
			if (!(failure instanceof NodeApiError && String(failure.httpCode) === '404')) break;
		}
		throw failure;
	}
}

/**
 * The account's templates for the editor's Template list (outside an execution: plain requests, no
 * retries; n8n shows a failure in the list). One page of 1,000; the second path when the first is 404.
 */
export async function listTemplatesForEditor(ctx: ILoadOptionsFunctions): Promise<SmsTemplate[]> {
	const credentials = await ctx.getCredentials(REST_CREDENTIAL_TYPE);
	const baseUrl = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	for (const path of TEMPLATE_PATHS) {
		const answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, REST_CREDENTIAL_TYPE, {
			method: 'GET',
			url: `${baseUrl}${path}?start=0&limit=${PAGE_SIZE}`,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown };
		if (answer.statusCode === 404) continue;
		if (answer.statusCode < 200 || answer.statusCode >= 300) throw new Error(`iP.1 answered HTTP ${answer.statusCode} when asked to list the SMS templates`);
		return (Array.isArray(answer.body) ? answer.body : []).filter(isDoc).map(readTemplate);
	}
	throw new Error('iP.1 has no SMS templates list at this Base URL (HTTP 404)');
}
