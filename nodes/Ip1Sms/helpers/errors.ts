/**
 * A value the user entered (or mapped in) that the gateway would refuse or misread.
 * `field` is the parameter's UI name; the node turns this into a NodeOperationError for the item.
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
	const shown = value.length > max ? value.slice(0, max - 1) + '…' : value;
	return '"' + shown + '"';
}
