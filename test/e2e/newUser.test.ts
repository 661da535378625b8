/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Issue 24, as a new user meets the package in a real n8n with Chromium: the nodes panel (REST actions,
// legacy ones marked, "On Incoming SMS"), a new Send node showing its API and taking the REST credential,
// From's list of registered senders, the REST trigger's URLs and the credential test with a wrong key. The screenshots go to test-results/,
// and to docs/images/ when IP1_UPDATE_SCREENSHOTS=1 (or when missing there).
import fs from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import type { SimulatorHandle } from '../../simulator';
import { E2E_ACCOUNT } from './support/ip1';
import { startSimulator } from '../../simulator';
import { loginToN8n, withBrowser } from './support/browser';
import { repoRoot } from './support/n8n-package';
import { resultsDir, useN8n } from './support/shared-n8n';

const n8n = useN8n();
const REST_KEY = `${E2E_ACCOUNT.key}-rest`; // the simulator's REST key of an account given without restKeys
let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true, accounts: [{ ...E2E_ACCOUNT, senders: ['Shop24'] }] });
});
afterAll(async () => await sim?.stop());

async function shot(page: Page, name: string): Promise<Buffer> {
	fs.mkdirSync(resultsDir, { recursive: true });
	const image = await page.screenshot({ path: path.join(resultsDir, name) });
	const inDocs = path.join(repoRoot, 'docs', 'images', name);
	if (process.env.IP1_UPDATE_SCREENSHOTS === '1' || !fs.existsSync(inDocs)) fs.writeFileSync(inDocs, image);
	return image;
}

async function openNodeCreator(page: Page, search: string) {
	await page.getByTestId('node-creator-plus-button').click();
	const creator = page.getByTestId('node-creator');
	await creator.locator('input').first().fill(search);
	return creator;
}

