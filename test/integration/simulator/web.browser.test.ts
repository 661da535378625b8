/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The web view in a real browser: Debian's Chromium (scripts/ensure-chromium.sh) driven by playwright-core.
import type { Browser } from 'playwright-core';
import { launchChromium, saveScreenshot } from './chromium';
import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import { decodeLatin1, startCallbackServer, type CallbackServer } from './callbackServer';
import { MMS_PATH, result, send } from './soapClient';

jest.setTimeout(90_000); // two Chromiums may start at once (this file and rest/web.browser.test.ts) on a loaded 2-core machine

let browser: Browser;
let sim: SimulatorHandle;
let cb: CallbackServer;

beforeAll(async () => {
	cb = await startCallbackServer();
	sim = await startSimulator({ port: 0, quiet: true, callbackUrl: `${cb.url}/webhook/browser?source=sim` });
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await sim?.stop();
	await cb?.close();
});

it('renders balances, sent SMS and MMS, bundles; the form delivers an incoming SMS to the callback', async () => {
	await send(sim.url, { meddelande: '<b>not bold</b> & "quoted"%0aåäö' });
	await send(sim.url, { till: '46701111111,46702222222', sendAt: String(Math.floor(Date.now() / 1000) + 3600) }, 'smsBundleAt');
	await result(sim.url, 'sendMMS', { acc: 'ip1-12345', pass: 'test-api-key', msg: 'bild', to: '46701234567', from: '46709999999', files: { InlineFile: { FileName: 'cat.jpg', ContentType: 'image/jpeg', Data: 'AAAA' } } }, { path: MMS_PATH });

	const page = await browser.newPage();
	await page.goto(sim.url + '/');
	expect(await page.title()).toBe('iP.1 gateway simulator');
	expect(await page.locator('#accounts').innerText()).toContain('996.00');
	const smsTable = page.locator('#sms');
	expect(await smsTable.locator('tr').count()).toBe(4); // header + 3 messages
	const firstText = await smsTable.locator('tr[data-id="1000"] td.text').innerText();
	expect(firstText).toBe('<b>not bold</b> & "quoted"\nåäö');
	expect(await smsTable.locator('b').count()).toBe(0);
	expect(await smsTable.innerText()).toContain('11 Delayed delivery');
	expect(await page.locator('#bundles').innerText()).toContain('1001');
	expect(await page.locator('#mms').innerText()).toContain('cat.jpg (image/jpeg, 3 bytes)');

	const text = 'Hej från webbläsaren: åäö ÅÄÖ & 100%';
	await page.fill('#f-sender', '46705550000');
	await page.fill('#f-to', '46709998888');
	await page.fill('#f-text', text);
	expect(await page.inputValue('#f-callback')).toBe(`${cb.url}/webhook/browser?source=sim`);
	expect(await page.inputValue('#f-encoding')).toBe('iso-8859-1');
	await Promise.all([page.waitForURL(sim.url + '/'), page.click('#incoming-form button[type=submit]')]);

	expect(cb.hits).toHaveLength(1);
	const hit = cb.hits[0];
	expect(hit.rawUrl.startsWith('/webhook/browser?source=sim&incsmsid=')).toBe(true);
	expect(hit.rawParams.sender).toBe('46705550000');
	expect(hit.rawParams.to).toBe('46709998888');
	expect(decodeLatin1(hit.rawParams.text)).toBe(text);

	const row = page.locator('#incoming tr[data-incsmsid]');
	expect(await row.count()).toBe(1);
	const rowText = await row.innerText();
	expect(rowText).toContain(text);
	expect(rowText).toContain('HTTP 200');
	expect(rowText).toContain('yes');
	expect(sim.state().incoming[0]).toMatchObject({ sender: '46705550000', to: '46709998888', text, delivered: true });

	await saveScreenshot(page, 'simulator-web-view.png');
	await page.close();
});
