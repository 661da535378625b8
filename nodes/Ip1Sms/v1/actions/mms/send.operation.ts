import {
	type IBinaryData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { Ip1InputError, quoteValue } from '../../../helpers/errors';
import { normalizePhoneNumber } from '../../../helpers/phone';
import { validateMmsSender } from '../../../helpers/sender';
import { toWireText } from '../../../helpers/segments';
import { assertSoapText, type MmsFile, type SoapGateway } from '../../../gateway';
import { timeoutOptions, toField } from '../../../shared/fields';
import { runPerItem } from '../../../helpers/itemRunner';
import { readOptions, readString, readTimeout } from '../../../shared/params';

/** The MMS service refuses files above 300 kB together. */
const MMS_MAX_KB = 300;
export const MMS_MAX_BYTES = MMS_MAX_KB * 1024;

export const option = { name: 'Send', description: 'Send an MMS with files from binary data', action: 'Send an MMS' };

export const properties: INodeProperties[] = [
	toField,
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 46701234567',
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
		placeholder: 'e.g. data, attachment',
		hint: 'The names of the input binary fields holding the files, separated by commas',
		description: 'Files to attach (images, audio, video): together at most 300 kB',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [timeoutOptions.soap],
	},
];

interface InputFile {
	/** The input binary field. */
	field: string;
	fileName: string;
	mimeType: string;
	/** As n8n recorded it when the file was stored; checked against the data when it is read. */
	bytes: number;
}

interface PreparedMms {
	to: string;
	from: string;
	message: string;
	/** Only names and sizes: the data is read when this item is sent, so only the item in flight is held. */
	files: InputFile[];
	timeout?: number;
}

export function sizeError(totalBytes: number): Ip1InputError {
	return new Ip1InputError(
		'Input Binary Fields',
		`Input Binary Fields: the files add up to ${Math.ceil(totalBytes / 1024)} kB, more than ${MMS_MAX_KB} kB`,
		`An MMS carries at most ${MMS_MAX_KB} kB. Send smaller or fewer files (compress or resize images first).`,
	);
}

export function missingField(name: string, present: string[]): Ip1InputError {
	return new Ip1InputError(
		'Input Binary Fields',
		`Input Binary Fields: the item has no binary field ${quoteValue(name, 16)}`,
		present.length
			? `Its binary fields: ${present.join(', ')}. Name one of them.`
			: 'The item has no binary data: read or download the file in a node before this one.',
	);
}

/** The file's size without reading its data where n8n recorded it (every binary stored by n8n 1.x/2.x). */
async function fileBytes(ctx: IExecuteFunctions, meta: IBinaryData, itemIndex: number, field: string): Promise<number> {
	if (typeof meta.bytes === 'number') return meta.bytes;
	if (meta.id) return (await ctx.helpers.getBinaryMetadata(meta.id)).fileSize;
	if (typeof meta.data === 'string' && meta.data !== '') return Buffer.byteLength(meta.data, 'base64');
	return (await ctx.helpers.getBinaryDataBuffer(itemIndex, field)).length;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: SoapGateway): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, {
		prepare: async (i): Promise<PreparedMms> => {
			const to = normalizePhoneNumber(readString(this, 'to', i), 'To');
			const from = validateMmsSender(readString(this, 'from', i), 'From');
			const message = readString(this, 'message', i);
			assertSoapText(toWireText(message), 'Message');
			const names = readString(this, 'binaryProperties', i)
				.split(',')
				.map((n) => n.trim())
				.filter(Boolean);
			if (!names.length) {
				throw new Ip1InputError(
					'Input Binary Fields',
					'Input Binary Fields names no field',
					'Enter the names of the binary fields to attach, separated by commas, e.g. data.',
				);
			}
			const files: InputFile[] = [];
			for (const name of names) {
				if (!items[i].binary?.[name]) throw missingField(name, Object.keys(items[i].binary ?? {}));
				const meta = this.helpers.assertBinaryData(i, name);
				files.push({
					field: name,
					fileName: meta.fileName || `${name}${meta.fileExtension ? `.${meta.fileExtension}` : ''}`,
					mimeType: meta.mimeType,
					bytes: await fileBytes(this, meta, i, name),
				});
			}
			const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
			if (totalBytes > MMS_MAX_BYTES) throw sizeError(totalBytes);
			return { to, from, message, files, timeout: readTimeout(readOptions(this, i)) };
		},
		run: async (p, i) => {
			const files: MmsFile[] = [];
			const summary: IDataObject[] = [];
			let totalBytes = 0;
			for (const file of p.files) {
				const buffer = await this.helpers.getBinaryDataBuffer(i, file.field);
				totalBytes += buffer.length;
				files.push({ fileName: file.fileName, mimeType: file.mimeType, data: buffer });
				summary.push({ fileName: file.fileName, mimeType: file.mimeType, size: buffer.length });
			}
			// Only when a recorded size was wrong (a hand-made binary): still refused before its request.
			if (totalBytes > MMS_MAX_BYTES) throw sizeError(totalBytes);
			const mms = { to: p.to, sender: p.from, text: p.message, files };
			const id = await gateway.sendMms(mms, { itemIndex: i, timeout: p.timeout });
			return {
				id,
				to: p.to,
				from: p.from,
				message: p.message,
				files: summary,
				totalBytes,
			};
		},
	});
}
