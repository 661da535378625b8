/**
 * Version 1's SMS Parts option (`maxSegments`, formerly "Max Segments") now fills in 3 when added,
 * as version 2's does, instead of 1. That must change no saved workflow: n8n keeps every value
 * set inside a `collection`, even one equal to the option's default (n8n-workflow's
 * node-helpers.js, getNodeParameters: `nodeValues[name] !== undefined && parentType === 'collection'`),
 * and never fills in the default of an option that was not added.
 */
import { NodeHelpers, Workflow, type INode, type INodeParameters, type INodeProperties, type INodeTypes } from 'n8n-workflow';

import { smsPartsOption } from '../../../nodes/Ip1Sms/shared/fields';
import { ip1SmsVersion } from '../../support/nodeVersions';

const nodeType = ip1SmsVersion(1);
const { properties } = nodeType.description;

function v1Node(parameters: INodeParameters): INode {
	return {
		id: 'a1',
		name: 'iP.1 SMS',
		type: 'n8n-nodes-ip1.ip1Sms',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
}

const sendSms = (options: INodeParameters): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	to: '46701234567',
	from: 'MyShop',
	message: 'Hej',
	options,
});

/** What the editor stores when it saves a node: values equal to their default are left out. */
function saved(node: INode): INodeParameters {
	return NodeHelpers.getNodeParameters(properties, node.parameters, false, false, node, nodeType.description) ?? {};
}

/** What a run reads: n8n's Workflow fills in the defaults (workflow.js, returnDefaults = true). */
function atRun(node: INode): INodeParameters {
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.getNode(node.name)?.parameters ?? {};
}

describe("version 1's SMS Parts default", () => {
	it('is 3, as version 2 has it: both versions show the one SMS Parts option', () => {
		expect(smsPartsOption).toMatchObject({ name: 'maxSegments', default: 3 });
		const smsPartsOf = (version: 1 | 2, api: string) =>
			ip1SmsVersion(version)
				.description.properties.filter((p) => p.name === 'options' && p.displayOptions?.show?.resource?.includes('sms') && (version === 1 || p.displayOptions?.show?.api?.includes(api)))
				.flatMap((p) => (p.options as INodeProperties[]).filter((o) => o.name === 'maxSegments'));
		for (const [version, api] of [[1, 'soap'], [2, 'soap'], [2, 'rest']] as const) {
			const found = smsPartsOf(version, api);
			expect(found.length).toBeGreaterThan(0);
			for (const option of found) expect(option).toBe(smsPartsOption);
		}
	});

	it('a saved version-1 workflow with maxSegments 1 (the old default) keeps 1 when saved again and when run', () => {
		const node = v1Node(sendSms({ maxSegments: 1 }));
		const stored = saved(node);
		expect(stored.options).toEqual({ maxSegments: 1 });
		const run = atRun(v1Node(stored));
		expect((run.options as INodeParameters).maxSegments).toBe(1);
	});

	it('a value equal to the new default is kept too', () => {
		expect(saved(v1Node(sendSms({ maxSegments: 3 }))).options).toEqual({ maxSegments: 3 });
	});

	it('a workflow without the option gets no limit filled in', () => {
		const node = v1Node(sendSms({}));
		expect((atRun(node).options as INodeParameters).maxSegments).toBeUndefined();
	});

	it('outside a collection a value equal to its default is dropped: the collection rule is what keeps 1', () => {
		// control: the same call does drop defaults, so the assertions above can fail
		const node = v1Node({ ...sendSms({ maxSegments: 1 }), message: '' });
		const stored = saved(node);
		expect(stored.message).toBeUndefined();
		expect(stored.options).toEqual({ maxSegments: 1 });
	});
});
