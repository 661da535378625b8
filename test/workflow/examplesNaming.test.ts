/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Issue 24: the example workflows have one naming scheme. A workflow whose iP.1 nodes all speak the
// legacy SOAP API (version 1, or version 2 with API SOAP) is named `iP.1 legacy SOAP: …`; one with a
// REST node `iP.1: …`.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '..', '..', 'examples');
const workflows = fs
	.readdirSync(dir)
	.filter((f) => f.endsWith('.json') && !f.startsWith('credentials'))
	.map((file) => ({ file, ...JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));

function speaksRest(node: { type: string; typeVersion: number; parameters: Record<string, unknown> }): boolean {
	if (!node.type.startsWith('n8n-nodes-ip1.')) return false;
	return node.typeVersion >= 2 && node.parameters.api !== 'soap';
}

it.each(workflows.map((w) => [w.file, w]))('%s: named by the API it speaks', (_file, workflow) => {
	const rest = workflow.nodes.some(speaksRest);
	expect(workflow.name).toMatch(rest ? /^iP\.1: \S/ : /^iP\.1 legacy SOAP: \S/);
});

it('the check sees both kinds', () => {
	const rest = workflows.filter((w) => w.nodes.some(speaksRest));
	expect(rest.length).toBeGreaterThan(1);
	expect(workflows.length - rest.length).toBeGreaterThan(1);
});
