/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Debian's Chromium (scripts/ensure-chromium.sh) driven by playwright-core, for the web-view tests.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash scripts/ensure-chromium.sh`);
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
}

/** A full-page screenshot into test-results/. */
export async function saveScreenshot(page: Page, file: string): Promise<void> {
	const shots = path.resolve(__dirname, '../../../test-results');
	mkdirSync(shots, { recursive: true });
	await page.screenshot({ path: path.join(shots, file), fullPage: true });
}
