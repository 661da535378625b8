/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Issue 24: the trigger's panel shows the URLs its API is called at. n8n's editor hides a webhook's URL
// when its `ndvHideUrl` expression is true for the node's parameters (NodeSettings: getWebhookExpressionValue).
import { Ip1SmsTrigger } from '../../../nodes/Ip1SmsTrigger/Ip1SmsTrigger.node';

const webhooks = new Ip1SmsTrigger().description.webhooks ?? [];

/** The expression `={{ … }}` evaluated with $parameter, as n8n does for one node. */
function hidden(value: unknown, parameters: Record<string, unknown>): boolean {
	if (typeof value !== 'string') return value === true;
	const body = /^=\{\{([\s\S]*)\}\}$/.exec(value);
	if (!body) throw new Error(`not an expression: ${value}`);
	return Boolean(new Function('$parameter', `return (${body[1]});`)(parameters));
}

const shownFor = (parameters: Record<string, unknown>) =>
	webhooks.filter((w) => !hidden(w.ndvHideUrl, parameters)).map((w) => w.httpMethod);

it('a REST trigger shows only the POST URL iP.1 calls', () => {
	expect(shownFor({ api: 'rest', events: ['incomingSms'] })).toEqual(['POST']);
});

it('the SOAP callback (version 2) and version 1 (no API parameter) still show the GET URL they are called at', () => {
	expect(shownFor({ api: 'soap' })).toContain('GET');
	expect(shownFor({})).toContain('GET');
});
