import { SMS, SMS_CODES, UNKNOWN_CODE_TEXT } from '../codes';
import { childText, children, type Params } from '../soap/envelope';
import { stockholmTime } from '../stockholmTime';
import { credentials, strings, type OperationDef, type ServiceDef } from './definitions';
import { cancelMessage, sendBundle, sendSingle, type SendInput, type TemplatedRecipient } from './sending';

function sendInput(p: Params, flash: boolean, scheduled: boolean): SendInput {
	const { account, key } = credentials(p);
	const input: SendInput = {
		account,
		key,
		to: p.text('till'),
		from: p.text('from'),
		text: p.text('meddelande'),
		prio: p.text('prio'),
		flash,
		via: 'soap',
	};
	if (scheduled) input.sendAt = p.text('sendAt');
	return input;
}

function recipientsOf(p: Params): TemplatedRecipient[] {
	return children(p.node('recipients'), 'Recipient').map((r) => ({
		number: childText(r, 'Number'),
		fields: children(children(r, 'Parameters')[0], 'TemplateField').map((f) => ({
			key: childText(f, 'Key'),
			value: childText(f, 'Value'),
		})),
	}));
}

const sendParams = strings('konto', 'passwd', 'till', 'from', 'meddelande', 'prio');
const recipientsParam = { name: 'recipients', type: 'ArrayOfRecipient' as const };

const operations: OperationDef[] = [
	{
		name: 'balans',
		params: strings('Konto', 'Passwd'),
		result: 'string',
		doc: 'Current balance of the account with two decimals (250.00), or 101 for wrong credentials.',
		run({ store }, p) {
			const { account, key } = credentials(p);
			const a = store.authenticate(account, key);
			return a ? a.balance.toFixed(2) : String(SMS.wrongCredentials);
		},
	},
	{
		name: 'beskrivning',
		params: strings('Id'),
		result: 'string',
		doc: 'Description of a status code (appendix A).',
		run(_ctx, p) {
			const id = p.text('Id').trim();
			return (/^[0-9]+$/.test(id) && SMS_CODES[Number(id)]) || UNKNOWN_CODE_TEXT;
		},
	},
	{
		name: 'cancelBundle',
		params: strings('konto', 'passwd', 'bundleID'),
		result: 'string',
		doc: 'Cancels the scheduled messages of a bundle: 0, or an error code when none was pending.',
		run({ store, now }, p) {
			const { account, key } = credentials(p);
			const a = store.authenticate(account, key);
			if (!a) return String(SMS.wrongCredentials);
			const bundle = store.bundles.get(p.text('bundleID').trim());
			if (!bundle || bundle.account !== a.id) return String(SMS.nothingPending);
			let cancelled = 0;
			for (const id of bundle.messageIds) {
				const m = store.messages.get(id);
				if (m && cancelMessage(store, m, now)) cancelled++;
			}
			return String(cancelled > 0 ? 0 : SMS.nothingPending);
		},
	},
	{
		name: 'cancelSms',
		params: strings('konto', 'passwd', 'smsID'),
		result: 'string',
		doc: 'Cancels a scheduled SMS: 0, or an error code when it was not pending.',
		run({ store, now }, p) {
			const { account, key } = credentials(p);
			const a = store.authenticate(account, key);
			if (!a) return String(SMS.wrongCredentials);
			const m = store.messages.get(p.text('smsID').trim());
			if (!m || m.account !== a.id) return String(SMS.nothingPending);
			return String(cancelMessage(store, m, now) ? 0 : SMS.nothingPending);
		},
	},
	{
		name: 'flashSms',
		params: sendParams,
		result: 'string',
		doc: 'Sends a flash SMS: its id (≥ 1000) or a status code.',
		run: ({ store }, p) => sendSingle(store, sendInput(p, true, false)),
	},
	{
		name: 'sms',
		params: sendParams,
		result: 'string',
		doc: 'Sends an SMS: its id (≥ 1000) or a status code.',
		run: ({ store }, p) => sendSingle(store, sendInput(p, false, false)),
	},
	{
		name: 'smsAt',
		params: [...sendParams, ...strings('sendAt')],
		result: 'string',
		doc: 'Sends an SMS at sendAt (Unix seconds): its id or a status code; it stays at 11 until then.',
		run: ({ store }, p) => sendSingle(store, sendInput(p, false, true)),
	},
	{
		name: 'smsBundle',
		params: [...sendParams, recipientsParam],
		result: 'string',
		doc: 'Sends a message to every number in till (comma-separated) and every templated recipient: the bundle id or a status code.',
		run: ({ store }, p) => sendBundle(store, sendInput(p, false, false), recipientsOf(p)),
	},
	{
		name: 'smsBundleAt',
		params: [...sendParams, recipientsParam, ...strings('sendAt')],
		result: 'string',
		doc: 'As smsBundle, sent at sendAt (Unix seconds).',
		run: ({ store }, p) => sendBundle(store, sendInput(p, false, true), recipientsOf(p)),
	},
	{
		name: 'status',
		params: strings('id'),
		result: 'string',
		doc: 'Latest status code of an SMS (appendix A).',
		run({ store, now }, p) {
			const m = store.messages.get(p.text('id').trim());
			return String(m ? store.smsStatus(m, now) : SMS.unknownId);
		},
	},
	{
		name: 'statusBundle',
		params: strings('bundleID'),
		result: 'ArrayOfSmsStatus',
		doc: 'One SmsStatus (SmsId, Status) per message of the bundle.',
		run({ store, now }, p) {
			const bundle = store.bundles.get(p.text('bundleID').trim());
			const rows = (bundle?.messageIds ?? []).map((id) => {
				const m = store.messages.get(id)!;
				return { SmsId: id, Status: String(store.smsStatus(m, now)) };
			});
			return rows.length ? { SmsStatus: rows } : '';
		},
	},
	{
		name: 'tidpunkt',
		params: strings('id'),
		result: 'string',
		doc: 'Scheduled time of an SMS as Swedish local time (yyyy-mm-dd hh:mm:ss), or 0.',
		run({ store }, p) {
			const m = store.messages.get(p.text('id').trim());
			return m?.sendAt !== undefined ? stockholmTime(m.sendAt) : '0';
		},
	},
];

export const smsService: ServiceDef = {
	name: 'sms',
	serviceName: 'SendSms',
	path: '/sendSms/sendSms.asmx',
	operations: new Map(operations.map((o) => [o.name, o])),
};
