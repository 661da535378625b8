/**
 * Seeded generator of SOAP answers as the iP.1 gateway (or something like it) could write them:
 * every result shape (scalar results, statusBundle rows, an empty or missing Result, SOAP 1.1/1.2 faults),
 * written in many legal ways (prefixes, namespaces, entity/char-ref/CDATA text, comments, PIs, whitespace,
 * unknown elements and attributes, XML declaration, BOM), plus broken documents that every XML parser refuses.
 * Each case carries what a reader must find in it. Also the reference reader (xml2js) the reader is checked against.
 */
import { Parser, processors } from 'xml2js';

export type ExpectedAnswer =
	| { kind: 'result'; text: string }
	| { kind: 'rows'; rows: Array<{ smsId: string; status: string }> }
	| { kind: 'fault'; faultCode: string; faultString: string }
	/** not well-formed XML: every parser refuses it */
	| { kind: 'broken'; how: string }
	/** well-formed, but no SOAP answer for the operation (no Envelope/Body/Result/Fault) */
	| { kind: 'notAnswer'; how: string };

export interface SoapAnswerCase {
	index: number;
	xml: string;
	operation: string;
	expected: ExpectedAnswer;
}

/** mulberry32: small, fast, good enough for test data. */
export function createRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const ENVELOPE_PREFIXES = ['soap', 's', 'env', 'SOAP-ENV', 'soapenv', ''];
const RESPONSE_PREFIXES = ['', '', 'm', 'tns', 'ns1'];
const NAMESPACES = ['http://tempuri.org/', 'http://smscom.se/sendSms', 'urn:ip1:sms', 'http://example.com/a?b=1&amp;c=2'];
const SCALAR_OPERATIONS = [
	'sms',
	'smsAt',
	'flashSms',
	'smsBundle',
	'smsBundleAt',
	'balans',
	'status',
	'tidpunkt',
	'beskrivning',
	'cancelSms',
	'cancelBundle',
	'sendMMS',
];
const EXTRA_NAMES = ['Info', 'Meta', 'Extra', 'Trace', 'x:Note', 'Warning'];
const TEXT_PIECES = [
	'Delivered to the phone',
	'Leverans pågår',
	'Kontrollera ditt meddelandeinnehåll',
	'åäö ÅÄÖ é ü',
	'<b>bold</b>',
	'a & b',
	'"quoted" \'single\'',
	']]>',
	'x > y',
	'100%0a',
	'😀 🇸🇪',
	'€ {} [] ~ ^ | \\',
	'tab\there',
	'line\nbreak',
	'</soap:Body></soap:Envelope>',
	'&amp; literal',
];

