/*
 * Version 2's SOAP outputs in the names and forms of its REST outputs (one name and one form for one
 * thing, so that one output schema describes both APIs). The SOAP modules put out version 1's names,
 * which version 1 keeps (version1Frozen.test.ts).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { SoapGateway } from '../../gateway';
import type { Operation } from '../../shared/registry';

export type KeyNames = Record<string, string>;

/** Most SOAP outputs: a message's id, its status, the text's character set. */
export const MESSAGE_NAMES: KeyNames = {
	id: 'messageId',
	bundleId: 'batchId',
	final: 'state',
	code: 'statusCode',
	description: 'statusDescription',
	encoding: 'characterSet',
};

/** Status Code → Describe: its `description` is iP.1's own text, its `action` what the status means. */
export const DESCRIBE_NAMES: KeyNames = {
	code: 'statusCode',
	description: 'gatewayDescription',
	action: 'statusDescription',
	final: 'state',
};

/** The SOAP priorities (the manuals: 1 low, 2 normal, 3 high) named as REST's: `normal`, `high`. */
const PRIORITY_NAMES: Record<number, string> = { 1: 'low', 2: 'normal', 3: 'high' };

/** The SOAP text encodings named as REST's character sets: `GSM`, `UCS-2`. */
const CHARACTER_SET_NAMES: Record<string, string> = { 'GSM 03.38': 'GSM', 'UCS-2': 'UCS-2' };

function value(key: string, original: unknown): unknown {
	if (key === 'priority' && typeof original === 'number') return PRIORITY_NAMES[original] ?? original;
	if (key === 'characterSet' && typeof original === 'string') return CHARACTER_SET_NAMES[original] ?? original;
	return original;
}

/** A Continue On Fail item of a gateway code: `error` and its `description` as REST's error items have them. */
const ERROR_NAMES: KeyNames = { code: 'statusCode' };

/** One output's keys renamed, in their order. */
export function renameKeys(json: IDataObject, names: KeyNames): IDataObject {
	if ('error' in json) names = ERROR_NAMES;
	const out: IDataObject = {};
	for (const key of Object.keys(json)) {
		const name = names[key] ?? key;
		out[name] = value(name, json[key]) as IDataObject[string];
	}
	// REST's `characters` counts the text as a reader does; the SOAP modules count the places it takes
	// in SMS (an extension character or a line break more than one)
	if (typeof out.characters === 'number' && typeof out.message === 'string') out.characters = [...out.message].length;
	return out;
}

function renamed(operation: Operation<SoapGateway>, names: KeyNames): Operation<SoapGateway> {
	return {
		...operation,
		async execute(items, gateway): Promise<INodeExecutionData[]> {
			const output = await operation.execute.call(this, items, gateway);
			return output.map((item) => ({ ...item, json: renameKeys(item.json, names) }));
		},
	};
}

/** Every operation of a resource with version 2's names. */
export function withV2Names<O extends Record<string, Operation<SoapGateway>>>(operations: O, names: KeyNames = MESSAGE_NAMES): O {
	const out = {} as Record<string, Operation<SoapGateway>>;
	for (const key of Object.keys(operations)) out[key] = renamed(operations[key], names);
	return out as O;
}
