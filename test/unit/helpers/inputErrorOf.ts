import { Ip1InputError } from '../../../nodes/Ip1Sms/helpers/errors';

/** The Ip1InputError that `fn` throws; fails the test when it throws nothing or something else. */
export function inputErrorOf(fn: () => unknown): Ip1InputError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(Ip1InputError);
		return error as Ip1InputError;
	}
	throw new Error('expected an Ip1InputError');
}
