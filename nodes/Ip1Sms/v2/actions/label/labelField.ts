import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { Ip1InputError } from '../../../helpers/errors';
import { readString } from '../../../shared/params';

export const labelField = (description: string): INodeProperties => ({
	displayName: 'Label',
	name: 'label',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. customers',
	description,
});

export function readLabel(ctx: IExecuteFunctions, itemIndex: number): string {
	const label = readString(ctx, 'label', itemIndex).trim();
	if (!label) throw new Ip1InputError('Label', 'Label is empty', 'Write the name of the label, e.g. customers.');
	if (label.includes('/')) throw new Ip1InputError('Label', 'Label has a slash in it', 'iP.1 takes the label in the address: use a name without /.');
	return label;
}
