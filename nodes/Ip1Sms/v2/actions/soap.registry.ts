/*
 * Version 2's operations on the SOAP web services of iP.1's manuals. SMS, MMS Message, Account and
 * Status Code are version 1's operations, unchanged but for their output names (soapOutputNames.ts);
 * Batch carries version 1's Group Message. A resource's first operation is its default.
 * Group Message itself is not in version 2's Resource list, but a version 2 node saved with it (by hand,
 * or changed from version 1) has always run: it keeps running.
 */
import type { SoapGateway } from '../../gateway';
import { pinNotice } from '../../shared/fields';
import type { Operation, Registry } from '../../shared/registry';
import { account, groupSms, mms, sms, statusCode } from '../../v1/actions/registry';
import * as batchCancel from './batch/cancel.soap';
import * as batchGetMessages from './batch/getMessages.soap';
import * as batchSchedule from './batch/schedule.soap';
import * as batchSend from './batch/send.soap';
import { DESCRIBE_NAMES, withV2Names } from './soapOutputNames';

/**
 * Version 1's modules with version 2's action names (the nodes panel's entries, the node's name when
 * added): no articles, as the REST actions; what only the SOAP API has says "legacy SOAP", since the
 * panel lists it among the REST actions. Version 1 keeps its own names (version1Frozen.test.ts).
 */
function named<O extends Record<string, Operation<SoapGateway>>>(operations: O, actions: { [K in keyof O]: string }): O {
	const out = {} as Record<string, Operation<SoapGateway>>;
	for (const key of Object.keys(operations)) out[key] = { ...operations[key], option: { ...operations[key].option, action: actions[key] } };
	return out as O;
}

/** A send's fields begin with the notice to pin its output while building (v2/rest sends: sendFields.ts). */
function pinned<O extends Record<string, Operation<SoapGateway>>>(operations: O, sends: Array<keyof O>): O {
	const out = { ...operations } as Record<string, Operation<SoapGateway>>;
	for (const key of sends as string[]) out[key] = { ...out[key], properties: [pinNotice, ...out[key].properties] };
	return out as O;
}

export const soapRegistry = {
	sms: withV2Names(pinned(named(sms, {
		send: 'Send SMS',
		sendFlash: 'Send flash SMS',
		schedule: 'Schedule SMS',
		cancel: 'Cancel scheduled SMS',
		getStatus: 'Get SMS status',
		getScheduledTime: 'Get scheduled time of SMS',
	}), ['send', 'sendFlash', 'schedule'])),
	batch: withV2Names(pinned({ send: batchSend, schedule: batchSchedule, getMessages: batchGetMessages, cancel: batchCancel }, ['send', 'schedule'])),
	mms: withV2Names(pinned(named(mms, { send: 'Send MMS (legacy SOAP)', getStatus: 'Get MMS status (legacy SOAP)' }), ['send'])),
	account: named(account, { getBalance: 'Get account balance' }),
	statusCode: withV2Names(named(statusCode, { describe: 'Describe status code (legacy SOAP)' }), DESCRIBE_NAMES),
	groupSms: withV2Names(groupSms),
} satisfies Registry<SoapGateway>;
