/**
 * A value the user entered (or mapped in) that the gateway would refuse or misread.
 * `field` is the parameter's UI name; the node turns this into a NodeOperationError for the item:
 * `message` is its title (short: what is wrong), `hint` its description (how to fix it).
 */
export class Ip1InputError extends Error {
	constructor(
		public readonly field: string,
		message: string,
		public readonly hint?: string,
	) {
		super(message);
		this.name = 'Ip1InputError';
	}
}

/** Shows a value in an error message: quoted, shortened when long. */
export function quoteValue(value: string, max = 40): string {
	const shown = value.length > max ? value.slice(0, max - 1).trimEnd() + '…' : value;
	return '"' + shown + '"';
}

/** The longest title the value may stretch: with the ` [item 1234]` the runner adds, 80 characters. */
export const TITLE_LENGTH = 68;
/** A title n8n shows without an item suffix (a gateway's error): as long as an input error's with it. */
export const FULL_TITLE_LENGTH = 80;
/** A value is shown with at least this many characters, however long the rest of the title. */
const MIN_SHOWN = 12;

/** A short error title that names the subject and the value: `To "0701234567" has no country code`. */
export function valueTitle(subject: string, value: string, problem: string): string {
	const room = Math.max(MIN_SHOWN, TITLE_LENGTH - subject.length - problem.length - 4);
	return `${subject} ${quoteValue(value, room)} ${problem}`;
}

/** A short error title for a value outside a choice: `Priority must be 1, 2 or 3, not "7"`, the value shortened to fit. */
export function mustBeTitle(subject: string, allowed: string, value: string): string {
	const head = `${subject} must be ${allowed}, not `;
	return head + quoteValue(value, Math.max(MIN_SHOWN, TITLE_LENGTH - head.length - 2));
}
