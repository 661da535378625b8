import { countSegments, isGsmText, toWireText } from '../../../nodes/Ip1Sms/helpers/segments';

const BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

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

	it('matches an independent count on random texts', () => {
		const alphabet = [...'abcXYZ 019.,!?åäöÅÄÖéÉü', ...EXTENSION, 'ç', 'Я', '😀', '\n'];
		let seed = 42;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		for (let k = 0; k < 2000; k++) {
			let text = '';
			const length = Math.floor(random() * 400);
			const pool = random() < 0.5 ? alphabet.slice(0, -4) : alphabet;
			for (let i = 0; i < length; i++) text += pool[Math.floor(random() * pool.length)];
			const wire = toWireText(text);
			const gsmOnly = [...wire].every((c) => BASIC.includes(c) || EXTENSION.includes(c));
			const characters = gsmOnly ? [...wire].reduce((n, c) => n + (EXTENSION.includes(c) ? 2 : 1), 0) : wire.length;
			const segments =
				characters === 0 ? 0 : gsmOnly ? (characters <= 160 ? 1 : Math.ceil(characters / 152)) : characters <= 70 ? 1 : Math.ceil(characters / 67);
			expect(countSegments(wire)).toEqual({ encoding: gsmOnly ? 'GSM 03.38' : 'UCS-2', characters, segments });
		}
	});
});
