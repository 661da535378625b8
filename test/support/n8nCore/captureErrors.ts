/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// WorkflowExecute stores a failed node's error in the run data as a plain-object copy
// ({ ...error, message, stack }: what n8n saves to its database). To hand tests the real
// NodeApiError / NodeOperationError instance, the node under test is wrapped (prototype
// chain intact) so the error that leaves its execute() is recorded before n8n-core sees it.
import type { IExecuteFunctions, INodeType, IVersionedNodeType } from 'n8n-workflow';

export interface ErrorCapture {
	nodeType: INodeType | IVersionedNodeType;
	thrown: () => Error | undefined;
}

export function captureErrors(nodeType: INodeType | IVersionedNodeType): ErrorCapture {
	let thrown: Error | undefined;
	const wrap = (type: INodeType): INodeType => {
		const { execute } = type;
		if (!execute) return type;
		return Object.create(type, {
			execute: {
				value: async function (this: IExecuteFunctions) {
					try {
						return await execute.call(this);
					} catch (error) {
						thrown = error as Error;
						throw error;
					}
				},
			},
		}) as INodeType;
	};
	const wrapped =
		'nodeVersions' in nodeType
			? (Object.create(nodeType, {
					getNodeType: { value: (version?: number) => wrap(nodeType.getNodeType(version)) },
				}) as IVersionedNodeType)
			: wrap(nodeType);
	return { nodeType: wrapped, thrown: () => thrown };
}
