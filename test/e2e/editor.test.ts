/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The n8n editor in headless Chromium: sign in, open a workflow with the iP.1 node, open the node's
// actions in the nodes panel, and take the screenshot the README shows.
import fs from 'node:fs';
import path from 'node:path';

import { panelActions } from '../support/panelActions';
import { loginToN8n, withBrowser } from './support/browser';
import { repoRoot } from './support/n8n-package';
import { resultsDir, useN8n } from './support/shared-n8n';

const n8n = useN8n();

const readExample = (name: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', name), 'utf8'));
const screenshotInDocs = path.join(repoRoot, 'docs', 'images', 'editor-ip1-node.png');
const sendFormInDocs = path.join(repoRoot, 'docs', 'images', 'editor-send-form-v2.png');

/** The actions n8n's nodes panel lists under the node (version 2, the default), from the description n8n serves. */
async function declaredActions(): Promise<string[]> {
	const types = await n8n().restApi.nodeTypes();
	const sms = types.filter((t) => t.name === 'n8n-nodes-ip1.ip1Sms');
	const latest = sms.find((t: any) => (Array.isArray(t.version) ? t.version.includes(2) : t.version === 2)) ?? sms[0];
	if (!latest) throw new Error('n8n does not list n8n-nodes-ip1.ip1Sms');
	return panelActions({ ...latest, defaultVersion: 2 } as any);
}

describe('n8n editor with the iP.1 node', () => {
	it('signs in, opens a workflow with the iP.1 node and lists the node actions', async () => {
		const instance = n8n();
		// own ids, so the shared instance's credential and workflows of other test files stay untouched
		const credential = readExample('credentials.simulator.json').find((c: any) => c.type === 'ip1SmsRestApi');
		await instance.importCredentials([{ ...credential, id: 'ip1EditorTestCred' }]);
		const workflow = readExample('rest-send-sms.json');
		for (const node of workflow.nodes) {
			if (node.credentials?.ip1SmsRestApi) node.credentials.ip1SmsRestApi = { id: 'ip1EditorTestCred', name: credential.name };
		}
		const ip1Node = workflow.nodes.find((node: any) => node.type === 'n8n-nodes-ip1.ip1Sms' && node.parameters.operation === 'send');
		expect(ip1Node).toBeDefined();
		const workflowId = await instance.importWorkflow({ ...workflow, id: 'ip1EditorTestWf', name: 'iP.1: send an SMS' });
		const actions = await declaredActions();
		expect(actions).toEqual(expect.arrayContaining(['Send SMS', 'Send batch', 'Get account balance']));

		await withBrowser(async (page) => {
			await loginToN8n(page, instance);
			await page.goto(`${instance.baseUrl}/workflow/${workflowId}`);
			const canvasNode = page.getByTestId('canvas-node').filter({ hasText: ip1Node.name });
			await canvasNode.waitFor({ state: 'visible', timeout: 60_000 });

			await page.getByTestId('node-creator-plus-button').click();
			const creator = page.getByTestId('node-creator');
			await creator.locator('input').first().fill('iP.1');
			await creator.getByTestId('item-iterator-item').filter({ hasText: 'iP.1 SMS' }).first().click();
			await creator.getByText(`Actions (${actions.length})`).waitFor({ state: 'visible' });
			for (const action of actions) {
				await expect(creator.getByText(action, { exact: true }).count()).resolves.toBeGreaterThan(0);
			}
			await creator.getByText('Send SMS', { exact: true }).first().waitFor({ state: 'visible' });

			// icons are fetched lazily: wait until every image on the page has loaded before the picture is taken
			await page.waitForFunction('Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0)', undefined, { timeout: 15_000 }).catch(() => undefined);
			fs.mkdirSync(resultsDir, { recursive: true });
			const shot = await page.screenshot({ path: path.join(resultsDir, 'editor-ip1-node.png') });
			// docs/images is committed: refresh it only when asked (or when it is missing), so test runs leave git clean
			if (process.env.IP1_UPDATE_SCREENSHOTS === '1' || !fs.existsSync(screenshotInDocs)) {
				fs.mkdirSync(path.dirname(screenshotInDocs), { recursive: true });
				fs.writeFileSync(screenshotInDocs, shot);
			}
			expect(shot.length).toBeGreaterThan(10_000);

			// the version 2 Send form as a user sees it. n8n shows the API parameter, which the credentials follow,
			// with the credential (its "main auth field"): the credential's type is the API choice.
			await page.keyboard.press('Escape');
			await canvasNode.dblclick();
			const ndv = page.getByTestId('ndv');
			await ndv.waitFor({ state: 'visible', timeout: 60_000 });
			// the form renders after the panel opens: wait for its last field before looking at the others
			await ndv.getByText('Message', { exact: true }).first().waitFor({ state: 'visible', timeout: 60_000 });
			const form = await page.screenshot({ path: path.join(resultsDir, 'editor-send-form-v2.png') });
			const missing: string[] = [];
			for (const label of ['Credential', 'Resource', 'Operation', 'To', 'From', 'Message']) {
				if ((await ndv.getByText(label, { exact: true }).count()) === 0) missing.push(label);
			}
			expect(missing).toEqual([]);
			if (process.env.IP1_UPDATE_SCREENSHOTS === '1' || !fs.existsSync(sendFormInDocs)) fs.writeFileSync(sendFormInDocs, form);
			expect(form.length).toBeGreaterThan(10_000);
		});
	}, 180_000);
});
