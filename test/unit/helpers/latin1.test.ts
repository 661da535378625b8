import { Ip1InputError } from '../../../nodes/Ip1Sms/helpers/errors';
import { inputErrorOf } from './inputErrorOf';
import { assertUnambiguousLatin1, percentEncodeLatin1 } from '../../../nodes/Ip1Sms/helpers/latin1';

/** Decodes %HH as ISO-8859-1 bytes: the gateway's reading. */
function decodeLatin1(encoded: string): string {
	return encoded.replace(/%([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('percentEncodeLatin1', () => {
	it.each([
		['Hello', 'Hello'],
		['A-Z_a.z~0', 'A-Z_a.z~0'],
		['Test SMS', 'Test%20SMS'],
		['åäö ÅÄÖ', '%E5%E4%F6%20%C5%C4%D6'],
		['a+b&c=d?e#f/g', 'a%2Bb%26c%3Dd%3Fe%23f%2Fg'],
		['100%0a', '100%250a'],
		['é ü ß ÿ ©', '%E9%20%FC%20%DF%20%FF%20%A9'],
		['\n\t', '%0A%09'],
		['\u0000\u007f\u00a0', '%00%7F%A0'],
		['', ''],
	])('%j → %j', (value, expected) => {
		expect(percentEncodeLatin1(value, 'Message')).toBe(expected);
	});

	it('round-trips every Latin-1 character, and leaves only unreserved characters unencoded', () => {
		let all = '';
		for (let c = 0; c < 256; c++) all += String.fromCharCode(c);
		const encoded = percentEncodeLatin1(all, 'Message');
		expect(decodeLatin1(encoded)).toBe(all);
		expect(encoded.replace(/%[0-9A-F]{2}/g, '')).toBe('-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~');
	});

	it.each([
		['Pris 10 €', '€', 9],
		['Hej 😀 då', '😀', 5],
		['åäö ą', 'ą', 5],
		['\ud800 lone surrogate', '\ud800', 1],
		['Я', 'Я', 1],
	])('refuses %j: names the character, position and the SOAP transport', (value, char, position) => {
		try {
			percentEncodeLatin1(value, 'Message');
			throw new Error('expected an error');
		} catch (error) {
			expect(error).toBeInstanceOf(Ip1InputError);
			const e = error as Ip1InputError;
			expect(e.field).toBe('Message');
			expect(e.message).toBe(`Message has "${char}" (position ${position}), which the URL call cannot send`);
			expect(e.hint).toBe(
				'The URL call carries Western European (Latin-1) characters only. Set Options → Transport to SOAP Web Service, which carries any character, or remove the character.',
			);
		}
	});
});

describe('assertUnambiguousLatin1', () => {
	it.each(['Ã¤r', 'Â£5', 'CafÃ©', 'ð\u009f\u0098\u0080'])('refuses %j: its Latin-1 bytes are valid UTF-8', (text) => {
		const error = inputErrorOf(() => assertUnambiguousLatin1(text, 'Message'));
		expect(error.message).toBe('Message would arrive changed over the URL call');
		expect(error.hint).toBe(
			'Its characters, sent as Latin-1, also read as UTF-8 text, which iP.1 accepts too, so other characters would arrive (e.g. "Ã¤" as "ä"). Set Options → Transport to SOAP Web Service, which carries every character exactly.',
		);
	});
	it.each(['Hej på dig', 'Räksmörgås', 'ASCII only', 'Ã alone', 'Ã¤ och å', '\u00c0\u0080'])('accepts %j', (text) => {
		expect(() => assertUnambiguousLatin1(text, 'Message')).not.toThrow();
	});
	it('never shows a secret value in its error', () => {
		const error = inputErrorOf(() => percentEncodeLatin1('key-😀-secret', 'API Key', true));
		expect(error.message).toBe('API Key has a character the URL call cannot send');
		expect(error.hint).toBe(
			'The URL call carries Western European (Latin-1) characters only. Set Options → Transport to SOAP Web Service, which carries any character.',
		);
		expect(`${error.message} ${error.hint}`).not.toContain('secret');
	});
});
