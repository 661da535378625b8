/**
 * A small, dependency-free XML reader for the gateway's SOAP answers.
 * Entity declarations are refused (no entity expansion at all), nesting is handled without recursion.
 * Namespaces are resolved leniently: an undeclared prefix gives the namespace ''.
 */

export interface XmlElement {
	/** local name (without prefix) */
	name: string;
	prefix: string;
	namespace: string;
	/** by qualified name as written, xmlns declarations included */
	attributes: Record<string, string>;
	children: XmlElement[];
	/** text and CDATA directly inside the element, entities decoded */
	text: string;
}

export class XmlReadError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'XmlReadError';
	}
}

type Scope = Record<string, string>;

const ROOT_SCOPE: Scope = Object.create(null) as Scope;
ROOT_SCOPE.xml = 'http://www.w3.org/XML/1998/namespace';
ROOT_SCOPE[''] = '';

function isSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isNameStart(c: number): boolean {
	return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
}

function isNameChar(c: number): boolean {
	return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7;
}

function isXmlChar(cp: number): boolean {
	return (
		cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
	);
}

function lineAt(xml: string, index: number): string {
	let line = 1;
	for (let i = xml.indexOf('\n'); i !== -1 && i < index; i = xml.indexOf('\n', i + 1)) line++;
	return `line ${line}`;
}

