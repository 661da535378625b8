import type { IDataObject } from 'n8n-workflow';

import { readCallbackPairs, sortCallbackPairs, type CallbackRequestLike } from './callbackRequest';
import type { TextEncodingOption, UsedEncoding } from './rawQuery';

export interface SoapOptions {
	includeRawQuery?: boolean;
	textEncoding?: TextEncodingOption;
}

export type SoapReading =
	| { ok: true; item: IDataObject; to: string; messageId: string; secret?: string }
	| { ok: false; problem: string; secret?: string };

function isTextEncoding(value: unknown): value is TextEncodingOption {
	return value === 'auto' || value === 'utf-8' || value === 'iso-8859-1';
}

/**
 * Reads the SOAP-era callback (`incsmsid`, `sender`, `text`, `to` in the query or a form body).
 * `secretParameterName` is set when a secret is configured: that parameter is taken out of the
 * output. `event` adds version 2's common fields.
 */
export function readSoapCallback(
	request: CallbackRequestLike,
	parsedBody: unknown,
	options: SoapOptions,
	secretParameterName: string | undefined,
	receivedAt: string,
	version2: boolean,
): SoapReading {
	const encoding: TextEncodingOption = isTextEncoding(options.textEncoding)
		? options.textEncoding
		: 'auto';
	const { pairs, rawQuery } = readCallbackPairs(request, parsedBody, encoding);
	const callback = sortCallbackPairs(pairs, rawQuery, secretParameterName);

	const incsmsid = callback.fields.incsmsid?.value.trim() ?? '';
	const sender = callback.fields.sender?.value ?? '';
	if (incsmsid === '' || sender === '') {
		const missing = [incsmsid === '' ? 'incsmsid' : '', sender === '' ? 'sender' : '']
			.filter((name) => name !== '')
			.join(' and ');
		return { ok: false, problem: `missing ${missing}`, secret: callback.secret };
	}
	const to = callback.fields.to?.value ?? '';
	const textEncoding: UsedEncoding =
		callback.fields.text?.encoding ?? (encoding === 'iso-8859-1' ? 'iso-8859-1' : 'utf-8');
	const common = { sender, to, text: callback.fields.text?.value ?? '', receivedAt };
	const item: IDataObject = version2
		? { event: 'incomingSms', messageId: incsmsid, ...common }
		: { incsmsid, ...common };
	item.encoding = textEncoding;
	item.query = callback.query;
	if (options.includeRawQuery === true) item.rawQuery = callback.rawQuery;
	return { ok: true, item, to, messageId: incsmsid, secret: callback.secret };
}
