import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { validateSender } from '../../../helpers/sender';
import { readString } from '../../../shared/params';

export const senderField = (description: string): INodeProperties => ({
	displayName: 'Sender',
	name: 'sender',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. MyCompany',
	description: `${description}: 3–11 letters or digits (A–Z, a–z, 0–9), or a phone number of 3–15 digits with the country code first, e.g. 46701234567`,
});

export function readSender(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateSender(readString(ctx, 'sender', itemIndex), 'Sender');
}
