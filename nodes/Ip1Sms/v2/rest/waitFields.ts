/* The fields of SMS → Send and Wait for Response (REST API v2); names as n8n's own send-and-wait nodes use them. */
import type { INodeProperties } from 'n8n-workflow';

import { pinNotice, toField } from '../../shared/fields';
import { messageField } from './sendFields';
import { fromLocator } from './senderLocator';

export const WAIT_LIMIT_UNITS = ['minutes', 'hours', 'days'] as const;

const limitWaitTime: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	description: 'How long to wait for the reply; when the time runs out, the node outputs an item with timedOut true',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					description: 'Stop waiting after a time interval, or at a date and time',
					options: [
						{ name: 'After Time Interval', description: 'Waits for a certain amount of time', value: 'afterTimeInterval' },
						{ name: 'At Specified Time', description: 'Waits until the set date and time', value: 'atSpecifiedTime' },
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 1,
					description: 'The time to wait',
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					options: [
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					default: 'hours',
					description: 'Unit of the interval value',
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
					default: '',
					description: 'Stop waiting at this date and time',
				},
			],
		},
	],
};

export const waitProperties: INodeProperties[] = [
	pinNotice,
	{
		...toField,
		description: 'The phone number to ask, with country code, e.g. +46701234567. Its reply resumes the workflow.',
	},
	{
		...fromLocator,
		description:
			'A phone number of your iP.1 account that receives SMS (registered as a sender): the reply comes back to it. A sender name cannot be replied to.',
	},
	{
		...messageField,
		placeholder: 'e.g. Your appointment is tomorrow at 10:00. Can you come?',
		description: 'The question. With Response Type Approval, the choices are added at the end unless switched off.',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{ name: 'Approval', value: 'approval', description: 'The person replies with one of two words, e.g. YES or NO' },
			{ name: 'Free Text', value: 'freeText', description: 'The first reply is the answer, whatever it says' },
		],
		description: 'What kind of answer to wait for',
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { responseType: ['approval'] } },
		options: [
			{
				displayName: 'Add Choices to Message',
				name: 'appendChoices',
				type: 'boolean',
				default: true,
				description: 'Whether to end the SMS with "Reply YES to approve or NO to decline" (with your words)',
			},
			{
				displayName: 'Approve Words',
				name: 'approveWords',
				type: 'string',
				default: 'YES',
				placeholder: 'e.g. YES, JA, 1',
				description: 'Replies that approve, separated by commas. The first word of a reply counts; case, spaces and punctuation do not.',
			},
			{
				displayName: 'Ask Again',
				name: 'reask',
				type: 'boolean',
				default: true,
				description:
					'Whether to answer a reply that names neither choice with one more SMS and keep waiting. Off, or for a second such reply, the answer is declined (approved false, with the reply).',
			},
			{
				displayName: 'Ask Again Message',
				name: 'reaskMessage',
				type: 'string',
				default: '',
				placeholder: 'e.g. Please reply YES or NO',
				description: 'The SMS sent once when a reply names neither choice. Empty: "Please reply YES or NO" with your words.',
			},
			{
				displayName: 'Decline Words',
				name: 'declineWords',
				type: 'string',
				default: 'NO',
				placeholder: 'e.g. NO, NEJ, 2',
				description: 'Replies that decline, separated by commas',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [limitWaitTime],
	},
	{
		displayName:
			'The reply reaches this workflow through an iP.1 SMS Trigger (REST API) with Resume Waiting Executions on, in any active workflow of this n8n: see the node\'s documentation',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
];
