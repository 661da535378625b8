/*
 * Message From → Template in the REST sends: the text is one of the account's SMS templates, its
 * {placeholders} filled by Template Fields and checked as a written Message is (helpers/placeholders).
 */
import type { IExecuteFunctions, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { listTemplatesForEditor, type Ip1Gateway, type Ip1RestGateway } from '../../gateway';
import { Ip1InputError, quoteValue } from '../../helpers/errors';
import { getItemParameter } from '../../helpers/itemParameters';
import { checkRestTemplate, readTemplate } from '../../helpers/placeholders';
import { readCallOptions } from '../../shared/ids';
import { senderValue } from './senderLocator';

export const messageSourceField: INodeProperties = {
	displayName: 'Message From',
	name: 'messageSource',
	type: 'options',
	noDataExpression: true,
	default: 'text',
	options: [
		{ name: 'Text', value: 'text', description: 'The message written here' },
		{ name: 'Template', value: 'template', description: "One of the account's SMS templates; Template Fields fill its {placeholders}" },
	],
	description: 'Write the message here, or send one of the account\'s SMS templates',
};

export const templateLocator: INodeProperties = {
	displayName: 'Template',
	name: 'template',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	displayOptions: { show: { messageSource: ['template'] } },
	description:
		"The SMS template to send (made in iP.1's portal). Every {placeholder} in it needs a Template Field; a placeholder without one stops the send before anything goes out.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template…',
			typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 5bc86b6e85c7209830f96936' },
	],
};

/** The account's templates for the Template list; `filter` keeps those whose name or category contains it. */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const templates = (await listTemplatesForEditor(this)).filter((t) => `${t.name} ${t.category ?? ''}`.toLowerCase().includes(wanted));
	return { results: templates.map((t) => ({ name: t.category && t.category !== '/' ? `${t.name} (${t.category})` : t.name, value: t.templateId })) };
}

/** The input error a check throws, or undefined when it passes. */
function refusal(check: () => void): Ip1InputError | undefined {
	try {
		check();
		return undefined;
	} catch (error) {
		if (error instanceof Ip1InputError) return error;
		return new Ip1InputError('Template', (error as Error).message);
	}
}

const usesTemplate = (ctx: IExecuteFunctions, itemIndex: number) => getItemParameter(ctx, 'messageSource', itemIndex, 'text') === 'template';

/**
 * The item's template body, or undefined when it writes its Message. Its placeholders are checked
 * against `values()` (the item's Template Fields, read only for a template); `fill` fills them (one text for every recipient of
 * the item), else the body goes as written (Combine Input Items: iP.1 fills it per recipient).
 */
export async function templateText(
	ctx: IExecuteFunctions,
	gateway: Ip1Gateway,
	itemIndex: number,
	values: () => Record<string, string> | undefined,
	fill: boolean,
): Promise<string | undefined> {
	if (!usesTemplate(ctx, itemIndex)) return undefined;
	const raw = senderValue(getItemParameter(ctx, 'template', itemIndex, ''));
	const id = raw === null || raw === undefined ? '' : String(raw).trim();
	if (!id) throw new Ip1InputError('Template', 'Template is empty', 'Choose a template from the list, or give its ID.');
	const rest = gateway as Partial<Ip1RestGateway>;
	if (!rest.getTemplate) throw new Ip1InputError('Template', 'SMS templates need the REST API', 'Choose API → REST API V2, or write the Message.');
	const template = await rest.getTemplate(id, readCallOptions(ctx, itemIndex));
	if (!template) {
		throw new Ip1InputError('Template', `Template ${quoteValue(id)} is not among the account's SMS templates`, 'Choose one from the list (Template → From List), or map the ID of Template → Get Many.');
	}
	const parsed = readTemplate(template.body);
	const filled = values() ?? {};
	const problem = refusal(() => checkRestTemplate(parsed, Object.keys(filled)));
	if (problem) {
		// the same checks as a written Message, named for the template
		const named = problem.message.replace(/\bthe Message\b|\bMessage\b/, `template ${quoteValue(template.name, 30)}`);
		throw new Ip1InputError(problem.field === 'Message' ? 'Template' : problem.field, named, problem.hint);
	}
	return fill ? gateway.render(parsed.text, filled) : template.body;
}
