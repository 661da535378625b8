import {
	comparableTree,
	generateSoapAnswers,
	parseWithXml2js,
	type ExpectedAnswer,
	type PlainElement,
	type SoapAnswerCase,
} from '../../support/soapAnswerGenerator';
import { interpretSoapAnswer, parseXml, readBundleRows, XmlReadError, type XmlElement } from '../../../nodes/Ip1Sms/gateway/soap/xmlReader';

type Outcome = ExpectedAnswer | { kind: 'error' };

/** What a reader's tree means for the operation, in the generator's terms. */
function outcomeOf(root: XmlElement | PlainElement | Error, c: SoapAnswerCase): Outcome {
	if (root instanceof Error) return { kind: 'error' };
	try {
		const answer = interpretSoapAnswer(root as XmlElement, c.operation);
		if (answer.kind === 'fault') return { kind: 'fault', faultCode: answer.faultCode, faultString: answer.faultString };
		if (c.operation === 'statusBundle') return { kind: 'rows', rows: readBundleRows(answer.element) };
		return { kind: 'result', text: answer.text };
	} catch {
		return { kind: 'error' };
	}
}

function attempt<T>(fn: () => T): T | Error {
	try {
		return fn();
	} catch (error) {
		return error as Error;
	}
}

/** Deep equality without building a diff for the thousands of cases that agree. */
function expectSame(actual: unknown, expected: unknown, c: SoapAnswerCase, what: string): void {
	if (JSON.stringify(actual) !== JSON.stringify(expected)) {
		const how = 'how' in c.expected ? ': ' + c.expected.how : '';
		expect({ case: `${what}, case ${c.index} (${c.expected.kind}${how})\n${c.xml}`, value: actual }).toEqual({
			case: `${what}, case ${c.index} (${c.expected.kind}${how})\n${c.xml}`,
			value: expected,
		});
	}
}

const CASES = 3000;
const cases = generateSoapAnswers(20260701, CASES);
const read = cases.map((c) => ({ c, mine: attempt(() => parseXml(c.xml)), oracle: attempt(() => parseWithXml2js(c.xml)) }));

describe('xmlReader against xml2js on generated SOAP answers', () => {
	it(`finds in ${CASES} generated answers what xml2js finds, and what the generator meant`, () => {
		for (const { c, mine, oracle } of read) {
			const outcome = outcomeOf(mine, c);
			expectSame(outcome, outcomeOf(oracle, c), c, 'xml2js');
			expectSame(outcome, c.expected.kind === 'broken' || c.expected.kind === 'notAnswer' ? { kind: 'error' } : c.expected, c, 'generator');
		}
	});

	it('covers every answer shape in useful numbers', () => {
		const kinds: Record<string, number> = {};
		for (const c of cases) kinds[c.expected.kind] = (kinds[c.expected.kind] ?? 0) + 1;
		expect(kinds.result).toBeGreaterThan(CASES * 0.3);
		expect(kinds.rows).toBeGreaterThan(CASES * 0.15);
		expect(kinds.fault).toBeGreaterThan(CASES * 0.08);
		expect(kinds.broken).toBeGreaterThan(CASES * 0.08);
		expect(kinds.notAnswer).toBeGreaterThan(CASES * 0.01);
		const rows = cases.flatMap((c) => (c.expected.kind === 'rows' ? c.expected.rows : []));
		expect(rows.length).toBeGreaterThan(CASES * 0.3);
	});

	it('builds the same element tree as xml2js (local names, attributes, text, child order) for every well-formed answer', () => {
		let compared = 0;
		for (const { c, mine, oracle } of read) {
			if (c.expected.kind === 'broken') continue;
			expectSame([mine instanceof Error, oracle instanceof Error], [false, false], c, 'both read it');
			expectSame(comparableTree(mine as PlainElement), comparableTree(oracle as PlainElement), c, 'tree');
			compared++;
		}
		expect(compared).toBeGreaterThan(CASES * 0.8);
	});

	it('refuses, with an XmlReadError, every broken document, as xml2js does', () => {
		const broken = read.filter(({ c }) => c.expected.kind === 'broken');
		for (const { c, mine, oracle } of broken) {
			expectSame(oracle instanceof Error, true, c, 'xml2js refuses');
			expectSame(mine instanceof XmlReadError, true, c, 'reader refuses');
		}
		const hows = new Set(broken.map(({ c }) => (c.expected as { how: string }).how));
		expect([...hows].sort()).toEqual(['bad attribute', 'bad entity', 'bare ampersand', 'mismatched end tag', 'truncated', 'unclosed element']);
	});

	it('generates the same cases for the same seed, and other cases for another seed', () => {
		expect(generateSoapAnswers(7, 50)).toEqual(generateSoapAnswers(7, 50));
		expect(generateSoapAnswers(8, 50).map((c) => c.xml)).not.toEqual(generateSoapAnswers(7, 50).map((c) => c.xml));
	});
});
