/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { Parser } from 'xml2js';
import { Ip1InputError } from '../../../nodes/Ip1Sms/helpers/errors';
import { buildSoapEnvelope, escapeXmlAttribute, escapeXmlText, soapAction, type XmlNode } from '../../../nodes/Ip1Sms/gateway/soap/soapEnvelope';
import { parseXml, readSoapAnswer } from '../../../nodes/Ip1Sms/gateway/soap/xmlReader';
import { createRandom } from '../../support/soapAnswerGenerator';

/** xml2js without any trimming or normalizing: what a .NET service would read from the request. */
function readWithXml2js(xml: string): any {
	let out: any;
	new Parser({ explicitArray: false, explicitCharkey: true, charkey: '_', trim: false, normalize: false }).parseString(
		xml,
		(error: Error | null, result: any) => {
			if (error) throw error;
			out = result;
		},
	);
	return out;
}

const NS = 'http://tempuri.org/';

describe('buildSoapEnvelope', () => {
	it('writes a SOAP 1.1 document/literal wrapped request', () => {
		const xml = buildSoapEnvelope('sms', NS, [
			{ name: 'konto', text: 'ip1-1000' },
			{ name: 'passwd', text: 'secret' },
			{ name: 'prio', text: '2' },
		]);
		expect(xml).toBe(
			'<?xml version="1.0" encoding="utf-8"?>' +
				'<soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
				'<soap:Body><sms xmlns="http://tempuri.org/"><konto>ip1-1000</konto><passwd>secret</passwd><prio>2</prio></sms></soap:Body></soap:Envelope>',
		);
	});

	it('writes nested parameters (recipients with template fields) and empty ones', () => {
		const recipients: XmlNode = {
			name: 'recipients',
			children: [
				{
					name: 'Recipient',
					children: [
						{ name: 'Number', text: '46701234567' },
						{ name: 'Parameters', children: [{ name: 'TemplateField', children: [{ name: 'Key', text: '{name}' }, { name: 'Value', text: 'Åsa & Co' }] }] },
					],
				},
			],
		};
		const xml = buildSoapEnvelope('smsBundle', NS, [{ name: 'till', text: '' }, { name: 'empty' }, recipients]);
		expect(xml).toContain(
			'<till></till><empty /><recipients><Recipient><Number>46701234567</Number><Parameters><TemplateField><Key>{name}</Key><Value>Åsa &amp; Co</Value></TemplateField></Parameters></Recipient></recipients>',
		);
		const body = readWithXml2js(xml)['soap:Envelope']['soap:Body'].smsBundle;
		expect(body.recipients.Recipient.Parameters.TemplateField.Value._).toBe('Åsa & Co');
		expect(body.recipients.Recipient.Number._).toBe('46701234567');
	});

	it('escapes the namespace attribute', () => {
		const xml = buildSoapEnvelope('sms', 'urn:a"b&c<d>', []);
		expect(xml).toContain('<sms xmlns="urn:a&quot;b&amp;c&lt;d&gt;"></sms>');
		const op = parseXml(xml).children[0].children[0];
		expect(op.namespace).toBe('urn:a"b&c<d>');
	});

	it('refuses element names that are not plain XML names (a programming error)', () => {
		expect(() => buildSoapEnvelope('sms x="1"', NS, [])).toThrow(/Invalid XML element name/);
		expect(() => buildSoapEnvelope('sms', NS, [{ name: 'a><b', text: '' }])).toThrow(/Invalid XML element name/);
		expect(() => buildSoapEnvelope('sms', NS, [{ name: '', text: '' }])).toThrow(/Invalid XML element name/);
	});

	it('round-trips random text through xml2js and through the node reader unchanged', () => {
		const pieces = ['<', '>', '&', '"', "'", ']]>', '<![CDATA[', '-->', '&amp;', '&#x41;', 'å', 'ä', 'ö', 'Å', 'Ä', 'Ö', '😀', '🇸🇪', '€', 'é', 'Я',
			' ', '  ', '\n', '\r\n', '\r', '\t', 'a', 'Z', '0', '%0a', '\u007f', '\u0085', '\u00a0', '\u2028', '\ufffd', '\uffef', 'x'];
		const random = createRandom(1234);
		for (let k = 0; k < 1000; k++) {
			const params: XmlNode[] = [];
			const values: string[] = [];
			for (let p = 0; p < 3; p++) {
				let value = '';
				const length = Math.floor(random() * 30);
				for (let i = 0; i < length; i++) value += pieces[Math.floor(random() * pieces.length)];
				values.push(value);
				params.push({ name: 'p' + p, text: value });
			}
			const xml = buildSoapEnvelope('sms', NS, params);
			const op = readWithXml2js(xml)['soap:Envelope']['soap:Body'].sms;
			values.forEach((value, p) => {
				// text comes back as { _: text }; an empty or whitespace-only element as the bare string
				const node = op['p' + p];
				expect([value, typeof node === 'string' ? node : node._]).toEqual([value, value]);
			});
			const mine = parseXml(xml).children[0].children[0].children.map((c) => c.text);
			expect(mine).toEqual(values);
		}
	});

	it('keeps attempts to break out of the envelope as plain text', () => {
		const attacks = [
			'</meddelande><till>46700000000</till><meddelande>',
			'</sms></soap:Body></soap:Envelope><soap:Envelope>',
			']]><till>1</till><![CDATA[',
			'<!-- x --><?pi?><!DOCTYPE x [<!ENTITY e "x">]>&e;',
		];
		for (const attack of attacks) {
			const xml = buildSoapEnvelope('sms', NS, [
				{ name: 'till', text: '46701234567' },
				{ name: 'meddelande', text: attack },
			]);
			const op = readWithXml2js(xml)['soap:Envelope']['soap:Body'].sms;
			expect(op.till._).toBe('46701234567');
			expect(op.meddelande._).toBe(attack);
			expect(Object.keys(op).filter((k) => k !== '$')).toEqual(['till', 'meddelande']);
			expect(parseXml(xml).children[0].children[0].children.map((c) => [c.name, c.text])).toEqual([
				['till', '46701234567'],
				['meddelande', attack],
			]);
		}
	});

	it('is read back by the node reader as a SOAP document', () => {
		const xml = buildSoapEnvelope('status', NS, [{ name: 'id', text: '123456789012345678' }]);
		// an answer with the same shape as a request: the reader finds the Body and the named element
		expect(() => readSoapAnswer(xml, 'status')).toThrow(/neither a statusResult nor a Fault/);
	});
});

