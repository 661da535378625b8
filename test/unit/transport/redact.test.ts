import { redactSecret } from '../../../nodes/Ip1Sms/helpers/redact';

const KEY = 'k3y-Secret-öß&<x>';

describe('redactSecret', () => {
	it.each([
		['raw', `fault: ${KEY}`],
		['XML-escaped', 'fault: k3y-Secret-öß&amp;&lt;x&gt;'],
		['UTF-8 percent-encoded', `pass=${encodeURIComponent(KEY)}`],
		['Latin-1 percent-encoded', 'pass=k3y-Secret-%F6%DF%26%3Cx%3E'],
		['base64', `echo ${Buffer.from(KEY, 'utf8').toString('base64')}`],
		['in other letter case', `FAULT: ${KEY.replace('k3y-Secret', 'K3Y-SECRET')}`],
	])('removes the key written %s', (_name, text) => {
		const out = redactSecret(text, KEY);
		expect(out).toContain('***');
		expect(out.toLowerCase()).not.toContain('k3y-secret');
	});

	it('leaves other text alone, and is a no-op without a key', () => {
		expect(redactSecret('Server was unable to process request.', KEY)).toBe('Server was unable to process request.');
		expect(redactSecret(`x ${KEY}`, '')).toBe(`x ${KEY}`);
	});

	it('removes whichever key it is given, one after another (the forms of the last key are kept)', () => {
		const other = 'Other&Key<2>';
		for (const key of [KEY, other, KEY, other]) {
			const text = `a ${key} b ${encodeURIComponent(key)} c ${Buffer.from(key, 'utf8').toString('base64')} d ${KEY === key ? other : KEY}`;
			const out = redactSecret(text, key);
			expect(out).toBe(`a *** b *** c *** d ${KEY === key ? other : KEY}`);
		}
	});
});
