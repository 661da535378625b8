import { decodeUtf8 } from '../../../nodes/Ip1SmsTrigger/bytes';
import {
	componentBytes,
	decodeComponent,
	parseRawQuery,
	rawQueryOf,
} from '../../../nodes/Ip1SmsTrigger/rawQuery';

describe('decodeComponent, auto-detect', () => {
	const table: Array<[string, string, string, 'utf-8' | 'iso-8859-1']> = [
		// [what, raw, decoded, encoding]
		['å in ISO-8859-1', '%E5', 'å', 'iso-8859-1'],
		['ä in ISO-8859-1', '%E4', 'ä', 'iso-8859-1'],
		['ö in ISO-8859-1', '%F6', 'ö', 'iso-8859-1'],
		['Å in ISO-8859-1', '%C5', 'Å', 'iso-8859-1'],
		['Ä in ISO-8859-1', '%C4', 'Ä', 'iso-8859-1'],
		['Ö in ISO-8859-1', '%D6', 'Ö', 'iso-8859-1'],
		['é in ISO-8859-1', '%E9', 'é', 'iso-8859-1'],
		['ü in ISO-8859-1', '%FC', 'ü', 'iso-8859-1'],
		['lower case hex', '%e5%f6', 'åö', 'iso-8859-1'],
		['å in UTF-8', '%C3%A5', 'å', 'utf-8'],
		['ä in UTF-8', '%C3%A4', 'ä', 'utf-8'],
		['ö in UTF-8', '%C3%B6', 'ö', 'utf-8'],
		['Å in UTF-8', '%C3%85', 'Å', 'utf-8'],
		['Ä in UTF-8', '%C3%84', 'Ä', 'utf-8'],
		['Ö in UTF-8', '%C3%96', 'Ö', 'utf-8'],
		['é in UTF-8', '%C3%A9', 'é', 'utf-8'],
		['the issue example', 'Hej+p%E5+dig+%C5%C4%D6', 'Hej på dig ÅÄÖ', 'iso-8859-1'],
		['the issue example with %20', 'Hej%20p%E5%20dig%20%C5%C4%D6', 'Hej på dig ÅÄÖ', 'iso-8859-1'],
		['all six in UTF-8', '%C3%A5%C3%A4%C3%B6%C3%85%C3%84%C3%96', 'åäöÅÄÖ', 'utf-8'],
		['all six in ISO-8859-1', '%E5%E4%F6%C5%C4%D6', 'åäöÅÄÖ', 'iso-8859-1'],
		['plus is a space', 'a+b', 'a b', 'utf-8'],
		['%20 is a space', 'a%20b', 'a b', 'utf-8'],
		['%2B is a plus', '1%2B1', '1+1', 'utf-8'],
		['escaped ampersand and equals', 'a%26b%3Dc', 'a&b=c', 'utf-8'],
		['line break', 'rad1%0Arad2', 'rad1\nrad2', 'utf-8'],
		['emoji', '%F0%9F%98%80', '😀', 'utf-8'],
		[
			'emoji and Swedish in UTF-8',
			'Hej+%F0%9F%91%8B+fr%C3%A5n+G%C3%B6teborg',
			'Hej 👋 från Göteborg',
			'utf-8',
		],
		['euro sign in UTF-8', '%E2%82%AC', '€', 'utf-8'],
		['truncated escape at the end', 'abc%E', 'abc%E', 'utf-8'],
		['lone percent', '100%', '100%', 'utf-8'],
		['not hex', '%ZZ', '%ZZ', 'utf-8'],
		['half hex', '%EZ', '%EZ', 'utf-8'],
		['bad escape beside a Latin-1 byte', '%E5%ZZ', 'å%ZZ', 'iso-8859-1'],
		['truncated UTF-8 sequence falls back to Latin-1', '%C3', 'Ã', 'iso-8859-1'],
		['plain ASCII', 'testmeddelande', 'testmeddelande', 'utf-8'],
		['empty', '', '', 'utf-8'],
	];

	it.each(table)('%s', (_what, raw, decoded, encoding) => {
		expect(decodeComponent(raw, 'auto')).toEqual({ value: decoded, encoding });
	});
});

