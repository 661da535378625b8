/* What SMS → Send and Wait for Response outputs: the answer, or its input marked timed out. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** The reply as the iP.1 SMS Trigger hands it over (docs/send-and-wait.md). */
export interface HandedReply {
	messageId: string;
	sender: string;
	to: string;
	text: string;
	receivedAt: string;
}

export interface HandedWait {
	kind: 'ask' | 'reask';
	sentMessageId: string;
	openWaits: number;
}

export type Choice = 'approve' | 'decline' | 'none';

/**
 * The answer. `matchedBy` and `waitsOnNumber` say how the reply found this execution: when several
 * executions wait on one number, the newest waiting SMS gets the reply first.
 */
export function answerItem(reply: HandedReply, wait: HandedWait, data: IDataObject, choice?: Choice): INodeExecutionData {
	const json: IDataObject = {
		data,
		timedOut: false,
		text: reply.text,
		sender: reply.sender,
		receivedAt: reply.receivedAt,
		messageId: reply.messageId,
		sentMessageId: wait.sentMessageId,
		...(choice !== undefined ? { choice } : {}),
		matchedBy: 'newestWaitingSms',
		waitsOnNumber: wait.openWaits,
	};
	return { json, pairedItem: { item: 0 } };
}

/** n8n outputs a timed-out wait's input: each input item, marked. */
export function timedOutItems(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item, index) => ({
		json: { ...item.json, timedOut: true },
		...(item.binary ? { binary: item.binary } : {}),
		pairedItem: { item: index },
	}));
}