function decodeReference(ref: string): string | undefined {
	switch (ref) {
		case 'lt':
			return '<';
		case 'gt':
			return '>';
		case 'amp':
			return '&';
		case 'quot':
			return '"';
		case 'apos':
			return "'";
	}
	let cp = Number.NaN;
	if (/^#x[0-9A-Fa-f]{1,6}$/.test(ref)) cp = parseInt(ref.slice(2), 16);
	else if (/^#[0-9]{1,7}$/.test(ref)) cp = parseInt(ref.slice(1), 10);
	return Number.isFinite(cp) && isXmlChar(cp) ? String.fromCodePoint(cp) : undefined;
}

class Reader {
	private i = 0;
	private readonly len: number;

	constructor(private readonly xml: string) {
		this.len = xml.length;
	}

	private fail(message: string, at = this.i): never {
		throw new XmlReadError(`${message} (${lineAt(this.xml, at)})`);
	}

	/** Decodes references in xml[start, end); line ends become \n; attribute values get their whitespace normalized. */
	private decode(start: number, end: number, attribute: boolean): string {
		const xml = this.xml;
		let out = '';
		let from = start;
		for (let k = start; k < end; k++) {
			const c = xml.charCodeAt(k);
			if (c === 0x26) {
				const semi = xml.indexOf(';', k + 1);
				if (semi === -1 || semi >= end || semi - k > 12) this.fail('A "&" that starts no entity reference (write it as &amp;)', k);
				const value = decodeReference(xml.slice(k + 1, semi));
				if (value === undefined) this.fail(`Unknown or invalid entity reference "${xml.slice(k, semi + 1)}"`, k);
				out += xml.slice(from, k) + value;
				k = semi;
				from = semi + 1;
			} else if (c === 0x0d) {
				out += xml.slice(from, k) + (attribute ? ' ' : '\n');
				if (xml.charCodeAt(k + 1) === 0x0a) k++;
				from = k + 1;
			} else if (attribute && (c === 0x0a || c === 0x09)) {
				out += xml.slice(from, k) + ' ';
				from = k + 1;
			} else if (c === 0x3c) {
				this.fail('A "<" inside an attribute value', k);
			}
		}
		return from === start ? xml.slice(start, end) : out + xml.slice(from, end);
	}

	private skipSpace(): void {
		while (this.i < this.len && isSpace(this.xml.charCodeAt(this.i))) this.i++;
	}

	private readName(): string {
		const start = this.i;
		if (start >= this.len || !isNameStart(this.xml.charCodeAt(start))) this.fail('An element or attribute name was expected');
		this.i++;
		while (this.i < this.len && isNameChar(this.xml.charCodeAt(this.i))) this.i++;
		return this.xml.slice(start, this.i);
	}

	private skipPast(terminator: string, what: string): void {
		const end = this.xml.indexOf(terminator, this.i);
		if (end === -1) this.fail(`Unclosed ${what}`);
		this.i = end + terminator.length;
	}

	/** this.i just after '<!--' */
	private skipComment(): void {
		const end = this.xml.indexOf('-->', this.i);
		if (end === -1) this.fail('Unclosed comment');
		const dashes = this.xml.indexOf('--', this.i);
		if (dashes < end) this.fail('"--" inside a comment', dashes);
		this.i = end + 3;
	}

	/** Comments, processing instructions and whitespace; a DOCTYPE too when allowed. Returns false at anything else. */
	private skipMisc(allowDoctype: boolean): boolean {
		const xml = this.xml;
		this.skipSpace();
		if (xml.startsWith('<!--', this.i)) {
			this.i += 4;
			this.skipComment();
			return true;
		}
		if (xml.startsWith('<?', this.i)) {
			this.skipPast('?>', 'processing instruction');
			return true;
		}
		if (allowDoctype && xml.startsWith('<!DOCTYPE', this.i)) {
			this.skipDoctype();
			return true;
		}
		return false;
	}

	private skipDoctype(): void {
		const xml = this.xml;
		let k = this.i + 9;
		let quote = 0;
		let inSubset = false;
		for (; k < this.len; k++) {
			const c = xml.charCodeAt(k);
			if (quote !== 0) {
				if (c === quote) quote = 0;
			} else if (c === 0x22 || c === 0x27) {
				quote = c;
			} else if (c === 0x5b) {
				inSubset = true;
			} else if (c === 0x5d) {
				inSubset = false;
			} else if (inSubset && c === 0x3c && xml.startsWith('<!ENTITY', k)) {
				this.fail('Entity declarations are refused', k);
			} else if (c === 0x3e && !inSubset) {
				this.i = k + 1;
				return;
			}
		}
		this.fail('Unclosed DOCTYPE');
	}

	parse(): XmlElement {
		const xml = this.xml;
		if (xml.charCodeAt(0) === 0xfeff) this.i = 1;
		if (xml.startsWith('<?xml', this.i) && isSpace(xml.charCodeAt(this.i + 5))) this.skipPast('?>', 'XML declaration');
		while (this.skipMisc(true));
		if (this.i >= this.len) this.fail('No root element');
		if (xml.charCodeAt(this.i) !== 0x3c) this.fail('Text before the root element');
		const root = this.parseElements();
		while (this.skipMisc(false));
		if (this.i < this.len) this.fail('Content after the root element');
		return root;
	}

	/** Reads the root element and everything inside it, with an explicit stack. */
	private parseElements(): XmlElement {
		const xml = this.xml;
		const elements: XmlElement[] = [];
		const qnames: string[] = [];
		const scopes: Scope[] = [];
		let root: XmlElement | undefined;
		do {
			if (elements.length > 0) {
				const lt = xml.indexOf('<', this.i);
				const top = elements[elements.length - 1];
				if (lt === -1) this.fail(`Unclosed element <${qnames[qnames.length - 1]}>`, this.len);
				if (lt > this.i) top.text += this.decode(this.i, lt, false);
				this.i = lt;
				const next = xml.charCodeAt(lt + 1);
				if (next === 0x2f) {
					this.i += 2;
					const name = this.readName();
					this.skipSpace();
					if (xml.charCodeAt(this.i) !== 0x3e) this.fail(`Malformed end tag </${name}`);
					this.i++;
					const open = qnames[qnames.length - 1];
					if (name !== open) this.fail(`End tag </${name}> does not match <${open}>`);
					elements.pop();
					qnames.pop();
					scopes.pop();
					continue;
				}
				if (next === 0x21) {
					if (xml.startsWith('<!--', lt)) {
						this.i += 4;
						this.skipComment();
					} else if (xml.startsWith('<![CDATA[', lt)) {
						const end = xml.indexOf(']]>', lt + 9);
						if (end === -1) this.fail('Unclosed CDATA section');
						top.text += xml.slice(lt + 9, end).replace(/\r\n?/g, '\n');
						this.i = end + 3;
					} else {
						this.fail('Unexpected markup declaration inside an element');
					}
					continue;
				}
				if (next === 0x3f) {
					this.skipPast('?>', 'processing instruction');
					continue;
				}
			}
			// a start tag at this.i
			this.i++;
			const qname = this.readName();
			const attributes: Record<string, string> = {};
			let scope = scopes.length > 0 ? scopes[scopes.length - 1] : ROOT_SCOPE;
			let selfClosing = false;
			for (;;) {
				const before = this.i;
				this.skipSpace();
				const c = xml.charCodeAt(this.i);
				if (c === 0x3e) {
					this.i++;
					break;
				}
				if (c === 0x2f && xml.charCodeAt(this.i + 1) === 0x3e) {
					this.i += 2;
					selfClosing = true;
					break;
				}
				if (this.i >= this.len) this.fail(`Unclosed start tag <${qname}`);
				if (this.i === before) this.fail(`Whitespace expected between attributes in <${qname}>`);
				const attrName = this.readName();
				this.skipSpace();
				if (xml.charCodeAt(this.i) !== 0x3d) this.fail(`"=" expected after attribute ${attrName}`);
				this.i++;
				this.skipSpace();
				const quote = xml.charCodeAt(this.i);
				if (quote !== 0x22 && quote !== 0x27) this.fail(`Quoted value expected for attribute ${attrName}`);
				const end = xml.indexOf(quote === 0x22 ? '"' : "'", this.i + 1);
				if (end === -1) this.fail(`Unclosed value of attribute ${attrName}`);
				if (Object.prototype.hasOwnProperty.call(attributes, attrName)) this.fail(`Duplicate attribute ${attrName}`);
				const value = this.decode(this.i + 1, end, true);
				attributes[attrName] = value;
				this.i = end + 1;
				if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
					if (scope === (scopes.length > 0 ? scopes[scopes.length - 1] : ROOT_SCOPE)) scope = Object.create(scope) as Scope;
					scope[attrName === 'xmlns' ? '' : attrName.slice(6)] = value;
				}
			}
			const colon = qname.indexOf(':');
			const prefix = colon === -1 ? '' : qname.slice(0, colon);
			const element: XmlElement = {
				name: colon === -1 ? qname : qname.slice(colon + 1),
				prefix,
				namespace: scope[prefix] ?? '',
				attributes,
				children: [],
				text: '',
			};
			if (elements.length > 0) elements[elements.length - 1].children.push(element);
			else root = element;
			if (!selfClosing) {
				elements.push(element);
				qnames.push(qname);
				scopes.push(scope);
			}
		} while (elements.length > 0);
		return root as XmlElement;
	}
}

/** Parses a whole document and returns its root element; XmlReadError when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
	if (typeof xml !== 'string') throw new XmlReadError('The answer is not text');
	return new Reader(xml).parse();
}

function isNamed(element: XmlElement, lowerName: string): boolean {
	return element.name.toLowerCase() === lowerName;
}

function childNamed(element: XmlElement, lowerName: string): XmlElement | undefined {
	return element.children.find((child) => isNamed(child, lowerName));
}

/** Depth-first, document order. */
function descendantNamed(element: XmlElement, lowerName: string): XmlElement | undefined {
	const stack: XmlElement[] = [element];
	while (stack.length > 0) {
		const current = stack.pop() as XmlElement;
		if (current !== element && isNamed(current, lowerName)) return current;
		for (let k = current.children.length - 1; k >= 0; k--) stack.push(current.children[k]);
	}
	return undefined;
}

export type SoapAnswer =
	| { kind: 'result'; operation: string; element: XmlElement; text: string }
	| { kind: 'fault'; faultCode: string; faultString: string };

/** The meaning of a parsed SOAP answer: the operation's …Result, or a SOAP 1.1/1.2 Fault. */
export function interpretSoapAnswer(root: XmlElement, operation: string): SoapAnswer {
	if (!isNamed(root, 'envelope')) throw new XmlReadError(`The answer is not a SOAP envelope (its root element is <${root.name}>)`);
	const body = childNamed(root, 'body');
	if (!body) throw new XmlReadError('The SOAP envelope has no Body');
	const fault = childNamed(body, 'fault');
	if (fault) {
		const code11 = childNamed(fault, 'faultcode');
		const string11 = childNamed(fault, 'faultstring');
		const code12 = childNamed(fault, 'code');
		const reason12 = childNamed(fault, 'reason');
		const value12 = code12 && childNamed(code12, 'value');
		const text12 = reason12 && childNamed(reason12, 'text');
		return {
			kind: 'fault',
			faultCode: (code11 ?? value12)?.text.trim() ?? '',
			faultString: (string11 ?? text12)?.text.trim() ?? '',
		};
	}
	const op = operation.toLowerCase();
	const result = descendantNamed(body, op + 'result');
	if (result) return { kind: 'result', operation, element: result, text: result.text.trim() };
	const response = descendantNamed(body, op + 'response');
	if (response) return { kind: 'result', operation, element: response, text: '' };
	throw new XmlReadError(`The SOAP answer holds neither a ${operation}Result nor a Fault`);
}

/** Reads a SOAP answer: XmlReadError when malformed, without Envelope/Body, or without …Result and Fault. */
export function readSoapAnswer(xml: string, operation: string): SoapAnswer {
	return interpretSoapAnswer(parseXml(xml), operation);
}

const ID_NAME = /^(sms|mms)?_?id$/i;
const STATUS_NAME = /^status(_?code)?$/i;

function rowOf(element: XmlElement): { smsId: string; status: string } | undefined {
	const cells = element.children;
	if (cells.length < 2) return undefined;
	let id = cells.find((cell) => ID_NAME.test(cell.name));
	let status = cells.find((cell) => STATUS_NAME.test(cell.name));
	if (!id || !status) {
		id = cells[0];
		status = cells[1];
	}
	if (id.children.length > 0 || status.children.length > 0) return undefined;
	return { smsId: id.text.trim(), status: status.text.trim() };
}

/**
 * The rows of a statusBundleResult, in document order: each child element with two or more child
 * elements is a row. Cells named like SmsId/Id and Status are used by name, otherwise the first is
 * the id and the second the status. One wrapper level (e.g. <ArrayOfSmsStatus>) is looked through.
 */
export function readBundleRows(result: XmlElement): Array<{ smsId: string; status: string }> {
	const rows: Array<{ smsId: string; status: string }> = [];
	const collect = (parent: XmlElement, depth: number): void => {
		for (const child of parent.children) {
			const row = rowOf(child);
			if (row) rows.push(row);
			else if (depth === 0 && child.children.length > 0) collect(child, 1);
		}
	};
	collect(result, 0);
	return rows;
}
