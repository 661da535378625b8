/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { Parser } from 'xml2js';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';

export type SoapVersion = '1.1' | '1.2';

/**
 * An element as xml2js gives it (every child in an array, attributes under `$`, text under `_`).
 * Names keep their prefixes: namespaces are resolved here along the fixed Envelope > Body > operation
 * path, which is faster than xml2js' own namespace mode on the hot `sms` path.
 */
export interface XmlNode {
	_?: string;
	$?: Record<string, string>;
	[child: string]: unknown;
}

function localName(qname: string): string {
	return qname.slice(qname.indexOf(':') + 1);
}

function isChildKey(key: string): boolean {
	return key !== '$' && key !== '_';
}

/** The wrapped parameters of an operation: looked up by local name, case-insensitively. */
export class Params {
	private readonly byName = new Map<string, XmlNode>();

	constructor(element: XmlNode) {
		for (const key of Object.keys(element)) {
			if (!isChildKey(key)) continue;
			const lower = localName(key).toLowerCase();
			const nodes = element[key] as unknown[];
			if (!this.byName.has(lower)) this.byName.set(lower, toNode(nodes[0]));
		}
	}

	/** Text of the first of `names` that is present; '' when none is (ASMX would pass null). */
	text(...names: string[]): string {
		for (const n of names) {
			const node = this.byName.get(n.toLowerCase());
			if (node) return nodeText(node);
		}
		return '';
	}

	node(name: string): XmlNode | undefined {
		return this.byName.get(name.toLowerCase());
	}
}

function toNode(v: unknown): XmlNode {
	return typeof v === 'string' ? { _: v } : ((v ?? {}) as XmlNode);
}

export function nodeText(node: XmlNode): string {
	return typeof node._ === 'string' ? node._ : '';
}

/** Child elements of `node` with a local name equal to `name` (case-insensitive). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
	if (!node) return [];
	const lower = name.toLowerCase();
	const out: XmlNode[] = [];
	for (const key of Object.keys(node)) {
		if (isChildKey(key) && localName(key).toLowerCase() === lower) {
			for (const v of node[key] as unknown[]) out.push(toNode(v));
		}
	}
	return out;
}

export function childText(node: XmlNode, name: string): string {
	const c = children(node, name)[0];
	return c ? nodeText(c) : '';
}

/** Namespace of an element named `qname`, from its own declarations and those of its ancestors (innermost first). */
function namespaceOf(qname: string, scopes: XmlNode[]): string {
	const colon = qname.indexOf(':');
	const attr = colon < 0 ? 'xmlns' : `xmlns:${qname.slice(0, colon)}`;
	for (const scope of scopes) {
		const v = scope.$?.[attr];
		if (v !== undefined) return v;
	}
	return '';
}

export interface SoapRequest {
	version: SoapVersion;
	/** namespace of the operation element: the answer is written in it */
	ns: string;
	operation: string;
	params: Params;
	/** the operation the SOAPAction names, when one was sent */
	action?: string;
}

/** A request the service cannot read: answered with a SOAP fault (HTTP 500), as ASMX does. */
export class SoapRequestError extends Error {
	constructor(
		readonly code: 'Client' | 'Server' | 'VersionMismatch',
		message: string,
		readonly version: SoapVersion,
	) {
		super(message);
	}
}

export function versionFromContentType(contentType: string): SoapVersion | undefined {
	const mime = contentType.split(';')[0].trim().toLowerCase();
	if (mime === 'text/xml') return '1.1';
	if (mime === 'application/soap+xml') return '1.2';
	return undefined;
}

/** SOAP 1.1: the SOAPAction header; SOAP 1.2: the `action` parameter of the content type. */
export function soapActionOf(version: SoapVersion, contentType: string, header: string | undefined): string | undefined {
	let raw = header;
	if (version === '1.2') {
		const m = /;\s*action\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType);
		raw = m ? (m[2] ?? m[1]) : undefined;
	}
	if (raw === undefined) return undefined;
	const action = raw.trim().replace(/^"(.*)"$/, '$1');
	return action === '' ? undefined : action;
}

const parserOptions = { explicitArray: true };

export async function parseSoapRequest(
	body: string,
	contentVersion: SoapVersion,
	action: string | undefined,
): Promise<SoapRequest> {
	let doc: Record<string, XmlNode>;
	try {
		doc = await new Parser(parserOptions).parseStringPromise(body);
	} catch (error) {
		const detail = String((error as Error).message ?? error).split('\n')[0];
		throw new SoapRequestError('Client', `Server was unable to read request. ---> There is an error in XML document. ---> ${detail}`, contentVersion);
	}
	const rootName = doc ? Object.keys(doc)[0] : undefined;
	const root = rootName ? toNode(doc[rootName]) : undefined;
	if (!rootName || !root || localName(rootName) !== 'Envelope') {
		throw new SoapRequestError('Client', 'Server was unable to read request. ---> The root element is not a SOAP Envelope.', contentVersion);
	}
	const envelopeNs = namespaceOf(rootName, [root]);
	const version: SoapVersion | undefined = envelopeNs === SOAP11_NS ? '1.1' : envelopeNs === SOAP12_NS ? '1.2' : undefined;
	if (!version) {
		throw new SoapRequestError('VersionMismatch', `Possible SOAP version mismatch: Envelope namespace ${envelopeNs} was unexpected. Expecting ${contentVersion === '1.1' ? SOAP11_NS : SOAP12_NS}.`, contentVersion);
	}
	if (version !== contentVersion) {
		throw new SoapRequestError('VersionMismatch', `Possible SOAP version mismatch: Envelope namespace ${envelopeNs} was unexpected for this content type.`, contentVersion);
	}
	let bodyNode: XmlNode | undefined;
	for (const key of Object.keys(root)) {
		if (!isChildKey(key) || localName(key) !== 'Body') continue;
		const candidate = toNode((root[key] as unknown[])[0]);
		if (namespaceOf(key, [candidate, root]) === envelopeNs) bodyNode = candidate;
	}
	if (!bodyNode) {
		throw new SoapRequestError('Client', 'Server was unable to read request. ---> The SOAP message has no Body element.', version);
	}
	const opName = Object.keys(bodyNode).find(isChildKey);
	if (!opName) {
		throw new SoapRequestError('Client', `Server did not recognize the value of HTTP Header SOAPAction: ${action ?? ''}.`, version);
	}
	const opNode = toNode((bodyNode[opName] as unknown[])[0]);
	return {
		version,
		ns: namespaceOf(opName, [opNode, bodyNode, root]),
		operation: localName(opName),
		params: new Params(opNode),
		action,
	};
}

/** True when the SOAPAction names the body's operation (`<ns><op>`, or any URI ending in `/op`, `#op`, `:op`). */
export function actionMatches(action: string, ns: string, operation: string): boolean {
	if (action === ns + operation) return true;
	const tail = /([A-Za-z_][A-Za-z0-9_]*)$/.exec(action);
	return tail !== null && tail[1] === operation && /[/#:]$/.test(action.slice(0, -operation.length) || '/');
}