export function generateSoapAnswers(seed: number, count: number): SoapAnswerCase[] {
	const random = createRandom(seed);
	const int = (n: number): number => Math.floor(random() * n);
	const chance = (p: number): boolean => random() < p;
	const pick = <T>(items: readonly T[]): T => items[int(items.length)];

	const space = (): string => pick(['', '', '', ' ', '\n', '\r\n', '\n  ', '\t', '\n\t\t']);
	const ws = (): string => pick(['', ' ', '\n', '\r\n  ']);
	const comment = (): string => '<!--' + pick([' note ', ' <not a="tag"> ', '', ' åäö &amp; ', 'x-y']) + '-->';
	const pi = (): string => pick(['<?php echo 1; ?>', '<?target data?>', '<?x?>']);
	const misc = (): string => (chance(0.15) ? comment() : chance(0.05) ? pi() : '');
	const quote = (): string => (chance(0.5) ? '"' : "'");
	const attrValue = (q: string): string =>
		pick(['1', 'a b', 'x&amp;y', '&lt;tag&gt;', 'å', q === '"' ? "it's" : 'say "hi"', '&#x41;&#66;', '']);
	const extraAttributes = (): string => {
		let out = '';
		const n = chance(0.2) ? 1 + int(2) : 0;
		for (let k = 0; k < n; k++) {
			const q = quote();
			out += ' ' + pick(['id', 'foo', 'x:y', 'data-z', 'lang']) + k + ws().replace(/\r/g, '') + '=' + q + attrValue(q) + q;
		}
		return out;
	};

	/** Escapes text for content, in a random mix of plain, entity, char-ref and CDATA chunks. */
	const escapeText = (value: string): string => {
		let out = '';
		const chars = Array.from(value);
		let k = 0;
		while (k < chars.length) {
			const size = 1 + int(6);
			const chunk = chars.slice(k, k + size).join('');
			k += size;
			const mode = int(10);
			if (mode === 0 && !chunk.includes(']]>') && !chunk.includes('\r') && !out.endsWith(']')) {
				out += '<![CDATA[' + chunk + ']]>';
			} else if (mode === 1) {
				for (const c of chunk) {
					const cp = c.codePointAt(0) as number;
					out += chance(0.5) ? '&#' + cp + ';' : '&#x' + cp.toString(16) + ';';
				}
			} else {
				for (const c of chunk) {
					if (c === '&') out += '&amp;';
					else if (c === '<') out += '&lt;';
					else if (c === '>') out += chance(0.5) || out.endsWith(']]') ? '&gt;' : '>';
					else if (c === '"') out += chance(0.5) ? '&quot;' : '"';
					else if (c === "'") out += chance(0.5) ? '&apos;' : "'";
					else if (c === '\r') out += '&#13;';
					else out += c;
				}
			}
			if (k < chars.length && chance(0.05)) out += comment();
		}
		return out;
	};

	const bigId = (): string => String(1 + int(9)) + Array.from({ length: 3 + int(22) }, () => String(int(10))).join('');
	const code = (): string => String(pick([0, 1, 2, 3, 4, 10, 11, 12, 21, 22, 30, 41, 42, 43, 44, 45, 50, 51, 52, 55, 60, 100, 101, 110, 999]));
	const scalarValue = (operation: string): string => {
		switch (operation) {
			case 'balans':
				return chance(0.7) ? `${int(100000)}.${String(int(100)).padStart(2, '0')}` : code();
			case 'status':
				return code();
			case 'tidpunkt':
				return chance(0.7)
					? `20${20 + int(20)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')} ${String(int(24)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}:00`
					: '0';
			case 'beskrivning': {
				const parts = Array.from({ length: 1 + int(3) }, () => pick(TEXT_PIECES));
				return parts.join(' ');
			}
			case 'cancelSms':
			case 'cancelBundle':
				return chance(0.6) ? '0' : code();
			default:
				return chance(0.7) ? bigId() : code();
		}
	};

	const caseVariant = (name: string): string => {
		const r = int(8);
		if (r === 0) return name[0].toUpperCase() + name.slice(1);
		if (r === 1) return name.toLowerCase();
		return name;
	};
	const qualify = (prefix: string, name: string): string => (prefix === '' ? name : prefix + ':' + name);

	function buildDocument(): { xml: string; operation: string; expected: ExpectedAnswer; rootStart: number } {
		const soap12 = chance(0.25);
		const envNs = soap12 ? SOAP12 : SOAP11;
		const ep = pick(ENVELOPE_PREFIXES);
		const rp = pick(RESPONSE_PREFIXES);
		const ns = pick(NAMESPACES);
		const E = (name: string): string => qualify(ep, name);
		const shape = int(20);
		let operation: string;
		let inner: string;
		let expected: ExpectedAnswer;

		const envDecl = ep === '' ? ` xmlns="${envNs}"` : ` xmlns:${ep}="${envNs}"`;
		// a default namespace on the Envelope is inherited unless the response sets its own
		const responseNsDecl = rp === '' ? ` xmlns="${ns}"` : ` xmlns:${rp}="${ns}"`;

		if (shape < 3) {
			// fault
			operation = pick([...SCALAR_OPERATIONS, 'statusBundle']);
			const faultString = pick(TEXT_PIECES) + ' ' + pick(['Server was unable to read request.', 'Unknown operation', 'Fel: åäö']);
			const faultCode = (ep || 'soap') + ':' + pick(soap12 ? ['Sender', 'Receiver'] : ['Client', 'Server']);
			if (soap12) {
				inner =
					`<${E('Fault')}${extraAttributes()}>${space()}<${E('Code')}>${space()}<${E('Value')}>${escapeText(faultCode)}</${E('Value')}>` +
					(chance(0.3) ? `<${E('Subcode')}><${E('Value')}>x:Detail</${E('Value')}></${E('Subcode')}>` : '') +
					`</${E('Code')}>${space()}<${E('Reason')}>${space()}<${E('Text')} xml:lang="en">${space()}${escapeText(faultString)}${space()}</${E('Text')}>` +
					(chance(0.3) ? `<${E('Text')} xml:lang="sv">Fel</${E('Text')}>` : '') +
					`</${E('Reason')}>${misc()}${chance(0.3) ? `<${E('Detail')}><x>1</x></${E('Detail')}>` : ''}</${E('Fault')}>`;
			} else {
				inner =
					`<${E('Fault')}${extraAttributes()}>${space()}<faultcode>${escapeText(faultCode)}</faultcode>${space()}${misc()}` +
					`<faultstring${chance(0.2) ? ' xml:lang="en"' : ''}>${space()}${escapeText(faultString)}${space()}</faultstring>` +
					(chance(0.4) ? `${space()}<detail${chance(0.5) ? ' /' : '></detail'}>` : '') +
					`${space()}</${E('Fault')}>`;
			}
			expected = { kind: 'fault', faultCode, faultString: faultString.trim() };
		} else {
			const bundle = shape < 8;
			operation = bundle ? 'statusBundle' : pick(SCALAR_OPERATIONS);
			const R = (name: string): string => qualify(rp, name);
			const resultPrefix = rp !== '' && chance(0.3) ? '' : rp; // unprefixed Result under a prefixed Response
			const resultName = qualify(resultPrefix, caseVariant(operation + 'Result'));
			const responseName = R(caseVariant(operation + 'Response'));
			const extra = (): string => {
				if (!chance(0.2)) return '';
				const name = pick(EXTRA_NAMES);
				const decl = name.startsWith('x:') ? ' xmlns:x="urn:x"' : '';
				return chance(0.5) ? `<${name}${decl}${extraAttributes()} />` : `<${name}${decl}${extraAttributes()}>${escapeText(pick(TEXT_PIECES))}</${name}>`;
			};
			let resultXml: string;
			if (bundle) {
				const rows: Array<{ smsId: string; status: string }> = [];
				const rowCount = int(6);
				const rowName = pick(['SmsStatus', 'smsStatus', 'SMSSTATUS', 'Row', 'item']);
				const idName = pick(['SmsId', 'smsid', 'Id', 'ID', 'MessageId']);
				const statusName = pick(['Status', 'status', 'Code', 'STATUS']);
				const byName = /^(sms|mms)?_?id$/i.test(idName) && /^status(_?code)?$/i.test(statusName);
				const swap = byName && chance(0.3); // status cell first: only readable when cells are named
				const wrap = chance(0.1);
				let body = '';
				for (let r = 0; r < rowCount; r++) {
					const smsId = bigId();
					const status = code();
					rows.push({ smsId, status });
					const idCell = `<${idName}>${space()}${escapeText(smsId)}${space()}</${idName}>`;
					const statusCell = `<${statusName}${extraAttributes()}>${escapeText(status)}</${statusName}>`;
					body +=
						space() +
						misc() +
						extra() +
						`<${rowName}${extraAttributes()}>${space()}${swap ? statusCell : idCell}${space()}${misc()}${swap ? idCell : statusCell}${space()}</${rowName}>`;
				}
				body += space();
				if (wrap) body = `<ArrayOfSmsStatus>${body}</ArrayOfSmsStatus>`;
				resultXml = `<${resultName}${extraAttributes()}>${body}</${resultName}>`;
				expected = { kind: 'rows', rows };
			} else if (shape === 8) {
				resultXml = chance(0.5) ? `<${resultName} />` : `<${resultName}>${space()}</${resultName}>`;
				expected = { kind: 'result', text: '' };
			} else if (shape === 9) {
				resultXml = ''; // .NET leaves a null result out
				expected = { kind: 'result', text: '' };
			} else {
				const value = scalarValue(operation);
				resultXml = `<${resultName}${extraAttributes()}>${space()}${misc()}${escapeText(value)}${misc()}${space()}</${resultName}>`;
				expected = { kind: 'result', text: value.trim() };
			}
			const responseOpen = `<${responseName}${responseNsDecl}${extraAttributes()}>`;
			inner =
				shape === 9 && chance(0.5)
					? `<${responseName}${responseNsDecl} />`
					: `${responseOpen}${space()}${extra()}${resultXml}${space()}${extra()}${misc()}</${responseName}>`;
		}

		const header = chance(0.2)
			? `<${E('Header')}>${space()}<h:Trace xmlns:h="urn:trace"${extraAttributes()}>${escapeText('abc & def')}</h:Trace>${space()}</${E('Header')}>${space()}`
			: '';
		const extraDecls = chance(0.5)
			? ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"'
			: '';
		let prolog = '';
		if (chance(0.1)) prolog += '\uFEFF';
		if (chance(0.7)) prolog += `<?xml version=${pick(['"1.0"', "'1.0'"])}${chance(0.7) ? ' encoding="utf-8"' : ''}?>`;
		prolog += space() + misc();
		if (chance(0.03)) prolog += `<!DOCTYPE ${E('Envelope')}>` + space();
		const root =
			`<${E('Envelope')}${envDecl}${extraDecls}${extraAttributes()}>${space()}${header}<${E('Body')}${extraAttributes()}>${space()}` +
			`${misc()}${inner}${space()}</${E('Body')}>${space()}</${E('Envelope')}${chance(0.1) ? ' ' : ''}>`;
		const epilog = chance(0.1) ? space() + comment() + space() : space();
		return { xml: prolog + root + epilog, operation, expected, rootStart: prolog.length };
	}

	/** Corrupts a document so that it is not well-formed (each way is refused by any XML parser). */
	function breakDocument(doc: { xml: string; rootStart: number }): { xml: string; how: string } | undefined {
		const { xml, rootStart } = doc;
		const rootEnd = xml.indexOf('>', xml.lastIndexOf('Envelope'));
		// comments and CDATA sections blanked out, so that markup is looked for only where it is markup
		const masked = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
		const way = int(6);
		if (way === 0) {
			const cut = rootStart + 1 + int(rootEnd - rootStart - 1 + 1);
			return { xml: xml.slice(0, Math.min(cut, rootEnd)), how: 'truncated' };
		}
		if (way === 1) {
			// rename one end tag
			const ends = [...masked.matchAll(/<\/([^>\s]+)/g)];
			const end = pick(ends);
			const at = (end.index as number) + 2 + end[1].length;
			if (chance(0.5)) return { xml: xml.slice(0, at) + 'X' + xml.slice(at), how: 'mismatched end tag' };
			// same length: the last letter swapped
			const last = xml[at - 1];
			const other = last === 'x' ? 'y' : last.toLowerCase() === last ? 'x' : 'X';
			return { xml: xml.slice(0, at - 1) + other + xml.slice(at), how: 'mismatched end tag' };
		}
		if (way === 2 || way === 3) {
			// an undeclared entity or a bare '&' inside some element text
			const opens = [...masked.matchAll(/<([A-Za-z][^\s/>]*)[^>]*[^/]>/g)].filter((m) => (m.index as number) >= rootStart);
			const open = pick(opens);
			const at = (open.index as number) + open[0].length;
			const junk = way === 2 ? pick(['&bogus;', '&unknown;', '&#0;', '&#xFFFFFF;']) : pick(['a & b', '&', '&;']);
			return { xml: xml.slice(0, at) + junk + xml.slice(at), how: way === 2 ? 'bad entity' : 'bare ampersand' };
		}
		if (way === 4) {
			// an attribute without quotes or with no space before the next one
			const at = xml.indexOf('>', rootStart);
			const bad = pick([' a=1', ' a="1"b="2"']);
			const close = xml[at - 1] === '/' ? at - 1 : at;
			return { xml: xml.slice(0, close) + bad + xml.slice(close), how: 'bad attribute' };
		}
		// a start tag that never closes
		const at = xml.lastIndexOf('</');
		return { xml: xml.slice(0, at) + '<Unclosed>' + xml.slice(at), how: 'unclosed element' };
	}

	function notAnAnswer(doc: { xml: string; operation: string }): { xml: string; operation: string; how: string } {
		const way = int(3);
		if (way === 0) return { xml: '<?xml version="1.0"?><html><body>Service Unavailable</body></html>', operation: doc.operation, how: 'not an envelope' };
		if (way === 1) {
			return {
				xml: `<soap:Envelope xmlns:soap="${SOAP11}"><soap:Header /></soap:Envelope>`,
				operation: doc.operation,
				how: 'no Body',
			};
		}
		// asks for another operation than the document answers (and it is no fault)
		return { xml: doc.xml, operation: doc.operation === 'status' ? 'tidpunkt' : 'status', how: 'no Result' };
	}

	const cases: SoapAnswerCase[] = [];
	for (let index = 0; index < count; index++) {
		const doc = buildDocument();
		const r = random();
		if (r < 0.12) {
			const broken = breakDocument(doc);
			if (broken) {
				cases.push({ index, xml: broken.xml, operation: doc.operation, expected: { kind: 'broken', how: broken.how } });
				continue;
			}
		}
		if (r >= 0.12 && r < 0.15 && doc.expected.kind !== 'fault') {
			const other = notAnAnswer(doc);
			// the same document can hold a statusResult inside a tidpunkt answer only by name; skip that rare overlap
			if (!other.xml.toLowerCase().includes(other.operation.toLowerCase() + 'res')) {
				cases.push({ index, xml: other.xml, operation: other.operation, expected: { kind: 'notAnswer', how: other.how } });
				continue;
			}
		}
		cases.push({ index, xml: doc.xml, operation: doc.operation, expected: doc.expected });
	}
	return cases;
}

