/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The REST part of the web view in a real browser: Debian's Chromium (scripts/ensure-chromium.sh) driven by playwright-core.
import type { Browser } from 'playwright-core';
import { launchChromium, saveScreenshot } from '../chromium';
import { startSimulator, type SimulatorHandle } from '../../../../simulator/index';
import { restClient } from './restClient';
import { startWebhookServer, type WebhookServer } from './webhookServer';

jest.setTimeout(90_000);

let browser: Browser;
let sim: SimulatorHandle;
let hook: WebhookServer;

beforeAll(async () => {
	hook = await startWebhookServer();
	sim = await startSimulator({ port: 0, quiet: true, accounts: [{ id: 'ip1-12345', key: 'test-api-key', balance: 1000, senders: ['Acme'] }, { id: 'ip1-2', key: 'k2', balance: 5 }] });
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await sim?.stop();
	await hook?.close();
});

it('shows REST batches, messages, webhook attempts, senders and blacklist; the forms set the URL and inject an incoming SMS', async () => {
	const api = restClient(sim.url);
	await api.put('/v2/blacklist/46700000001');
	const { data: b } = await api.post('/v2/batches', {
		sender: 'Acme',
		recipients: ['46701234567', '46700000001'],
		body: '<b>not bold</b> & "quoted" åäö',
		deliveryReportUrl: `${hook.url}/dlr`,
		reference: 'order-9',
	});
	await hook.waitFor(9);

	const page = await browser.newPage();
	await page.goto(sim.url + '/_sim/');
	expect(await page.title()).toBe('iP.1 gateway simulator');
	expect(await page.locator('#rest-accepted').innerText()).toBe('1');
	const batchRow = page.locator(`#rest-batches tr[data-batch="${b.id}"]`);
	expect(await batchRow.innerText()).toContain('order-9');
	expect(await batchRow.locator('td.text').innerText()).toBe('<b>not bold</b> & "quoted" åäö');
	expect(await page.locator('#rest-batches b').count()).toBe(0);
	const messages = page.locator('#rest-messages');
	expect(await messages.locator('tr[data-message]').count()).toBe(2);
	expect(await messages.innerText()).toContain('201 DeliveredToHandset');
	expect(await messages.innerText()).toContain('406 Blacklisted');
	expect(await messages.innerText()).toContain('101 → 102 → 103 → 110 → 111 → 112 → 113 → 201');
	expect(await page.locator('#webhooks tr[data-webhook]').count()).toBe(9);
	expect(await page.locator('#webhooks').innerText()).toContain('HTTP 200');
	const lists = await page.locator('#rest-lists').innerText();
	expect(lists).toContain('iP1, iP1sms, Acme');
	expect(lists).toContain('46700000001');

	await page.selectOption('#u-account', 'ip1-2');
	await page.fill('#u-url', `${hook.url}/incoming-two`);
	await Promise.all([page.waitForURL(sim.url + '/_sim/'), page.click('#rest-incoming-url-form button[type=submit]')]);
	expect(sim.state().rest.incomingUrls['ip1-2']).toBe(`${hook.url}/incoming-two`);
	expect(await page.locator('#rest-lists').innerText()).toContain(`${hook.url}/incoming-two`);

	const text = 'Svar från webbläsaren: åäö 😀';
	await page.selectOption('#r-account', 'ip1-2');
	await page.fill('#r-sender', '46705550000');
	await page.fill('#r-recipient', '46709998888');
	await page.fill('#r-body', text);
	await Promise.all([page.waitForURL(sim.url + '/_sim/'), page.click('#rest-incoming-form button[type=submit]')]);
	const hit = hook.hits.at(-1)!;
	expect(hit.path).toBe('/incoming-two');
	expect(hit.body).toMatchObject({ direction: 'mo', sender: '46705550000', recipient: '46709998888', body: text, owner: 'ip1-2' });
	const moRow = page.locator(`#rest-messages tr[data-message="${hit.body.id}"]`);
	expect(await moRow.innerText()).toContain(text);
	expect(await page.locator('#webhooks').innerText()).toContain('incoming');

	// every column that shows a time says whose time it is (the simulator writes iP.1's, Swedish time)
	const unlabelled = await page.evaluate(() => {
		const doc = (globalThis as any).document;
		const out: string[] = [];
		for (const table of Array.from(doc.querySelectorAll('table')) as any[]) {
			const headers = (Array.from(table.querySelectorAll('tr:first-child th')) as any[]).map((th) => String(th.textContent ?? ''));
			for (const row of (Array.from(table.querySelectorAll('tr')) as any[]).slice(1)) {
				(Array.from(row.querySelectorAll('td')) as any[]).forEach((td, i) => {
					if (/\d{4}-\d\d-\d\d \d\d:\d\d/.test(String(td.textContent ?? '')) && !/Swedish time/.test(headers[i] ?? '')) out.push(`${table.id}: ${headers[i]}`);
				});
			}
		}
		return [...new Set(out)];
	});
	expect(unlabelled).toEqual([]);

	await saveScreenshot(page, 'simulator-web-view-rest.png');
	await page.close();
});
