/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The node and credential icons are drawn with paths: a <text> depends on the viewer's fonts and
// turns into a blob at the 16–40 px n8n shows icons at (checked by eye in Chromium at 20 and 40 px).
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '..', '..', 'icons');
const icons = fs.readdirSync(dir).filter((name) => name.endsWith('.svg'));

it('there is a light and a dark icon', () => {
	expect(icons.sort()).toEqual(['ip1.dark.svg', 'ip1.svg']);
});

it.each(icons)('%s: a square viewBox and nothing but paths (no text, fonts or images)', (name) => {
	const svg = fs.readFileSync(path.join(dir, name), 'utf8');
	expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
	const elements = [...svg.matchAll(/<([a-zA-Z]+)[\s>/]/g)].map((m) => m[1]);
	expect([...new Set(elements)].sort()).toEqual(['path', 'svg']);
	expect(svg).not.toMatch(/font|<text|<image|href=/i);
});
