import { countSegments, isGsmText, toWireText } from '../../../nodes/Ip1Sms/helpers/segments';

// The GSM 7-bit default alphabet as 3GPP TS 23.038 (GSM 03.38) § 6.2.1 lays it out: septet value →
// Unicode code point, written out here from the standard (not taken from the code under test).
// 0x1B is the escape to the extension table, not a character.
const GSM_DEFAULT_ALPHABET: Record<number, number> = {
	0x00: 0x40, 0x01: 0xa3, 0x02: 0x24, 0x03: 0xa5, 0x04: 0xe8, 0x05: 0xe9, 0x06: 0xf9, 0x07: 0xec,
	0x08: 0xf2, 0x09: 0xc7, 0x0a: 0x0a, 0x0b: 0xd8, 0x0c: 0xf8, 0x0d: 0x0d, 0x0e: 0xc5, 0x0f: 0xe5,
	0x10: 0x394, 0x11: 0x5f, 0x12: 0x3a6, 0x13: 0x393, 0x14: 0x39b, 0x15: 0x3a9, 0x16: 0x3a0, 0x17: 0x3a8,
	0x18: 0x3a3, 0x19: 0x398, 0x1a: 0x39e, /* 0x1b: escape */ 0x1c: 0xc6, 0x1d: 0xe6, 0x1e: 0xdf, 0x1f: 0xc9,
	0x20: 0x20, 0x21: 0x21, 0x22: 0x22, 0x23: 0x23, 0x24: 0xa4, 0x40: 0xa1, 0x5b: 0xc4, 0x5c: 0xd6,
	0x5d: 0xd1, 0x5e: 0xdc, 0x5f: 0xa7, 0x60: 0xbf, 0x7b: 0xe4, 0x7c: 0xf6, 0x7d: 0xf1, 0x7e: 0xfc, 0x7f: 0xe0,
};
// 0x25–0x3F (% … ?), 0x41–0x5A (A–Z) and 0x61–0x7A (a–z) are the same as ASCII
for (const [from, to] of [[0x25, 0x3f], [0x41, 0x5a], [0x61, 0x7a]]) for (let v = from; v <= to; v++) GSM_DEFAULT_ALPHABET[v] = v;
// The extension table (§ 6.2.1.1): escape 0x1B, then one of these septets; two septets each.
const GSM_EXTENSION_TABLE: Record<number, number> = { 0x0a: 0x0c, 0x14: 0x5e, 0x28: 0x7b, 0x29: 0x7d, 0x2f: 0x5c, 0x3c: 0x5b, 0x3d: 0x7e, 0x3e: 0x5d, 0x40: 0x7c, 0x65: 0x20ac };

const BASIC = Object.values(GSM_DEFAULT_ALPHABET).map((cp) => String.fromCodePoint(cp)).join('');
const EXTENSION = Object.values(GSM_EXTENSION_TABLE).map((cp) => String.fromCodePoint(cp)).join('');

/** The septets a text encodes to in GSM 7-bit (escape + septet for the extension table), or undefined if it cannot. */
function gsmSeptets(text: string): number[] | undefined {
	const byChar = new Map<string, number[]>();
	for (const [septet, cp] of Object.entries(GSM_DEFAULT_ALPHABET)) byChar.set(String.fromCodePoint(cp), [Number(septet)]);
	for (const [septet, cp] of Object.entries(GSM_EXTENSION_TABLE)) byChar.set(String.fromCodePoint(cp), [0x1b, Number(septet)]);
	const septets: number[] = [];
	for (const c of text) {
		const encoded = byChar.get(c);
		if (!encoded) return undefined;
		septets.push(...encoded);
	}
	return septets;
}

// Sizes. One SMS carries 140 octets of user data (3GPP TS 23.040): 140 × 8 / 7 = 160 septets, or
// 140 / 2 = 70 UCS-2 characters. Parts of a longer text: the iP.1 manual says "up to 152 characters"
// for GSM; for UCS-2 the manuals say nothing and the project's contract takes the usual 67.
const USER_DATA_OCTETS = 140;
const GSM_SINGLE = Math.floor((USER_DATA_OCTETS * 8) / 7);
const UCS2_SINGLE = USER_DATA_OCTETS / 2;
const GSM_PART_FROM_MANUAL = 152;
const UCS2_PART_FROM_CONTRACT = 67;

/** An independent count: GSM septets from the table above when the text fits it, else UTF-16 code units (2 octets each). */
function independentCount(wire: string) {
	const septets = gsmSeptets(wire);
	const characters = septets ? septets.length : Buffer.byteLength(wire, 'utf16le') / 2;
	const [single, part] = septets ? [GSM_SINGLE, GSM_PART_FROM_MANUAL] : [UCS2_SINGLE, UCS2_PART_FROM_CONTRACT];
	const segments = characters === 0 ? 0 : characters <= single ? 1 : Math.ceil(characters / part);
	return { encoding: septets ? 'GSM 03.38' : 'UCS-2', characters, segments };
}

describe('the GSM 03.38 table written out from the standard', () => {
	it('has 127 characters on 128 positions (0x1B is the escape) and 10 in the extension table', () => {
		expect(Object.keys(GSM_DEFAULT_ALPHABET)).toHaveLength(127);
		expect(Object.keys(GSM_DEFAULT_ALPHABET).map(Number)).not.toContain(0x1b);
		expect(new Set(BASIC).size).toBe(127);
		expect([...EXTENSION]).toHaveLength(10);
		expect(GSM_SINGLE).toBe(160); // the manual: "at most 160 characters (7-bit GSM 03.38)"
	});
});

