/* Version 2's operations on the REST API v2. A resource's first operation is its default. */
import type { Ip1RestGateway } from '../../gateway';
import type { Registry } from '../../shared/registry';
import * as accountGetBalance from './account/getBalance.rest';
import * as batchCancel from './batch/cancel.rest';
import * as batchGet from './batch/get.rest';
import * as batchGetAll from './batch/getAll.rest';
import * as batchGetMessages from './batch/getMessages.rest';
import * as batchSchedule from './batch/schedule.rest';
import * as batchSend from './batch/send.rest';
import * as blacklistAdd from './blacklist/add.rest';
import * as blacklistGetAll from './blacklist/getAll.rest';
import * as blacklistRemove from './blacklist/remove.rest';
import * as contactCreate from './contact/create.rest';
import * as contactDelete from './contact/delete.rest';
import * as contactGet from './contact/get.rest';
import * as contactGetAll from './contact/getAll.rest';
import * as contactUpdate from './contact/update.rest';
import * as contactUpsert from './contact/upsert.rest';
import * as labelAddContacts from './label/addContacts.rest';
import * as labelDelete from './label/delete.rest';
import * as templateGetAll from './template/getAll.rest';
import * as conversationGetMessages from './conversation/getMessages.rest';
import * as conversationGetSummary from './conversation/getSummary.rest';
import * as senderGet from './sender/get.rest';
import * as senderGetAll from './sender/getAll.rest';
import * as senderRegister from './sender/register.rest';
import * as senderRemove from './sender/remove.rest';
import * as smsCancel from './sms/cancel.rest';
import * as smsGetStatus from './sms/getStatus.rest';
import * as smsSchedule from './sms/schedule.rest';
import * as smsSend from './sms/send.rest';
import * as smsSendAndWait from './sms/sendAndWait.rest';

export const restRegistry = {
	sms: { send: smsSend, sendAndWait: smsSendAndWait, schedule: smsSchedule, cancel: smsCancel, getStatus: smsGetStatus },
	batch: { send: batchSend, schedule: batchSchedule, get: batchGet, getAll: batchGetAll, getMessages: batchGetMessages, cancel: batchCancel },
	conversation: { getMessages: conversationGetMessages, getSummary: conversationGetSummary },
	sender: { getAll: senderGetAll, get: senderGet, register: senderRegister, remove: senderRemove },
	blacklist: { getAll: blacklistGetAll, add: blacklistAdd, remove: blacklistRemove },
	account: { getBalance: accountGetBalance },
	template: { getAll: templateGetAll },
	contact: { create: contactCreate, upsert: contactUpsert, update: contactUpdate, get: contactGet, getAll: contactGetAll, delete: contactDelete },
	label: { addContacts: labelAddContacts, delete: labelDelete },
} satisfies Registry<Ip1RestGateway>;
