import { NodeConnectionTypes, type INodeTypeBaseDescription, type INodeTypeDescription } from 'n8n-workflow';

/** One version's description: the base description (Ip1Sms.node.ts) with what every version has. */
export function versionDescription(
	base: INodeTypeBaseDescription,
	version: number,
	/** resource value → its name, for the subtitle "SMS: send flash" */
	resourceNames: Record<string, string>,
	rest: Pick<INodeTypeDescription, 'credentials' | 'properties' | 'webhooks'>,
): INodeTypeDescription {
	return {
		...base,
		version,
		subtitle: `={{ ${JSON.stringify(resourceNames)}[$parameter["resource"]] + ": " + $parameter["operation"].replace(/([A-Z])/g, " $1").toLowerCase() }}`,
		defaults: { name: 'iP.1 SMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		...rest,
	};
}
