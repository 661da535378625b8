import { parseXml, readBundleRows, readSoapAnswer, XmlReadError, type XmlElement } from '../../../nodes/Ip1Sms/gateway/soap/xmlReader';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';

function envelope(body: string, prefix = 'soap', ns = SOAP11): string {
	const p = prefix ? prefix + ':' : '';
	const decl = prefix ? `xmlns:${prefix}="${ns}"` : `xmlns="${ns}"`;
	return `<?xml version="1.0" encoding="utf-8"?><${p}Envelope ${decl}><${p}Body>${body}</${p}Body></${p}Envelope>`;
}

function resultElement(xml: string, operation: string): XmlElement {
	const answer = readSoapAnswer(xml, operation);
	if (answer.kind !== 'result') throw new Error('expected a result');
	return answer.element;
}

describe('parseXml', () => {
	it('reads names, prefixes, namespaces, attributes and text', () => {
		const root = parseXml(
			`<a:root xmlns:a="urn:a" xmlns="urn:default" id='1' b = "x &amp; y"><child>text</child><a:other xmlns="" k="v"><inner/></a:other></a:root>`,
		);
		expect(root).toEqual({
			name: 'root',
			prefix: 'a',
			namespace: 'urn:a',
			attributes: { 'xmlns:a': 'urn:a', xmlns: 'urn:default', id: '1', b: 'x & y' },
			text: '',
			children: [
				{ name: 'child', prefix: '', namespace: 'urn:default', attributes: {}, children: [], text: 'text' },
				{
					name: 'other',
					prefix: 'a',
					namespace: 'urn:a',
					attributes: { xmlns: '', k: 'v' },
					text: '',
					children: [{ name: 'inner', prefix: '', namespace: '', attributes: {}, children: [], text: '' }],
				},
			],
		});
	});

	it('scopes namespace declarations to their element', () => {
		const root = parseXml('<r xmlns:p="urn:1"><p:a xmlns:p="urn:2"><p:b/></p:a><p:c/><q:d/><xml:e/></r>');
		const [a, c, d, e] = root.children;
		expect([a.namespace, a.children[0].namespace, c.namespace]).toEqual(['urn:2', 'urn:2', 'urn:1']);
		expect([d.prefix, d.namespace]).toEqual(['q', '']); // undeclared prefix: read leniently
		expect(e.namespace).toBe('http://www.w3.org/XML/1998/namespace');
	});

	it.each([
		['&lt;&gt;&amp;&quot;&apos;', '<>&"\''],
		['&#65;&#x42;&#X43;'.replace('&#X43;', '&#x43;'), 'ABC'],
		['&#x1F600;&#128512;', '😀😀'],
		['&#xE5;&#228;&#xf6;', 'åäö'],
		['a<![CDATA[<b>&amp;]]>c', 'a<b>&amp;c'],
		['<![CDATA[]]>', ''],
		['x<!-- c -->y<?pi data?>z', 'xyz'],
		['line\r\nbreak\rcr', 'line\nbreak\ncr'],
		['&#13;&#10;', '\r\n'],
		['a]]>b', 'a]]>b'],
		['  spaced  ', '  spaced  '],
	])('decodes text %j', (inner, text) => {
		expect(parseXml(`<r>${inner}</r>`).text).toBe(text);
	});

	it('concatenates the text directly inside an element, not its children\'s', () => {
		const root = parseXml('<r>a<c>b</c>c<d/>d</r>');
		expect(root.text).toBe('acd');
		expect(root.children.map((c) => c.text)).toEqual(['b', '']);
	});

	it('normalizes whitespace in attribute values but keeps character references', () => {
		expect(parseXml('<r a="x\ty\nz\r\nw" b=\'&#9;&#10;\' c="it\'s" d=\'say "hi"\'/>').attributes).toEqual({
			a: 'x y z w',
			b: '\t\n',
			c: "it's",
			d: 'say "hi"',
		});
	});

	it('skips the XML declaration, BOM, comments, PIs and a DOCTYPE without entity declarations', () => {
		const xml =
			'\uFEFF<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<!-- c1 -->\n<?style x?>\n' +
			'<!DOCTYPE r SYSTEM "r.dtd" [ <!ELEMENT r ANY> <!ATTLIST r a CDATA "x>y"> ]>\n<r>ok</r>\n<!-- after -->\n<?pi?>\n';
		expect(parseXml(xml).text).toBe('ok');
	});

	it('reads deeply nested documents without recursion', () => {
		const depth = 100000;
		const root = parseXml('<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth));
		let node = root;
		let levels = 1;
		while (node.children.length > 0) {
			node = node.children[0];
			levels++;
		}
		expect([levels, node.text]).toEqual([depth, 'x']);
	});

	it.each([
		['', /No root element/],
		['   ', /No root element/],
		['<!-- only a comment -->', /No root element/],
		['text<r/>', /Text before the root element/],
		['<r>', /Unclosed element <r>/],
		['<r><a></r>', /End tag <\/r> does not match <a>/],
		['<r></R>', /End tag <\/R> does not match <r>/],
		['<p:r xmlns:p="u"></q:r>', /does not match <p:r>/],
		['<r/>junk', /Content after the root element/],
		['<r/><r/>', /Content after the root element/],
		['<r>&bogus;</r>', /Unknown or invalid entity reference "&bogus;"/],
		['<r>&nbsp;</r>', /Unknown or invalid entity reference "&nbsp;"/],
		['<r>a & b</r>', /starts no entity reference/],
		['<r>&#0;</r>', /invalid entity reference "&#0;"/],
		['<r>&#xD800;</r>', /invalid entity reference/],
		['<r>&#x110000;</r>', /invalid entity reference/],
		['<r a="1" a="2"/>', /Duplicate attribute a/],
		['<r a="<"/>', /"<" inside an attribute value/],
		['<r a=1/>', /Quoted value expected for attribute a/],
		['<r a="1"b="2"/>', /Whitespace expected between attributes/],
		['<r a/>', /"=" expected after attribute a/],
		['<r a="1/>', /Unclosed value of attribute a|Unclosed/],
		['<r', /Unclosed start tag|name was expected/],
		['<r><!-- x -- y --></r>', /"--" inside a comment/],
		['<r><!-- x </r>', /Unclosed comment/],
		['<r><![CDATA[x</r>', /Unclosed CDATA section/],
		['<r><?pi </r>', /Unclosed processing instruction/],
		['<r><!ELEMENT x></r>', /Unexpected markup declaration/],
		['<1r/>', /name was expected/],
		['< r/>', /name was expected/],
		['<r></ r>', /name was expected/],
		['<!DOCTYPE r [<!ENTITY lol "lol">]><r>&lol;</r>', /Entity declarations are refused/],
		['<!DOCTYPE r [<!ENTITY % p SYSTEM "http://evil/">]><r/>', /Entity declarations are refused/],
		['<!DOCTYPE r', /Unclosed DOCTYPE/],
	])('refuses %j', (xml, message) => {
		expect(() => parseXml(xml)).toThrow(XmlReadError);
		expect(() => parseXml(xml)).toThrow(message);
	});

	it('says on which line the problem is', () => {
		expect(() => parseXml('<r>\n<a>\n</b>\n</r>')).toThrow(/\(line 3\)/);
	});

	it('refuses a value that is not text', () => {
		expect(() => parseXml(undefined as unknown as string)).toThrow(XmlReadError);
	});
});

describe('readSoapAnswer', () => {
	it('finds the …Result of a SOAP 1.1 answer, text trimmed', () => {
		const xml = envelope('<smsResponse xmlns="http://tempuri.org/"><smsResult>\n 123456789012345678901 \n</smsResult></smsResponse>');
		const answer = readSoapAnswer(xml, 'sms');
		expect(answer).toMatchObject({ kind: 'result', operation: 'sms', text: '123456789012345678901' });
		expect(answer.kind === 'result' && answer.element.name).toBe('smsResult');
	});

	it.each([
		['any prefix', envelope('<m:balansResponse xmlns:m="urn:x"><m:balansResult>250.00</m:balansResult></m:balansResponse>', 's')],
		['default namespace envelope', envelope('<balansResponse xmlns="urn:x"><balansResult>250.00</balansResult></balansResponse>', '')],
		['SOAP 1.2', envelope('<balansResponse><balansResult>250.00</balansResult></balansResponse>', 'env', SOAP12)],
		['other case', envelope('<BalansResponse><BALANSRESULT>250.00</BALANSRESULT></BalansResponse>')],
		['header and extras', envelope('<balansResponse><Info>x</Info><balansResult a="1"><!--c-->250.00</balansResult><More/></balansResponse>').replace('<soap:Body>', '<soap:Header><t>1</t></soap:Header><soap:Body>')],
		['CDATA and references', envelope('<balansResponse><balansResult><![CDATA[25]]>&#48;.00</balansResult></balansResponse>')],
	])('matches by local name, any prefix or case: %s', (_name, xml) => {
		expect(readSoapAnswer(xml, 'balans')).toMatchObject({ kind: 'result', text: '250.00' });
	});

	it('gives an empty result when the Response has no Result element (a null result)', () => {
		const answer = readSoapAnswer(envelope('<tidpunktResponse xmlns="http://tempuri.org/" />'), 'tidpunkt');
		expect(answer).toMatchObject({ kind: 'result', text: '' });
		expect(answer.kind === 'result' && answer.element.name).toBe('tidpunktResponse');
		expect(readSoapAnswer(envelope('<statusResponse><statusResult/></statusResponse>'), 'status')).toMatchObject({ kind: 'result', text: '' });
	});

	it('does not take another operation\'s result', () => {
		const xml = envelope('<smsAtResponse><smsAtResult>1234</smsAtResult></smsAtResponse>');
		expect(() => readSoapAnswer(xml, 'sms')).toThrow(/neither a smsResult nor a Fault/);
		expect(readSoapAnswer(xml, 'smsAt')).toMatchObject({ text: '1234' });
	});

	it('reads a SOAP 1.1 fault', () => {
		const xml = envelope(
			'<soap:Fault><faultcode>soap:Client</faultcode><faultstring xml:lang="en">Server was unable to read request. ---&gt; There is an error in XML document (1, 2).</faultstring><detail /></soap:Fault>',
		);
		expect(readSoapAnswer(xml, 'sms')).toEqual({
			kind: 'fault',
			faultCode: 'soap:Client',
			faultString: 'Server was unable to read request. ---> There is an error in XML document (1, 2).',
		});
	});

	it('reads a SOAP 1.2 fault', () => {
		const xml = envelope(
			'<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>m:Bad</env:Value></env:Subcode></env:Code>' +
				'<env:Reason><env:Text xml:lang="en"> Unknown operation </env:Text><env:Text xml:lang="sv">Okänd</env:Text></env:Reason></env:Fault>',
			'env',
			SOAP12,
		);
		expect(readSoapAnswer(xml, 'sms')).toEqual({ kind: 'fault', faultCode: 'env:Sender', faultString: 'Unknown operation' });
	});

	it('reports a fault even when a result is present too, and an empty fault as empty strings', () => {
		expect(readSoapAnswer(envelope('<soap:Fault/><smsResponse><smsResult>1</smsResult></smsResponse>'), 'sms')).toEqual({
			kind: 'fault',
			faultCode: '',
			faultString: '',
		});
	});

	it.each([
		['malformed XML', '<soap:Envelope><soap:Body>', /Unclosed element|Unclosed/],
		['an HTML error page', '<html><body>502 Bad Gateway</body></html>', /not a SOAP envelope \(its root element is <html>\)/],
		['no Body', `<soap:Envelope xmlns:soap="${SOAP11}"><soap:Header/></soap:Envelope>`, /has no Body/],
		['an empty Body', envelope(''), /neither a smsResult nor a Fault/],
		['a Body with other content', envelope('<other>1</other>'), /neither a smsResult nor a Fault/],
		['plain text', '101', /Text before the root element/],
	])('refuses %s with an XmlReadError', (_name, xml, message) => {
		expect(() => readSoapAnswer(xml, 'sms')).toThrow(XmlReadError);
		expect(() => readSoapAnswer(xml, 'sms')).toThrow(message);
	});
});

describe('readBundleRows', () => {
	const bundle = (rows: string) => resultElement(envelope(`<statusBundleResponse><statusBundleResult>${rows}</statusBundleResult></statusBundleResponse>`), 'statusBundle');

	it('reads the contract\'s rows in document order', () => {
		const rows = bundle(
			'<SmsStatus><SmsId>123456789012345678901</SmsId><Status>22</Status></SmsStatus>\n<SmsStatus><SmsId> 1001 </SmsId><Status>\n21\n</Status></SmsStatus>',
		);
		expect(readBundleRows(rows)).toEqual([
			{ smsId: '123456789012345678901', status: '22' },
			{ smsId: '1001', status: '21' },
		]);
	});

	it('reads rows by position when the cells have other names or case', () => {
		expect(readBundleRows(bundle('<row><A>1001</A><B>22</B></row><ITEM><x>1002</x><y>0</y><z>extra</z></ITEM>'))).toEqual([
			{ smsId: '1001', status: '22' },
			{ smsId: '1002', status: '0' },
		]);
	});

	it('uses named cells when both are there, in any order', () => {
		expect(readBundleRows(bundle('<SmsStatus><STATUS>12</STATUS><smsid>1001</smsid></SmsStatus><r><Status>22</Status><MmsId>1002</MmsId></r>'))).toEqual([
			{ smsId: '1001', status: '12' },
			{ smsId: '1002', status: '22' },
		]);
	});

	it('skips elements that are no rows and looks through one wrapper element', () => {
		expect(readBundleRows(bundle('<Note>x</Note><Empty/><One><SmsId>1</SmsId></One><SmsStatus><SmsId>1001</SmsId><Status>22</Status></SmsStatus>'))).toEqual([
			{ smsId: '1001', status: '22' },
		]);
		expect(
			readBundleRows(bundle('<ArrayOfSmsStatus><SmsStatus><SmsId>1001</SmsId><Status>22</Status></SmsStatus><SmsStatus><SmsId>1002</SmsId><Status>21</Status></SmsStatus></ArrayOfSmsStatus>')),
		).toEqual([
			{ smsId: '1001', status: '22' },
			{ smsId: '1002', status: '21' },
		]);
	});

	it('gives no rows for an empty result or a bare status code', () => {
		expect(readBundleRows(bundle(''))).toEqual([]);
		const code = bundle('110');
		expect(readBundleRows(code)).toEqual([]);
		expect(code.text).toBe('110');
	});
});
