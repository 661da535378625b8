import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../gateway';
import { asInputError, errorItem } from '../../../helpers/itemRunner';
import { encodeWaitReference } from '../../../helpers/replies/reference';
import { countRestSegments } from '../../../helpers/segments';
import { waitProperties } from '../../rest/waitFields';
import { timedOutItems } from '../../rest/waitOutput';
import { isIndefinite, questionText, readWaitParams, readWaitTill, type ReadParameter } from '../../rest/waitParams';

export const option = {
	name: 'Send and Wait for Response',
	description: 'Send an SMS and wait for the reply: an approval (e.g. YES or NO) or free text',
	action: 'Send SMS and wait for response',
};

export const properties = waitProperties;

/** The execution's id and resume token, from n8n's `$execution.resumeUrl` (`…/<id>?signature=<token>`). */
function resumeKey(ctx: IExecuteFunctions): { executionId: string; token: string } {
	const execution = ctx.getWorkflowDataProxy(0).$execution as { id?: unknown; resumeUrl?: unknown } | undefined;
	const executionId = String(execution?.id ?? ctx.getExecutionId() ?? '');
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(executionId)) {
		throw new NodeOperationError(ctx.getNode(), 'This execution has no ID to wait under', {
			description: 'Send and Wait needs an execution n8n saves: run the workflow, not a single step without a saved workflow.',
		});
	}
	let token = '';
	try {
		token = new URL(String(execution?.resumeUrl ?? '')).searchParams.get('signature') ?? '';
	} catch {
		// n8n versions without resume tokens give a plain URL or none
	}
	return { executionId, token };
}

/**
 * Sends one SMS (the first item's parameters, as n8n's send-and-wait nodes do) and puts the execution
 * to wait. The reply resumes it through the node's webhook (v2/rest/replyWebhook.ts); when the limit
 * runs out, n8n outputs the input items, here marked `timedOut: true`.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	try {
		return await sendAndWait(this, items, gateway);
	} catch (error) {
		const failure = asInputError(this, error, 0);
		// Continue On Fail: the error as the item, and no wait (nothing was sent, or iP.1 refused it)
		if (this.continueOnFail()) return [errorItem(failure, 0)];
		throw failure;
	}
}

async function sendAndWait(ctx: IExecuteFunctions, items: INodeExecutionData[], gateway: Ip1RestGateway): Promise<INodeExecutionData[]> {
	const read: ReadParameter = (name, fallback) => ctx.getNodeParameter(name, 0, fallback);
	const params = readWaitParams(read);
	const waitTill = readWaitTill(read);
	const { executionId, token } = resumeKey(ctx);
	const text = questionText(params);
	const deadline = isIndefinite(waitTill) ? undefined : waitTill.getTime();
	const result = await gateway.send(
		{
			sender: params.from,
			text,
			recipients: [{ to: params.to, itemIndex: 0 }],
			type: 'sms',
			priority: 1,
			characterSet: countRestSegments(text)?.characterSet ?? 'ucs2',
			reference: encodeWaitReference({ executionId, token, deadline, kind: 'ask' }),
			readMessageIds: true,
		},
		{ itemIndex: 0 },
	);
	const sent = result.messages[0];
	const state = sent?.status?.state;
	if (state === 'rejected' || state === 'failed') {
		const message = `iP.1 refused the message to ${params.to}: ${sent.status?.name ?? 'rejected'}`;
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, description: sent.status?.description, itemIndex: 0 });
	}
	// What n8n outputs when the limit runs out: the node's input, which n8n keeps with the waiting execution.
	const entry = ctx.getExecuteData?.();
	if (entry?.data?.main) entry.data = { ...entry.data, main: [timedOutItems(items), ...entry.data.main.slice(1)] };
	await ctx.putExecutionToWait(waitTill);
	return [
		{
			json: {
				waiting: true,
				to: params.to,
				from: params.from,
				text,
				batchId: result.batchId ?? null,
				sentMessageId: sent?.messageId ?? null,
				waitTill: isIndefinite(waitTill) ? null : waitTill.toISOString(),
			},
			pairedItem: { item: 0 },
		},
	];
}