it('a new user: the panel, a new Send node with its API and the REST credential, the sender list, the REST trigger URL', async () => {
	const instance = n8n();
	// as the demo does: the legacy SOAP credential first, the REST one last
	await instance.importCredentials([
		{ id: 'ip1NewUserSoap', name: 'iP.1 SOAP (new user)', type: 'ip1SmsApi', data: { accountId: E2E_ACCOUNT.id, apiKey: E2E_ACCOUNT.key, baseUrl: sim.url, soapNamespace: 'http://tempuri.org/' } },
	]);
	await instance.importCredentials([{ id: 'ip1NewUserWrongKey', name: 'iP.1 REST (wrong key)', type: 'ip1SmsRestApi', data: { apiKey: 'not-the-key', baseUrl: sim.url } }]);
	await instance.importCredentials([{ id: 'ip1NewUserRest', name: 'iP.1 REST (new user)', type: 'ip1SmsRestApi', data: { apiKey: REST_KEY, baseUrl: sim.url } }]);
	const emptyId = await instance.importWorkflow({ id: 'ip1NewUserEmptyWf', name: 'iP.1: a new user, first step', nodes: [], connections: {} });
	const workflowId = await instance.importWorkflow({
		id: 'ip1NewUserWf',
		name: 'iP.1: a new user',
		nodes: [{ id: 'manual', name: 'When clicking Execute workflow', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
	});

	await withBrowser(async (page) => {
		await loginToN8n(page, instance);
		await page.goto(`${instance.baseUrl}/workflow/${workflowId}`);
		await page.getByTestId('canvas-node').first().waitFor({ state: 'visible', timeout: 60_000 });

		// 1. the nodes panel
		const creator = await openNodeCreator(page, 'iP.1');
		await creator.getByTestId('item-iterator-item').filter({ hasText: 'iP.1 SMS' }).first().click();
		await creator.getByText('Send SMS', { exact: true }).first().waitFor({ state: 'visible' });
		for (const legacy of ['Send MMS (legacy SOAP)', 'Get MMS status (legacy SOAP)', 'Describe status code (legacy SOAP)']) {
			await expect(creator.getByText(legacy, { exact: true }).count()).resolves.toBeGreaterThan(0);
		}
		for (const old of ['Send an MMS', 'Get the status of an MMS', 'Describe a status code']) {
			await expect(creator.getByText(old, { exact: true }).count()).resolves.toBe(0);
		}
		await page.waitForFunction('Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0)', undefined, { timeout: 15_000 }).catch(() => undefined);
		expect((await shot(page, 'new-user-nodes-panel.png')).length).toBeGreaterThan(10_000);

		// 2. a new Send node: its API at a glance, the REST credential
		await creator.getByText('Send SMS', { exact: true }).first().click();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor({ state: 'visible', timeout: 60_000 });
		await ndv.getByText("This node speaks iP.1's REST API v2", { exact: false }).first().waitFor({ state: 'visible', timeout: 60_000 });
		await ndv.getByText('Message', { exact: true }).first().waitFor({ state: 'visible' });
		await expect(ndv.getByText('legacy SOAP web service', { exact: false }).count()).resolves.toBe(0);
		// the credential n8n picked for the new node: the REST one (saved last, as the demo does)
		const shown = await ndv.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
		expect(shown).toContain('iP.1 REST (new user)');
		expect(shown).not.toContain('iP.1 SOAP (new user)');
		expect((await shot(page, 'new-user-send-node.png')).length).toBeGreaterThan(10_000);

		// 3. From: the registered senders
		const from = ndv.getByTestId('parameter-input-from');
		await expect(from.getByText('By ID', { exact: true }).count()).resolves.toBe(0);
		await from.locator('input').nth(1).click();
		const list = page; // the list opens in a popper outside the parameter
		await list.getByText('Shop24', { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 });
		for (const sender of ['iP1', 'iP1sms']) await expect(list.getByText(sender, { exact: true }).count()).resolves.toBeGreaterThan(0);
		expect((await shot(page, 'new-user-sender-list.png')).length).toBeGreaterThan(10_000);
		await list.getByText('Shop24', { exact: true }).first().click();
		// the other mode reads "By Value" (n8n would label a mode named id "By ID")
		await from.locator('input').first().click();
		await page.getByText('By Value', { exact: true }).first().waitFor({ state: 'visible' });
		await page.keyboard.press('Escape');
		await page.getByTestId('ndv-close-button').first().click();
		await ndv.waitFor({ state: 'hidden' });

		// 4. the REST trigger lists only the POST URL iP.1 calls; a workflow's first step offers the trigger's events
		await page.goto(`${instance.baseUrl}/workflow/${emptyId}`);
		await page.getByTestId('canvas-add-button').first().click();
		const triggerCreator = page.getByTestId('node-creator');
		await triggerCreator.locator('input').first().fill('iP.1');
		await triggerCreator.getByTestId('item-iterator-item').filter({ hasText: 'iP.1 SMS' }).first().click();
		await triggerCreator.getByText('On Incoming SMS', { exact: true }).first().waitFor({ state: 'visible' });
		await expect(triggerCreator.getByText('On incoming sms', { exact: true }).count()).resolves.toBe(0);
		await expect(triggerCreator.getByText('On Delivery Report', { exact: true }).count()).resolves.toBeGreaterThan(0);
		expect((await shot(page, 'new-user-trigger-panel.png')).length).toBeGreaterThan(10_000);
		await triggerCreator.getByText('On Incoming SMS', { exact: true }).first().click();
		await ndv.waitFor({ state: 'visible', timeout: 60_000 });
		const urls = ndv.getByText('Webhook URLs', { exact: false }).first();
		await urls.waitFor({ state: 'visible', timeout: 30_000 });
		await urls.click();
		await ndv.getByText('POST', { exact: true }).first().waitFor({ state: 'visible' });
		await expect(ndv.getByText('GET', { exact: true }).count()).resolves.toBe(0);
		expect((await shot(page, 'new-user-rest-trigger.png')).length).toBeGreaterThan(10_000);

		// 5. the credential test with a wrong key says what iP.1 said, under n8n's "Couldn't connect with these settings"
		await page.goto(`${instance.baseUrl}/home/credentials/ip1NewUserWrongKey`);
		const modal = page.getByTestId('editCredential-modal');
		await modal.waitFor({ state: 'visible', timeout: 60_000 });
		// n8n tests a saved credential when it opens; the reason is behind "More details"
		await modal.getByText('connect with these settings', { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
		await modal.getByText('More details', { exact: true }).first().click();
		await modal.getByText('iP.1 did not accept the API key (HTTP 401)', { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
		await expect(modal.getByText('Unauthorized', { exact: true }).count()).resolves.toBe(0);
		expect((await shot(page, 'new-user-credential-test.png')).length).toBeGreaterThan(10_000);
	});
}, 300_000);
