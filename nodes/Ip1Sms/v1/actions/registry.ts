/* Version 1's operations: the SOAP web services and URL call of iP.1's manuals. A resource's first operation is its default. */
import type { SoapGateway } from '../../gateway';
import type { Registry } from '../../shared/registry';
import * as accountGetBalance from './account/getBalance.operation';
import * as groupSmsCancel from './groupSms/cancel.operation';
import * as groupSmsGetStatus from './groupSms/getStatus.operation';
import * as groupSmsSchedule from './groupSms/schedule.operation';
import * as groupSmsSend from './groupSms/send.operation';
import * as mmsGetStatus from './mms/getStatus.operation';
import * as mmsSend from './mms/send.operation';
import * as smsCancel from './sms/cancel.operation';
import * as smsGetScheduledTime from './sms/getScheduledTime.operation';
import * as smsGetStatus from './sms/getStatus.operation';
import * as smsSchedule from './sms/schedule.operation';
import * as smsSend from './sms/send.operation';
import * as smsSendFlash from './sms/sendFlash.operation';
import * as statusCodeDescribe from './statusCode/describe.operation';

export const sms = {
	send: smsSend,
	sendFlash: smsSendFlash,
	schedule: smsSchedule,
	cancel: smsCancel,
	getStatus: smsGetStatus,
	getScheduledTime: smsGetScheduledTime,
};
export const mms = { send: mmsSend, getStatus: mmsGetStatus };
export const account = { getBalance: accountGetBalance };
export const statusCode = { describe: statusCodeDescribe };

export const groupSms = { send: groupSmsSend, schedule: groupSmsSchedule, cancel: groupSmsCancel, getStatus: groupSmsGetStatus };

export const registry = {
	sms,
	groupSms,
	mms,
	account,
	statusCode,
} satisfies Registry<SoapGateway>;