// ---- the reference reader: xml2js, turned into the node reader's tree shape ----


export interface PlainElement {
	name: string;
	prefix: string;
	namespace: string;
	attributes: Record<string, string>;
	children: PlainElement[];
	text: string;
}

interface Xml2jsNode {
	'#name': string;
	_?: string;
	$?: Record<string, string>;
	$$?: Xml2jsNode[];
}

function fromXml2js(node: Xml2jsNode): PlainElement {
	return {
		name: node['#name'],
		prefix: '',
		namespace: '',
		attributes: { ...(node.$ ?? {}) },
		children: (node.$$ ?? []).map(fromXml2js),
		text: node._ ?? '',
	};
}

/**
 * Parses with xml2js (sax, strict) and returns the root as a tree of local names, attributes and text
 * (prefix and namespace left empty: xml2js does not resolve them). Throws when xml2js refuses the document.
 */
export function parseWithXml2js(xml: string): PlainElement {
	let outcome: { error?: Error; root?: PlainElement } | undefined;
	const parser = new Parser({
		explicitArray: true,
		explicitChildren: true,
		preserveChildrenOrder: true,
		explicitCharkey: true,
		charkey: '_',
		attrkey: '$',
		childkey: '$$',
		tagNameProcessors: [processors.stripPrefix],
	});
	parser.parseString(xml, (error: Error | null, result: Record<string, Xml2jsNode> | null) => {
		if (outcome) return; // xml2js can call back twice (an error after the result)
		if (error) outcome = { error };
		else if (!result) outcome = { error: new Error('xml2js: empty document') };
		else outcome = { root: fromXml2js(Object.values(result)[0]) };
	});
	if (!outcome) throw new Error('xml2js did not answer synchronously');
	if (outcome.error) throw outcome.error;
	return outcome.root as PlainElement;
}

/** A tree reduced to what both readers must agree on: local names, attributes, trimmed text, child order. */
export function comparableTree(element: PlainElement): unknown {
	return {
		name: element.name,
		attributes: element.attributes,
		text: element.text.trim(),
		children: element.children.map(comparableTree),
	};
}
