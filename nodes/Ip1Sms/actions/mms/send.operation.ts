import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { Ip1InputError } from '../../helpers/errors';
import { normalizePhoneNumber } from '../../helpers/phone';
import { validateMmsSender } from '../../helpers/sender';
import { toWireText } from '../../helpers/segments';
import { escapeXmlText, type XmlNode } from '../../transport/soapEnvelope';
import { getIp1Credentials } from '../../transport/credentials';
import { soapCall } from '../../transport/request';
import { expectId } from '../../transport/results';
import { timeoutOption, toField } from '../common.descriptions';
import { runPerItem } from '../itemRunner';
import { readOptions, readString, readTimeout } from '../params';

/** The MMS service refuses files above 300 kB together. */
export const MMS_MAX_BYTES = 300 * 1024;

const properties: INodeProperties[] = [
	toField,
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '',
		required: true,
		placeholder: '46701234567',
		description: 'Sender phone number with country code, digits only: the MMS service refuses text senders',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'The text part of the MMS',
	},
	{
		displayName: 'Input Binary Fields',
		name: 'binaryProperties',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'data, attachment',
		hint: 'The names of the input binary fields holding the files, separated by commas',
		description: 'Files to attach (images, audio, video): together at most 300 kB',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [timeoutOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['mms'], operation: ['send'] } }, properties);

interface PreparedMms {
	to: string;
	from: string;
	message: string;
	files: XmlNode[];
	summary: IDataObject[];
	totalBytes: number;
	timeout: number;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const creds = await getIp1Credentials.call(this);
	return await runPerItem(this, items, {
		prepare: async (i): Promise<PreparedMms> => {
			const to = normalizePhoneNumber(readString(this, 'to', i), 'To');
			const from = validateMmsSender(readString(this, 'from', i), 'From');
			const message = readString(this, 'message', i);
			escapeXmlText(toWireText(message), 'Message');
			const names = readString(this, 'binaryProperties', i)
				.split(',')
				.map((n) => n.trim())
				.filter(Boolean);
			if (!names.length) throw new Ip1InputError('Input Binary Fields', 'Input Binary Fields names no field');
			const files: XmlNode[] = [];
			const summary: IDataObject[] = [];
			let totalBytes = 0;
			for (const name of names) {
				if (!items[i].binary?.[name]) {
					const present = Object.keys(items[i].binary ?? {});
					throw new Ip1InputError(
						'Input Binary Fields',
						`Input Binary Fields: the item has no binary field "${name}"${present.length ? ` (it has: ${present.join(', ')})` : ' (it has no binary data)'}`,
					);
				}
				const meta = this.helpers.assertBinaryData(i, name);
				const buffer = await this.helpers.getBinaryDataBuffer(i, name);
				totalBytes += buffer.length;
				const fileName = meta.fileName || `${name}${meta.fileExtension ? `.${meta.fileExtension}` : ''}`;
				files.push({
					name: 'InlineFile',
					children: [
						{ name: 'FileName', text: fileName },
						{ name: 'ContentType', text: meta.mimeType || 'application/octet-stream' },
						{ name: 'Data', text: buffer.toString('base64') },
					],
				});
				summary.push({ fileName, mimeType: meta.mimeType, size: buffer.length });
			}
			if (totalBytes > MMS_MAX_BYTES) {
				throw new Ip1InputError(
					'Input Binary Fields',
					`Input Binary Fields: the files add up to ${Math.ceil(totalBytes / 1024)} kB; an MMS carries at most 300 kB`,
					'Send smaller or fewer files (compress or resize images first).',
				);
			}
			return { to, from, message, files, summary, totalBytes, timeout: readTimeout(readOptions(this, i)) };
		},
		run: async (p, i) => {
			const params: XmlNode[] = [
				{ name: 'acc', text: creds.accountId },
				{ name: 'pass', text: creds.apiKey },
				{ name: 'msg', text: toWireText(p.message) },
				{ name: 'to', text: p.to },
				{ name: 'from', text: p.from },
				{ name: 'files', children: p.files },
			];
			const { text } = await soapCall.call(this, creds, 'mms', 'sendMMS', params, {
				itemIndex: i,
				timeout: p.timeout,
				repeatable: false,
			});
			return {
				id: expectId(this, text, 'mms', 'sendMMS', i),
				to: p.to,
				from: p.from,
				message: p.message,
				files: p.summary,
				totalBytes: p.totalBytes,
			};
		},
	});
}