describe('escapeXmlText', () => {
	it.each([
		['plain', 'plain'],
		['a & b', 'a &amp; b'],
		['<tag attr="x">', '&lt;tag attr=&quot;x&quot;&gt;'],
		["it's", 'it&apos;s'],
		[']]>', ']]&gt;'],
		['line\nbreak\ttab', 'line\nbreak\ttab'],
		['cr\r\n', 'cr&#xD;\n'],
		['åäö 😀 €', 'åäö 😀 €'],
		['\u0085\u2028\ue000\ufffd', '\u0085\u2028\ue000\ufffd'],
		['', ''],
	])('%j → %j', (value, expected) => {
		expect(escapeXmlText(value, 'Message')).toBe(expected);
	});

	it('returns the very same string when nothing needs escaping', () => {
		const text = 'Hej! Ditt paket är på väg. Mvh Butiken 😀';
		expect(escapeXmlText(text, 'Message')).toBe(text);
	});

	it.each([
		['\u0000', 1, 'a control character (U+0000)'],
		['ab\u0007', 3, 'a control character (U+0007)'],
		['x\u000by', 2, 'a control character (U+000B)'],
		['page\fbreak', 5, 'a control character (U+000C)'],
		['\u001b[0m', 1, 'a control character (U+001B)'],
		['😀😀\u0001', 3, 'a control character (U+0001)'], // positions count characters, not UTF-16 units
		['a\ud800b', 2, 'a broken character'],
		['a\udc00', 2, 'a broken character'],
		['end\ud83d', 4, 'a broken character'],
		['\ufffe', 1, 'a non-character (U+FFFE)'],
		['ok \uffff', 4, 'a non-character (U+FFFF)'],
	])('refuses %j, naming the field and position %i', (value, position, what) => {
		try {
			escapeXmlText(value, 'Message');
			throw new Error('expected an error');
		} catch (error) {
			expect(error).toBeInstanceOf(Ip1InputError);
			expect((error as Ip1InputError).field).toBe('Message');
			expect((error as Ip1InputError).message).toBe(`Message contains ${what} at position ${position}`);
			expect((error as Ip1InputError).hint).toBe(
				'It cannot be sent to iP.1: remove it. Control characters (other than tab and line breaks), half an emoji and U+FFFE/U+FFFF cannot travel in the request.',
			);
		}
	});

	it('names the parameter field in a built envelope', () => {
		expect(() => buildSoapEnvelope('sms', NS, [{ name: 'meddelande', field: 'Message', text: 'a\u0002' }])).toThrow(
			/^Message contains a control character \(U\+0002\) at position 2/,
		);
		expect(() => buildSoapEnvelope('sms', NS, [{ name: 'meddelande', text: 'a\u0002' }])).toThrow(/^meddelande contains/);
	});

	it('moves the character code, then the position, to the description when a long field name leaves no room', () => {
		const refusal = (value: string, field: string) => {
			try {
				escapeXmlText(value, field);
			} catch (error) {
				return { title: (error as Ip1InputError).message, fix: (error as Ip1InputError).hint };
			}
			throw new Error('expected an error');
		};
		const fix = 'It cannot be sent to iP.1: remove it. Control characters (other than tab and line breaks), half an emoji and U+FFFE/U+FFFF cannot travel in the request.';
		expect(refusal('ab\u0007', 'Template Field "{name}"')).toEqual({
			title: 'Template Field "{name}" contains a control character at position 3',
			fix: `The character is U+0007. ${fix}`,
		});
		expect(refusal(`${'x'.repeat(1233)}\u0007`, 'Template Field "{first_name_of_re…"')).toEqual({
			title: 'Template Field "{first_name_of_re…" contains a control character',
			fix: `The character (U+0007) is at position 1234. ${fix}`,
		});
		expect(refusal('a\ud800', 'Template Field "{first_name_of_re…"')).toEqual({
			title: 'Template Field "{first_name_of_re…" contains a broken character',
			fix: `The character is at position 2. ${fix}`,
		});
	});

	it('escapes 10,000 different messages, each one exactly', () => {
		const text = 'Hej Åsa! Din order #12345 är skickad & levereras i morgon <3 '.repeat(4);
		const expected = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
		for (let k = 0; k < 10000; k++) expect(escapeXmlText(text + k, 'Message')).toBe(expected + k);
	});
});

describe('escapeXmlAttribute', () => {
	it('also writes tab and line feed as references, so attribute normalization keeps them', () => {
		expect(escapeXmlAttribute('a\tb\nc\rd"', 'SOAP Namespace')).toBe('a&#x9;b&#xA;c&#xD;d&quot;');
		const xml = `<a x="${escapeXmlAttribute('a\tb\nc\r\nd', 'x')}"/>`;
		expect(parseXml(xml).attributes.x).toBe('a\tb\nc\r\nd');
	});
});

describe('soapAction', () => {
	it.each([
		['sms', 'http://tempuri.org/', '"http://tempuri.org/sms"'],
		['sms', 'http://tempuri.org', '"http://tempuri.org/sms"'],
		['statusBundle', 'urn:ip1', '"urn:ip1/statusBundle"'],
	])('%s in %s → %s', (operation, namespace, expected) => {
		expect(soapAction(operation, namespace)).toBe(expected);
	});
});
