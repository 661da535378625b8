/*
 * Version 2's operations on the SOAP web services of iP.1's manuals. SMS, MMS Message, Account and
 * Status Code are version 1's operations, unchanged (only their output names follow the node
 * version: shared/params.ts); Batch carries version 1's Group Message. A resource's first operation is its default.
 */
import type { SoapGateway } from '../../gateway';
import type { Registry } from '../../shared/registry';
import { account, mms, sms, statusCode } from '../../v1/actions/registry';
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
} satisfies Registry<SoapGateway>;