describe('toWireText', () => {
	it.each([
		['a\nb', 'a%0ab'],
		['a\r\nb', 'a%0ab'],
		['a\rb', 'a%0ab'],
		['a\n\nb\r\n\r\n', 'a%0a%0ab%0a%0a'],
		['\r\r\n\n', '%0a%0a%0a'],
		['no breaks', 'no breaks'],
		['', ''],
	])('%j → %j', (text, wire) => {
		expect(toWireText(text)).toBe(wire);
	});
});

describe('isGsmText', () => {
	it('accepts every character of the GSM 03.38 basic and extension tables', () => {
		for (const c of BASIC + EXTENSION) expect([c, isGsmText(c)]).toEqual([c, true]);
		expect(BASIC.length).toBe(127); // 128 positions minus ESC
	});

	it.each(['ç', 'Ê', 'á', 'õ', '`', '😀', 'ą', 'Я', '\u00a0', '\t', '\u001b', '\u2019', '\u201c'])('refuses %j', (c) => {
		expect(isGsmText('abc' + c)).toBe(false);
	});
});

describe('countSegments', () => {
	const gsm = (n: number) => 'a'.repeat(n);
	const ucs = (n: number) => 'Я'.repeat(n);
	it.each([
		['empty', '', 'GSM 03.38', 0, 0],
		['1 char', gsm(1), 'GSM 03.38', 1, 1],
		['160 GSM', gsm(160), 'GSM 03.38', 160, 1],
		['161 GSM', gsm(161), 'GSM 03.38', 161, 2],
		['304 GSM (2 × 152)', gsm(304), 'GSM 03.38', 304, 2],
		['305 GSM', gsm(305), 'GSM 03.38', 305, 3],
		['456 GSM (3 × 152)', gsm(456), 'GSM 03.38', 456, 3],
		['457 GSM', gsm(457), 'GSM 03.38', 457, 4],
		['158 + € (2)', gsm(158) + '€', 'GSM 03.38', 160, 1],
		['159 + € (2)', gsm(159) + '€', 'GSM 03.38', 161, 2],
		['80 × {', '{'.repeat(80), 'GSM 03.38', 160, 1],
		['81 × [', '['.repeat(81), 'GSM 03.38', 162, 2],
		['302 + ~', gsm(302) + '~', 'GSM 03.38', 304, 2],
		['303 + |', gsm(303) + '|', 'GSM 03.38', 305, 3],
		['Swedish letters stay GSM', 'Hej på dig, ÅÄÖ åäö!', 'GSM 03.38', 20, 1],
		['70 UCS-2', ucs(70), 'UCS-2', 70, 1],
		['71 UCS-2', ucs(71), 'UCS-2', 71, 2],
		['134 UCS-2 (2 × 67)', ucs(134), 'UCS-2', 134, 2],
		['135 UCS-2', ucs(135), 'UCS-2', 135, 3],
		['one non-GSM char makes all UCS-2', gsm(69) + 'ç', 'UCS-2', 70, 1],
		['extension chars count 1 in UCS-2', '€'.repeat(70) + 'Я', 'UCS-2', 71, 2],
		['emoji counts 2 (surrogate pair)', '😀'.repeat(35), 'UCS-2', 70, 1],
		['emoji over the limit', '😀'.repeat(35) + 'a', 'UCS-2', 71, 2],
		['flag = 2 code points = 4 units', '🇸🇪', 'UCS-2', 4, 1],
	])('%s', (_name, text, encoding, characters, segments) => {
		expect(countSegments(text)).toEqual({ encoding, characters, segments });
	});

	it('counts a line break three characters on the wire (%0a)', () => {
		const wire = toWireText('a\nb');
		expect(countSegments(wire)).toEqual({ encoding: 'GSM 03.38', characters: 5, segments: 1 });
		// 157 characters + one line break = 160 on the wire: still one SMS; one more character makes two
		expect(countSegments(toWireText(gsm(100) + '\n' + gsm(57))).characters).toBe(160);
		expect(countSegments(toWireText(gsm(100) + '\n' + gsm(57))).segments).toBe(1);
		expect(countSegments(toWireText(gsm(100) + '\r\n' + gsm(58))).segments).toBe(2);
	});

	it('matches the count from the standard table on random texts', () => {
		const alphabet = [...'abcXYZ 019.,!?åäöÅÄÖéÉü', ...EXTENSION, 'ç', 'Я', '😀', '\n'];
		let seed = 42;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		for (let k = 0; k < 2000; k++) {
			let text = '';
			const length = Math.floor(random() * 400);
			const pool = random() < 0.5 ? alphabet.slice(0, -4) : alphabet;
			for (let i = 0; i < length; i++) text += pool[Math.floor(random() * pool.length)];
			const wire = toWireText(text);
			expect([wire, countSegments(wire)]).toEqual([wire, independentCount(wire)]);
		}
	});

	it('matches the count from the standard table at every length around the part limits, with and without extension characters', () => {
		for (const unit of ['a', '€', 'Å', 'Я', '😀']) {
			for (let n = 0; n <= 3 * GSM_SINGLE; n++) {
				const text = 'b'.repeat(n % 3) + unit.repeat(Math.floor(n / 3)) + 'c'.repeat(n - (n % 3) - Math.floor(n / 3));
				expect([unit, n, countSegments(text)]).toEqual([unit, n, independentCount(text)]);
			}
		}
	});
});
