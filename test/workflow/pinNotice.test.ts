/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Issue 24, point 10: in n8n, "Execute step" on a node after a send runs an unpinned send again, which
// sends the SMS again. The node cannot stop n8n doing that; every version-2 action that sends (its
// action reads "Send …" or "Schedule …", on either API) tells the user to pin its output, the others
// don't, and the README's Usage says it too.
import fs from 'node:fs';
import path from 'node:path';

import { NodeHelpers, type INode, type INodeProperties } from 'n8n-workflow';

import { ip1SmsVersion } from '../support/nodeVersions';

const description = ip1SmsVersion(2).description;
const node = { typeVersion: 2, parameters: {} } as unknown as INode;
const visible = (parameters: Record<string, unknown>): INodeProperties[] =>
	description.properties.filter((p) => NodeHelpers.displayParameter(parameters as never, p, node, description));

type Action = { api: string; resource: string; operation: string; action: string };
const actions: Action[] = [];
for (const api of ['rest', 'soap']) {
	for (const { value: resource } of (visible({ api }).find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>) {
		const operation = visible({ api, resource }).find((p) => p.name === 'operation');
		for (const o of (operation?.options ?? []) as Array<{ value: string; action: string }>) actions.push({ api, resource, operation: o.value, action: o.action });
	}
}
const sends = actions.filter((a) => /^(Send|Schedule)\b/.test(a.action));
const others = actions.filter((a) => !sends.includes(a));
const pinNotice = (a: Action) => visible({ api: a.api, resource: a.resource, operation: a.operation }).find((p) => p.type === 'notice' && /pin this node's output/i.test(p.displayName));

it('finds the sending actions of both APIs', () => {
	const names = sends.map((a) => `${a.api} ${a.resource} ${a.operation}`);
	for (const expected of ['rest sms send', 'rest sms sendAndWait', 'rest batch send', 'soap sms send', 'soap batch send', 'soap mms send']) {
		expect(names).toContain(expected);
	}
	expect(others.length).toBeGreaterThan(10);
});

it.each(sends.map((a) => [`${a.api} ${a.resource} ${a.operation} (${a.action})`, a] as const))('%s tells the user to pin its output', (_, a) => {
	const notice = pinNotice(a);
	expect(notice?.displayName).toMatch(/sends the SMS again/);
});

it.each(others.map((a) => [`${a.api} ${a.resource} ${a.operation}`, a] as const))('%s sends nothing and shows no pin notice', (_, a) => {
	expect(pinNotice(a)).toBeUndefined();
});

it("the README's Usage tells the user to pin the send's output", () => {
	const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
	const usage = readme.slice(readme.indexOf('\n## Usage'), readme.indexOf('\n## ', readme.indexOf('\n## Usage') + 5));
	expect(usage).toMatch(/\*\*Pin the send's output while you build\*\*[^\n]*\n[^\n]*send again/);
});
