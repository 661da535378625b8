import { MMS, MMS_MAX_BYTES, PRICE_PER_MMS } from '../codes';
import { isValidMmsSender, isValidNumber } from '../rules';
import { decodeLineBreaks } from '../smsText';
import { childText, children } from '../soap/envelope';
import type { StoredMms } from '../store';
import type { MmsFileRecord } from '../types';
import { credentials, strings, type OperationDef, type ServiceDef } from './definitions';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

const operations: OperationDef[] = [
	{
		name: 'sendMMS',
		params: [...strings('acc', 'pass', 'msg', 'to', 'from'), { name: 'files', type: 'ArrayOfInlineFile' }],
		result: 'string',
		doc: 'Sends an MMS: its id (≥ 1000) or a status code (appendix B). The sender must be a number; files together at most 300 kB.',
		run({ store, now }, p) {
			const { account, key } = credentials(p);
			const a = store.authenticate(account, key);
			if (!a) return String(MMS.loginFailed);
			const to = p.text('to').trim();
			if (!isValidNumber(to)) return String(MMS.invalidNumber);
			const from = p.text('from').trim();
			if (!isValidMmsSender(from)) return String(MMS.invalidNumber);
			const files: MmsFileRecord[] = [];
			let total = 0;
			for (const f of children(p.node('files'), 'InlineFile')) {
				const data = childText(f, 'Data').replace(/\s+/g, '');
				if (!BASE64.test(data)) return String(MMS.invalidContent);
				const size = Buffer.byteLength(data, 'base64');
				total += size;
				files.push({ name: childText(f, 'FileName'), contentType: childText(f, 'ContentType'), size });
			}
			if (total > MMS_MAX_BYTES) return String(MMS.invalidContent);
			const text = decodeLineBreaks(p.text('msg'));
			if (text.trim() === '' && files.length === 0) return String(MMS.invalidContent);
			if (a.balance < PRICE_PER_MMS) return String(MMS.insufficientFunds);
			a.balance = Math.round((a.balance - PRICE_PER_MMS) * 100) / 100;
			const m: StoredMms = { id: store.newId(), account: a.id, to, from, text, files, acceptedAt: now, failure: store.failureFor(to) };
			store.mms.set(m.id, m);
			store.accepted++;
			return m.id;
		},
	},
	{
		name: 'status',
		params: strings('mmsId'),
		result: 'string',
		doc: 'Latest status code of an MMS (appendix B).',
		run({ store, now }, p) {
			const m = store.mms.get(p.text('mmsId').trim());
			return String(m ? store.mmsStatus(m, now) : MMS.unknownId);
		},
	},
];

export const mmsService: ServiceDef = {
	name: 'mms',
	serviceName: 'Mms',
	path: '/mms/mms.asmx',
	operations: new Map(operations.map((o) => [o.name, o])),
};
