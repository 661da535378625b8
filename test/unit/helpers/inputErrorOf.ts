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

/** The Ip1InputError that `fn` throws, or undefined when it throws nothing (a value it accepts). */
export function thrownInputError(fn: () => unknown): Ip1InputError | undefined {
	try {
		fn();
		return undefined;
	} catch (error) {
		expect(error).toBeInstanceOf(Ip1InputError);
		return error as Ip1InputError;
	}
}

/** One generated bad input: what it is, the field its error must name, the error (undefined: accepted). */
export interface InputErrorCase {
	what: string;
	field: string;
	error: Ip1InputError | undefined;
}
