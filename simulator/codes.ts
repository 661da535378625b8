
/** Appendix A of the manuals: status codes for SMS (English manual's "Status" column). */
export const SMS_CODES: Record<number, string> = {
	0: 'Delivered to gateway',
	1: 'Gateway login failed',
	2: 'Invalid message content',
	3: 'Invalid phone number format',
	4: 'Insufficient funds',
	10: 'Received by the gateway',
	11: 'Delayed delivery',
	12: 'Delayed delivery canceled',
	21: 'Delivered to the GSM network',
	22: 'Delivered to the phone',
	30: 'Insufficient funds',
	41: 'Invalid message content',
	42: 'Internal error',
	43: 'Delivery failed',
	50: 'General delivery error',
	51: 'Delivery to GSM network failed',
	52: 'Delivery to phone failed',
	100: 'Insufficient funds',
	101: 'Wrong account credentials',
	110: 'Parameter error',
};

export const UNKNOWN_CODE_TEXT = 'Unknown status code';

/** The codes the simulator answers with; one place so that docs and tests agree. */
export const SMS = {
	delivered: 22,
	toNetwork: 21,
	atGateway: 0,
	scheduled: 11,
	cancelled: 12,
	invalidContent: 2,
	invalidNumber: 3,
	insufficientFunds: 4,
	gsmFailed: 51,
	phoneFailed: 52,
	wrongCredentials: 101,
	parameterError: 110,
	/** cancelSms / cancelBundle when nothing was pending, status of an unknown id */
	nothingPending: 110,
	unknownId: 110,
	invalidSender: 110,
} as const;

/** Appendix B: the MMS service answers with these. */
export const MMS = {
	delivered: 22,
	toNetwork: 21,
	atGateway: 0,
	loginFailed: 1,
	invalidContent: 2,
	invalidNumber: 3,
	insufficientFunds: 4,
	gsmFailed: 50,
	phoneFailed: 44,
	unknownId: 50,
} as const;

export const PRICE_PER_SMS_SEGMENT = 1;
export const PRICE_PER_MMS = 1;
export const MMS_MAX_BYTES = 300 * 1024;

/** Appendix B texts, for the web view. */
export const MMS_CODES_TEXT: Record<number, string> = {
	0: 'Delivered to gateway',
	1: 'Gateway login failed',
	2: 'Invalid message content',
	3: 'Invalid phone number format',
	4: 'Insufficient funds',
	11: 'Delayed delivery',
	21: 'Delivered to the GSM network',
	22: 'Delivered to the phone',
	30: 'Insufficient funds',
	41: 'Invalid message content',
	42: 'Internal error',
	44: 'Delivery failed',
	45: 'Invalid phone number',
	50: 'General delivery error',
};
