// The credential's Test button in a real n8n: it reaches the simulator's SOAP service, and it reports
// an unreachable or wrong Base URL. (A wrong key cannot be told apart there; see README, Credentials.)
import type { SimulatorHandle } from '../../simulator';
import { useN8n } from './support/shared-n8n';
import { E2E_ACCOUNT, startE2eSimulator } from './support/ip1';
import { freePort } from './support/ports';

const n8n = useN8n();
let sim: SimulatorHandle;
beforeAll(async () => {
	sim = await startE2eSimulator();
});
afterAll(async () => await sim?.stop());

async function testCredential(data: Record<string, string>): Promise<{ status: string; message: string }> {
	// an unsaved credential, as the editor tests it (n8n 1.x: saved first, see testCredential)
	return await n8n().restApi.testCredential({ name: 'iP.1 test', type: 'ip1SmsApi', data });
}

it('passes against a reachable iP.1 SOAP service and calls balans there', async () => {
	const result = await testCredential({ accountId: E2E_ACCOUNT.id, apiKey: E2E_ACCOUNT.key, baseUrl: sim.url, soapNamespace: 'http://tempuri.org/' });
	expect(result.status).toBe('OK');
	expect(sim.state().calls.balans).toBe(1);
}, 60_000);

it('fails for a Base URL where nothing listens, and for a path that is not the SOAP service', async () => {
	const nothing = await testCredential({ accountId: 'a', apiKey: 'b', baseUrl: `http://127.0.0.1:${await freePort()}`, soapNamespace: '' });
	expect(nothing.status).toBe('Error');
	const wrongPath = await testCredential({ accountId: 'a', apiKey: 'b', baseUrl: `${sim.url}/not-here`, soapNamespace: '' });
	expect(wrongPath.status).toBe('Error');
}, 60_000);
