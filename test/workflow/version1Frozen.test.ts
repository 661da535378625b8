// Version 1 is frozen: every field the editor shows for each of its actions, with its name, default and
// options, equals what version 1 showed before the node became a VersionedNodeType (commit 8d81166,
// written to fixtures/version1-visible-parameters.json by test/workflow/support/visibleParameters.ts).
// Saved version-1 workflows therefore resolve the same parameters; their runs are the integration and e2e tests'.
import fixture from './fixtures/version1-visible-parameters.json';
import { ip1SmsVersion } from '../support/nodeVersions';
import { visibleParameters } from './support/visibleParameters';

const current = visibleParameters(ip1SmsVersion(1).description, 1, ['soap']);

it('shows the same actions as before', () => {
	expect(Object.keys(current).sort()).toEqual(Object.keys(fixture).sort());
	expect(Object.keys(current).length).toBeGreaterThan(20);
});

it.each(Object.keys(fixture))('%s: the same fields', (key) => {
	expect(current[key]).toEqual((fixture as Record<string, unknown>)[key]);
});

it('the comparison sees a changed default (the check itself can fail)', () => {
	const description = ip1SmsVersion(1).description;
	const changed = { ...description, properties: description.properties.map((p) => (p.name === 'smsId' ? { ...p, default: 'x' } : p)) };
	const altered = visibleParameters(changed, 1, ['soap']);
	expect(altered['soap sms cancel list']).not.toEqual((fixture as Record<string, unknown>)['soap sms cancel list']);
});
