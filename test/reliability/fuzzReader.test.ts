// The node's SOAP reader against xml2js on 10,000 generated answers (prefixes, namespaces, entities, CDATA,
// comments, whitespace, unknown extra elements, broken documents): the same values, or both refuse.
import { generateSoapAnswers, parseWithXml2js, type ExpectedAnswer, type SoapAnswerCase } from '../support/soapAnswerGenerator';
import { interpretSoapAnswer, parseXml, readBundleRows, readSoapAnswer, XmlReadError, type XmlElement } from '../../nodes/Ip1Sms/gateway/soap/xmlReader';
import { recordFigures } from './report';

type Outcome = ExpectedAnswer | { kind: 'refused' };

const CASES = 10_000;
const SEED = 7_2026; // another seed than the unit test's 3,000 cases

/** What a parsed tree means for the operation, in the generator's terms; a refused document is 'refused'. */
function meaning(parse: () => XmlElement, c: SoapAnswerCase): Outcome {
	try {
		const answer = interpretSoapAnswer(parse(), c.operation);
		if (answer.kind === 'fault') return { kind: 'fault', faultCode: answer.faultCode, faultString: answer.faultString };
		if (c.operation === 'statusBundle') return { kind: 'rows', rows: readBundleRows(answer.element) };
		return { kind: 'result', text: answer.text };
	} catch {
		return { kind: 'refused' };
	}
}

const intended = (c: SoapAnswerCase): Outcome => (c.expected.kind === 'broken' || c.expected.kind === 'notAnswer' ? { kind: 'refused' } : c.expected);

describe(`SOAP reader against xml2js on ${CASES.toLocaleString('en-US')} generated answers`, () => {
	const cases = generateSoapAnswers(SEED, CASES);
	const disagreements: string[] = [];
	const kinds: Record<string, number> = {};

	afterAll(() => {
		recordFigures('fuzzReader', {
			cases: cases.length,
			lost: 0,
			doubled: 0,
			failed: disagreements.length,
			kinds,
			notes: Object.entries(kinds)
				.map(([k, n]) => `${n} ${k}`)
				.join(', '),
		});
	});

	it('reads the same values as xml2js, or both refuse; and finds what the generator wrote', () => {
		for (const c of cases) {
			kinds[c.expected.kind] = (kinds[c.expected.kind] ?? 0) + 1;
			const mine = meaning(() => parseXml(c.xml), c);
			const oracle = meaning(() => parseWithXml2js(c.xml) as unknown as XmlElement, c);
			const want = intended(c);
			const a = JSON.stringify(mine);
			if (a !== JSON.stringify(oracle) || a !== JSON.stringify(want)) {
				disagreements.push(`case ${c.index} (${c.operation}): reader ${a}, xml2js ${JSON.stringify(oracle)}, generator ${JSON.stringify(want)}\n${c.xml}`);
			}
		}
		expect(disagreements.slice(0, 5)).toEqual([]);
		expect(disagreements).toHaveLength(0);
	});

	it('refuses broken documents with an XmlReadError (what the transport turns into a clear error)', () => {
		const broken = cases.filter((c) => c.expected.kind === 'broken');
		expect(broken.length).toBeGreaterThan(CASES * 0.08);
		for (const c of broken) {
			let error: unknown;
			try {
				readSoapAnswer(c.xml, c.operation);
			} catch (e) {
				error = e;
			}
			if (!(error instanceof XmlReadError)) disagreements.push(`case ${c.index}: broken (${(c.expected as { how: string }).how}) but ${String(error)}`);
			expect(error).toBeInstanceOf(XmlReadError);
		}
	});

	it('refuses entity declarations outright: no XXE, no entity expansion bomb', () => {
		const env = (body: string) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><statusResponse xmlns="http://tempuri.org/"><statusResult>${body}</statusResult></statusResponse></soap:Body></soap:Envelope>`;
		const attacks = [
			`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${env('&xxe;')}`,
			`<!DOCTYPE x [<!ENTITY a "1234567890"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${env('&c;')}`,
			`<!DOCTYPE x [<!ENTITY code "22">]>${env('22')}`,
			env('&code;'),
			env('&#0;'),
		];
		for (const xml of attacks) expect(() => readSoapAnswer(xml, 'status')).toThrow(XmlReadError);
	});

	it('covers every shape: results, bundle rows, faults, broken and non-answers', () => {
		for (const kind of ['result', 'rows', 'fault', 'broken', 'notAnswer']) expect(kinds[kind]).toBeGreaterThan(CASES * 0.01);
		const features = { cdata: /<!\[CDATA\[/, comment: /<!--/, entity: /&(amp|lt|gt|quot|apos);/, charRef: /&#x?[0-9a-f]+;/i, prefix: /<[A-Za-z]+:Envelope/, defaultNs: /<Envelope xmlns=/, bom: /^\uFEFF/ };
		for (const [name, pattern] of Object.entries(features)) {
			expect([name, cases.filter((c) => pattern.test(c.xml)).length > CASES * 0.01]).toEqual([name, true]);
		}
	});
});
