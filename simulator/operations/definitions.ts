import type { Params } from '../soap/envelope';
import type { Store } from '../store';

/** WSDL types of parameters; complex ones are declared once in the schema. */
export type ParamType = 'string' | 'ArrayOfRecipient' | 'ArrayOfInlineFile';

export interface ParamDef {
	name: string;
	type: ParamType;
}

export type ResultType = 'string' | 'ArrayOfSmsStatus';

export interface OperationContext {
	store: Store;
	now: number;
}

export interface OperationDef {
	name: string;
	/** in WSDL order, with the contract's names; credentials also accept the aliases konto|Konto|acc, passwd|Passwd|pass */
	params: ParamDef[];
	result: ResultType;
	doc: string;
	run(ctx: OperationContext, p: Params): unknown;
}

export interface ServiceDef {
	name: 'sms' | 'mms';
	/** ASMX class name, used in the WSDL */
	serviceName: string;
	path: string;
	operations: Map<string, OperationDef>;
}

export function strings(...names: string[]): ParamDef[] {
	return names.map((name) => ({ name, type: 'string' as const }));
}

/** Credentials under any of their names in the manuals and the contract. */
export function credentials(p: Params): { account: string; key: string } {
	return { account: p.text('konto', 'acc'), key: p.text('passwd', 'pass') };
}
