/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The README's Quick start, steps 1–4, in Chromium against a running `npm run demo`: sign in with the
// login the demo printed, the workflows list (REST examples first), Execute workflow on the REST send
// example, and the simulator's page showing its SMS in REST v2 messages above the legacy SOAP tables.
// Screenshots: test-results/, and docs/images/quick-start-*.png when IP1_UPDATE_SCREENSHOTS=1 or missing.
import fs from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { loginToN8n, withBrowser } from './browser';
import { repoRoot } from './n8n-package';
import { resultsDir } from './shared-n8n';

const SEND_EXAMPLE = 'iP.1: send an SMS to each customer, then read its status';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
	fs.mkdirSync(resultsDir, { recursive: true });
	const image = await page.screenshot({ path: path.join(resultsDir, name), fullPage });
	const inDocs = path.join(repoRoot, 'docs', 'images', name);
	if (process.env.IP1_UPDATE_SCREENSHOTS === '1' || !fs.existsSync(inDocs)) fs.writeFileSync(inDocs, image);
}

/** What the demo printed: n8n's URL and login, the simulator's URL, the send example's URL. */
export function readDemoBanner(output: string) {
	const n8n = /n8n\s+(http:\/\/\S+)\s+(?:\(n8n [^)]*\)\s+)?login (\S+) \/ (\S+)/.exec(output); // the demo names its n8n version between the two
	const simulator = /simulator\s+(http:\/\/\S+?)\/?\s/.exec(output);
	const send = new RegExp(`${SEND_EXAMPLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(http://\\S+)`).exec(output);
	if (!n8n || !simulator || !send) throw new Error(`the demo's banner lacks the n8n URL and login, the simulator URL or the send example:\n${output}`);
	return { baseUrl: n8n[1], email: n8n[2], password: n8n[3], simulatorUrl: simulator[1], sendExampleUrl: send[1] };
}

export async function walkQuickStart(output: string): Promise<void> {
	const banner = readDemoBanner(output);
	await withBrowser(async (page) => {
		// 1–2: sign in; the workflows list names the REST examples first
		await loginToN8n(page, { baseUrl: banner.baseUrl, owner: { email: banner.email, password: banner.password } } as never);
		await page.goto(`${banner.baseUrl}/home/workflows`);
		await page.getByText('iP.1 legacy SOAP: send an SMS', { exact: true }).first().waitFor({ state: 'visible', timeout: 60_000 });
		const titles = (await page.locator('body').innerText()).split('\n').filter((line) => /^iP\.1( legacy SOAP)?: /.test(line));
		expect(titles.length).toBeGreaterThanOrEqual(10);
		const firstLegacy = titles.findIndex((t) => t.startsWith('iP.1 legacy SOAP: '));
		expect(titles.slice(firstLegacy).filter((t) => t.startsWith('iP.1: '))).toEqual([]);
		expect(titles.slice(0, firstLegacy)).toContain(SEND_EXAMPLE);
		await shot(page, 'quick-start-workflows.png');

		// 3: Execute workflow on the REST send example
		await page.goto(banner.sendExampleUrl);
		await page.getByTestId('canvas-node').first().waitFor({ state: 'visible', timeout: 60_000 });
		await page.getByTestId('execute-workflow-button').first().click();
		// Customers → Send SMS → Get Status: "2 items" on each of the three connections once it has run
		await page.waitForFunction('(document.body.innerText.match(/2 items/g) ?? []).length >= 3', undefined, { timeout: 120_000 });
		await shot(page, 'quick-start-executed.png');

		// 4: the simulator's page: the SMS in REST v2 messages, above the legacy SOAP tables
		await page.goto(`${banner.simulatorUrl}/`);
		const headings = await page.locator('h2').allInnerTexts();
		const restMessages = headings.findIndex((h) => h.startsWith('REST v2 messages'));
		const firstLegacy2 = headings.findIndex((h) => h.startsWith('Legacy SOAP'));
		expect(restMessages).toBeGreaterThanOrEqual(0);
		expect(restMessages).toBeLessThan(firstLegacy2);
		const rows = await page.locator('#rest-messages tr').allInnerTexts();
		for (const [to, text] of [['46701000001', 'Hej Anna! Din order är skickad.'], ['46701000002', 'Hej Björn! Din order är skickad.']]) {
			expect(rows.some((row) => row.includes(to) && row.includes(text))).toBe(true);
		}
		await shot(page, 'quick-start-simulator.png', true);
	});
}
