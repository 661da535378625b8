import { Ip1InputError, TITLE_LENGTH } from '../../helpers/errors';

export interface XmlNode {
	name: string;
	text?: string;
	/** Bytes whose base64 is the element's text (an MMS file): see buildSoapBody. */
	base64?: Uint8Array;
	children?: XmlNode[];
	/** The UI name of the parameter the text comes from, for error messages (defaults to `name`). */
	field?: string;
}

const SOAP_HEAD =
	'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
	'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>';
const SOAP_TAIL = '</soap:Body></soap:Envelope>';
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const CANNOT_TRAVEL =
	'It cannot be sent to iP.1: remove it. Control characters (other than tab and line breaks), half an emoji and U+FFFE/U+FFFF cannot travel in the request.';

/** The title names field, character and position; what does not fit in it (a long field name) opens the description. */
function refuse(value: string, index: number, field: string, what: string, code?: string): never {
	const position = Array.from(value.slice(0, index)).length + 1;
	const shapes = [
		{ title: `${field} contains ${what}${code ? ` (${code})` : ''} at position ${position}`, note: '' },
		{ title: `${field} contains ${what} at position ${position}`, note: code ? `The character is ${code}. ` : '' },
		{ title: `${field} contains ${what}`, note: `The character${code ? ` (${code})` : ''} is at position ${position}. ` },
	];
	const shape = shapes.find((s) => s.title.length <= TITLE_LENGTH) ?? shapes[shapes.length - 1];
	throw new Ip1InputError(field, shape.title, shape.note + CANNOT_TRAVEL);
}

function codeName(code: number): string {
	return 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Escapes text for XML content and attribute values; refuses what XML 1.0 cannot carry.
 * Whitespace other than a space is written as a character reference so that it survives
 * the parser's line-end and attribute normalization.
 */
function escape(value: string, field: string, attribute: boolean): string {
	let out = '';
	let start = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		let replacement: string;
		if (c >= 0x3f && c < 0xd800) continue; // fast path: nothing to escape above '>' and below the surrogates
		switch (c) {
			case 0x26:
				replacement = '&amp;';
				break;
			case 0x3c:
				replacement = '&lt;';
				break;
			case 0x3e:
				replacement = '&gt;';
				break;
			case 0x22:
				replacement = '&quot;';
				break;
			case 0x27:
				replacement = '&apos;';
				break;
			case 0x0d:
				replacement = '&#xD;';
				break;
			case 0x09:
				if (!attribute) continue;
				replacement = '&#x9;';
				break;
			case 0x0a:
				if (!attribute) continue;
				replacement = '&#xA;';
				break;
			default:
				if (c < 0x20) refuse(value, i, field, 'a control character', codeName(c));
				if (c >= 0xd800 && c <= 0xdbff) {
					const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
					if (next < 0xdc00 || next > 0xdfff) refuse(value, i, field, 'a broken character');
					i++;
					continue;
				}
				if (c >= 0xdc00 && c <= 0xdfff) refuse(value, i, field, 'a broken character');
				if (c === 0xfffe || c === 0xffff) refuse(value, i, field, 'a non-character', codeName(c));
				continue;
		}
		out += value.slice(start, i) + replacement;
		start = i + 1;
	}
	return start === 0 ? value : out + value.slice(start);
}

/** XML-escapes element text (& < > " '); throws Ip1InputError, naming field and position, for what XML cannot carry. */
export function escapeXmlText(value: string, field: string): string {
	return escape(value, field, false);
}

/** Throws Ip1InputError, naming field and position, for a character the SOAP request cannot carry. */
export function assertSoapText(value: string, field: string): void {
	escape(value, field, false);
}

export function escapeXmlAttribute(value: string, field: string): string {
	return escape(value, field, true);
}

function checkName(name: string): string {
	if (!XML_NAME.test(name)) throw new Error(`Invalid XML element name "${name}"`);
	return name;
}

/** The envelope's text, with the bytes of a `base64` node where their base64 text goes. */
type EnvelopePart = string | Uint8Array;

function writeNode(node: XmlNode, out: EnvelopePart[]): void {
	const name = checkName(node.name);
	const hasChildren = node.children !== undefined && node.children.length > 0;
	if (node.text === undefined && node.base64 === undefined && !hasChildren) {
		out.push('<', name, ' />');
		return;
	}
	out.push('<', name, '>');
	if (node.text !== undefined) out.push(escape(node.text, node.field ?? node.name, false));
	// base64 text (A-Z a-z 0-9 + / =) never needs escaping
	if (node.base64 !== undefined) out.push(node.base64);
	if (hasChildren) for (const child of node.children as XmlNode[]) writeNode(child, out);
	out.push('</', name, '>');
}

function envelopeParts(operation: string, namespace: string, params: XmlNode[]): EnvelopePart[] {
	const op = checkName(operation);
	const out: EnvelopePart[] = [SOAP_HEAD, '<', op, ' xmlns="', escape(namespace, 'SOAP Namespace', true), '">'];
	for (const param of params) writeNode(param, out);
	out.push('</', op, '>', SOAP_TAIL);
	return out;
}

const toText = (part: EnvelopePart): string => (typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('base64'));

/** A SOAP 1.1 document/literal wrapped request: <operation xmlns="namespace"> with one child per parameter. */
export function buildSoapEnvelope(operation: string, namespace: string, params: XmlNode[]): string {
	return envelopeParts(operation, namespace, params).map(toText).join('');
}

/** Input bytes per piece of base64 (a multiple of 3, so the pieces join into the whole's base64): 32 kB strings. */
const BASE64_PIECE = 3 * 8192;

/**
 * The request body: the same bytes as buildSoapEnvelope's text (UTF-8). With files (`base64` nodes) it is
 * one Buffer with their base64 written in place, piece by piece: as one string, a 300 kB file became a
 * 400 kB base64 string, then a 400 kB envelope string and axios's 400 kB Buffer of it, and such strings
 * are large objects that only a full garbage collection frees: over 1,000 MMS they piled up to ~200 MB.
 * n8n's request helper and axios send a Buffer body as it is.
 */
export function buildSoapBody(operation: string, namespace: string, params: XmlNode[]): string | Buffer {
	const parts = envelopeParts(operation, namespace, params);
	if (parts.every((part) => typeof part === 'string')) return parts.join('');
	// runs of text between the files, each one string
	const runs: EnvelopePart[] = [];
	let text = '';
	for (const part of parts) {
		if (typeof part === 'string') {
			text += part;
		} else {
			runs.push(text, part);
			text = '';
		}
	}
	runs.push(text);
	let size = 0;
	for (const run of runs) size += typeof run === 'string' ? Buffer.byteLength(run, 'utf8') : 4 * Math.ceil(run.byteLength / 3);
	const body = Buffer.allocUnsafe(size);
	let at = 0;
	for (const run of runs) {
		if (typeof run === 'string') {
			at += body.write(run, at, 'utf8');
			continue;
		}
		for (let i = 0; i < run.byteLength; i += BASE64_PIECE) {
			const piece = Buffer.from(run.buffer, run.byteOffset + i, Math.min(BASE64_PIECE, run.byteLength - i));
			at += body.write(piece.toString('base64'), at, 'latin1');
		}
	}
	// allocUnsafe: every byte must have been written
	if (at !== size) throw new Error(`SOAP body: wrote ${at} of ${size} bytes`);
	return body;
}

/** The SOAPAction header value: '"' + namespace (ending in '/') + operation + '"'. */
export function soapAction(operation: string, namespace: string): string {
	return '"' + (namespace.endsWith('/') ? namespace : namespace + '/') + operation + '"';
}
