/*
 * Version 2's operations on the SOAP web services of iP.1's manuals. SMS, MMS Message, Account and
 * Status Code are version 1's operations, unchanged (only their output names follow the node
 * version: shared/params.ts); Batch carries version 1's Group Message. A resource's first operation is its default.
 * Group Message itself is not in version 2's Resource list, but a version 2 node saved with it (by hand,
 * or changed from version 1) has always run: it keeps running.
 */
import type { SoapGateway } from '../../gateway';
import type { Registry } from '../../shared/registry';
import { account, groupSms, mms, sms, statusCode } from '../../v1/actions/registry';
import * as batchCancel from './batch/cancel.soap';
import * as batchGetMessages from './batch/getMessages.soap';
import * as batchSchedule from './batch/schedule.soap';
import * as batchSend from './batch/send.soap';

export const soapRegistry = {
	sms,
	batch: { send: batchSend, schedule: batchSchedule, getMessages: batchGetMessages, cancel: batchCancel },
	mms,
	account,
	statusCode,
	groupSms,
} satisfies Registry<SoapGateway>;
