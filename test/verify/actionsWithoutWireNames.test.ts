/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The operation files (nodes/Ip1Sms/v1, v2 and shared) hold parameters, checks and output; every wire name
// of either API (SOAP/URL call: gateway/soap, REST v2: gateway/rest) lives in its gateway. Each name
// listed here must occur in its gateway, so that a typo or a renamed call cannot leave a check that
// never matches.
import fs from 'node:fs';
import path from 'node:path';

const nodeDir = path.resolve(__dirname, '..', '..', 'nodes', 'Ip1Sms');

/** Wire names, each with the gateway folder that must hold it. */
const WIRE_NAMES: Array<{ name: string; pattern: RegExp; gateway: 'soap' | 'rest' }> = [
	// SOAP parameters and elements (the manuals' Swedish names among them)
	...['konto', 'Konto', 'passwd', 'Passwd', 'till', 'meddelande', 'prio', 'bundleID', 'smsID', 'InlineFile', 'TemplateField'].map(
		(name) => ({ name, pattern: new RegExp(`\\b${name}\\b`), gateway: 'soap' as const }),
	),
	// SOAP operations
	...['smsAt', 'flashSms', 'smsBundle', 'smsBundleAt', 'cancelSms', 'cancelBundle', 'statusBundle', 'tidpunkt', 'beskrivning', 'balans', 'sendMMS'].map(
		(name) => ({ name, pattern: new RegExp(`\\b${name}\\b`), gateway: 'soap' as const }),
	),
	// the URL call and the MMS service's query-style parameters, and the SOAP transport itself
	...["'acc'", "'pass'", "'msg'"].map((name) => ({ name, pattern: new RegExp(name), gateway: 'soap' as const })),
	// as written on the wire: the Transport option's label "URL Call (Sendsms.aspx)" names the service to the user
	{ name: 'sendsms.aspx', pattern: /sendsms\.aspx/, gateway: 'soap' },
	{ name: '.asmx', pattern: /\.asmx\b/, gateway: 'soap' },
	...['soapCall', 'urlCall', 'buildSoapEnvelope', 'XmlNode', 'creds', 'apiKey'].map((name) => ({
		name,
		pattern: new RegExp(`\\b${name}\\b`),
		gateway: 'soap' as const,
	})),
	// REST v2 paths, fields and transport
	{ name: '/v2/', pattern: /\/v2\//, gateway: 'rest' },
	{ name: '/api/me', pattern: /\/api\/me\b/, gateway: 'rest' },
	...[
		'datacoding',
		'deliveryWindows',
		'priceSummary',
		'messageSummary',
		'msisdn',
		'statuses',
		'totalMessageCount',
		'totalSmsCount',
		'mobileTerminatedMessages',
		'mobileOriginatedMessages',
		'Bearer',
	].map((name) => ({ name, pattern: new RegExp(`\\b${name}\\b`), gateway: 'rest' as const })),
	{ name: 'httpRequest…', pattern: /\bhttpRequest/, gateway: 'rest' },
];

/** An action reaches a gateway through gateway/index.ts and gateway/types.ts only. */
const GATEWAY_INTERNALS = /\bfrom\s+['"][./]*(?:\.\.\/)+gateway\/(?:soap|rest)\b[^'"]*['"]/;

function filesUnder(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** Every wire name and gateway-internal import in a text, as "line N: name". */
function findWireNames(text: string): string[] {
	const found: string[] = [];
	text.split('\n').forEach((line, index) => {
		for (const { name, pattern } of WIRE_NAMES) if (pattern.test(line)) found.push(`line ${index + 1}: ${name}`);
		if (GATEWAY_INTERNALS.test(line)) found.push(`line ${index + 1}: import of a gateway's internals`);
	});
	return found;
}

const actionFiles = ['v1', 'v2', 'shared'].flatMap((dir) => filesUnder(path.join(nodeDir, dir)));

it('finds the operation files', () => {
	expect(actionFiles.length).toBeGreaterThan(30);
	expect(actionFiles.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['singleSend.ts', 'bundleSend.ts', 'router.ts']));
});

it('detects wire names and imports of gateway internals (the check itself can fail)', () => {
	const planted = [
		"const params = [{ name: 'konto', text: x }, { name: 'meddelande', text: y }];",
		"await soapCall.call(this, gateway.creds, 'sms', 'smsBundleAt', params);",
		"url: `${base}/sendsms.aspx?${query}`, body: { datacoding: 'gsm' }, path: '/v2/batches'",
		"import { urlCall } from '../../gateway/soap/request';",
		"import { RestClient } from '../gateway/rest';",
		'this.helpers.httpRequestWithAuthentication.call(this, type, request);',
	].join('\n');
	expect(findWireNames(planted)).toEqual([
		'line 1: konto',
		'line 1: meddelande',
		'line 2: smsBundleAt',
		'line 2: soapCall',
		'line 2: creds',
		'line 3: sendsms.aspx',
		'line 3: /v2/',
		'line 3: datacoding',
		"line 4: urlCall",
		"line 4: import of a gateway's internals",
		"line 5: import of a gateway's internals",
		'line 6: httpRequest…',
	]);
	// neutral words that merely contain a wire name are no match
	expect(findWireNames("const priority = readPriority(options); // until the batch's first status; import type { SendRequest } from '../../gateway/types';")).toEqual([]);
});

it.each(['soap', 'rest'] as const)('every wire name listed for gateway/%s occurs there (the list is no dead letter)', (gateway) => {
	const text = filesUnder(path.join(nodeDir, 'gateway', gateway))
		.map((f) => fs.readFileSync(f, 'utf8'))
		.join('\n');
	const missing = WIRE_NAMES.filter((w) => w.gateway === gateway && !w.pattern.test(text)).map((w) => w.name);
	expect(missing).toEqual([]);
});

it('no operation file holds a wire name of either API or imports a gateway\'s internals', () => {
	const offences = actionFiles.flatMap((file) =>
		findWireNames(fs.readFileSync(file, 'utf8')).map((hit) => `${path.relative(nodeDir, file)} ${hit}`),
	);
	expect(offences).toEqual([]);
});

/** The relative imports of a file, as written. */
function importsOf(text: string): string[] {
	return [...text.matchAll(/\bfrom\s+['"](\.[^'"]*)['"]/g)].map((m) => m[1]);
}

/** An import of the other API's code: its operation files, its operation machinery, its gateway. */
const API_PATH = { rest: /(?:\.rest|\/rest)(?:\/|$)|rest\.registry/, soap: /(?:\.soap|\/soap)(?:\/|$)|soap\.registry/ };

it('no operation file imports the other API\'s code or branches on the API', () => {
	const offences: string[] = [];
	for (const file of actionFiles) {
		const name = path.relative(nodeDir, file);
		const text = fs.readFileSync(file, 'utf8');
		const api = /\.rest\.ts$|^v2\/rest\//.test(name) ? 'rest' : /\.soap\.ts$|^v1\/|^shared\/soap\//.test(name) ? 'soap' : undefined;
		if (api) {
			const other = api === 'rest' ? API_PATH.soap : API_PATH.rest;
			for (const imported of importsOf(text)) if (other.test(imported)) offences.push(`${name} imports ${imported}`);
		}
		if (/\.api\s*[!=]==|typeVersion/.test(text) && !/^shared\/params\.ts$|^v2\/router\.ts$/.test(name)) offences.push(`${name} branches on the API or the version`);
	}
	expect(offences).toEqual([]);
	// the check itself can fail
	expect(importsOf("import { a } from '../../rest/runSend';\nimport b from './send.soap';").filter((i) => API_PATH.rest.test(i))).toEqual(['../../rest/runSend']);
	expect(importsOf("import b from './send.soap';").filter((i) => API_PATH.soap.test(i))).toEqual(['./send.soap']);
});

it('every operation file of version 2 says its API in its name', () => {
	const operations = actionFiles.map((f) => path.relative(nodeDir, f)).filter((f) => /^v2\/actions\/[^/]+\/[^/]+\.ts$/.test(f));
	const unnamed = operations.filter((f) => !/\.(rest|soap)\.ts$/.test(f) && !/\/(batchCalls|options|senderField|entryOutput|contactFields|labelField)\.ts$/.test(f));
	expect(operations.length).toBeGreaterThan(20);
	expect(unnamed).toEqual([]);
});
