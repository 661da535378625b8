/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Headless Chromium from Debian's packages, driven by playwright-core, for the n8n editor tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

import type { N8nInstance } from './n8n';

export const CHROMIUM_PATH = process.env.IP1_CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-dev-shm-usage',
];

/** Runs `fn` with a page of a fresh headless Chromium (its own temporary profile), and always closes it. */
export async function withBrowser<T>(fn: (page: Page, context: BrowserContext) => Promise<T>, opts: { width?: number; height?: number } = {}): Promise<T> {
	if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run scripts/ensure-chromium.sh (installs Debian's chromium)`);
	selectors.setTestIdAttribute('data-test-id'); // n8n's editor marks its elements with data-test-id
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
		deviceScaleFactor: 1,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(30_000);
		return await fn(page, context);
	} finally {
		await context.close().catch(() => undefined);
		fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
	}
}

/** Signs in on n8n's sign-in page as the instance's owner and waits until the editor has left that page. */
export async function loginToN8n(page: Page, instance: N8nInstance): Promise<void> {
	await page.goto(`${instance.baseUrl}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(instance.owner.email);
	await page.locator('input[type="password"]').first().fill(instance.owner.password);
	await page.locator('[data-test-id="form-submit-button"], button[type="submit"]').first().click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
}