describe('decodeComponent, forced encoding', () => {
	it('reads UTF-8 bytes as ISO-8859-1 when told to', () => {
		expect(decodeComponent('%C3%A5', 'iso-8859-1')).toEqual({
			value: 'Ã¥',
			encoding: 'iso-8859-1',
		});
	});

	it('reads ISO-8859-1 bytes as UTF-8 when told to, replacing what is not UTF-8', () => {
		expect(decodeComponent('p%E5+dig', 'utf-8')).toEqual({
			value: 'p\uFFFD dig',
			encoding: 'utf-8',
		});
	});

	it('keeps emoji under forced UTF-8', () => {
		expect(decodeComponent('%F0%9F%98%80', 'utf-8').value).toBe('😀');
	});
});

describe('componentBytes', () => {
	it('takes raw request-line characters (one per byte) as bytes', () => {
		// Node hands a raw UTF-8 "å" on the request line over as the two characters \u00C3\u00A5
		expect(componentBytes('\u00C3\u00A5')).toEqual([0xc3, 0xa5]);
		expect(decodeComponent('\u00C3\u00A5', 'auto')).toEqual({ value: 'å', encoding: 'utf-8' });
	});

	it('encodes characters beyond U+00FF as UTF-8', () => {
		expect(componentBytes('€')).toEqual([0xe2, 0x82, 0xac]);
		expect(componentBytes('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80]);
	});
});

describe('decodeUtf8 agrees with the WHATWG decoder', () => {
	// random byte strings biased towards the interesting ranges
	const pool = [
		0x00, 0x41, 0x7f, 0x80, 0x8f, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef,
		0xf0, 0xf4, 0xf5, 0xff,
	];
	let seed = 12345;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};

	it('on 3000 random byte strings', () => {
		const lenient = new TextDecoder('utf-8');
		const strict = new TextDecoder('utf-8', { fatal: true });
		for (let n = 0; n < 3000; n++) {
			const length = Math.floor(random() * 8);
			const bytes = Uint8Array.from({ length }, () =>
				random() < 0.7 ? pool[Math.floor(random() * pool.length)] : Math.floor(random() * 256),
			);
			let valid = true;
			try {
				strict.decode(bytes);
			} catch {
				valid = false;
			}
			expect(decodeUtf8(bytes)).toEqual({ text: lenient.decode(bytes), valid });
		}
	});
});

describe('parseRawQuery', () => {
	it('splits, decodes keys and values, and keeps order and repeats', () => {
		expect(parseRawQuery('incsmsid=1&text=p%E5&k%C3%A4y=v&flag&&x=1&x=2', 'auto')).toEqual([
			{ key: 'incsmsid', value: '1', encoding: 'utf-8' },
			{ key: 'text', value: 'på', encoding: 'iso-8859-1' },
			{ key: 'käy', value: 'v', encoding: 'utf-8' },
			{ key: 'flag', value: '', encoding: 'utf-8' },
			{ key: 'x', value: '1', encoding: 'utf-8' },
			{ key: 'x', value: '2', encoding: 'utf-8' },
		]);
	});

	it('keeps an = inside a value', () => {
		expect(parseRawQuery('?a=b=c', 'auto')).toEqual([
			{ key: 'a', value: 'b=c', encoding: 'utf-8' },
		]);
	});
});

describe('rawQueryOf', () => {
	it('returns what follows the first ?', () => {
		expect(rawQueryOf('/webhook/id/ip1-sms?a=1&b=%E5?')).toBe('a=1&b=%E5?');
		expect(rawQueryOf('/webhook/id/ip1-sms')).toBe('');
		expect(rawQueryOf('/x?a=1#frag')).toBe('a=1');
	});
});
