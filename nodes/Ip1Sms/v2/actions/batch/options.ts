/* Batch's operations as the editor names them, the same under both APIs. */
export const batchOptions = {
	cancel: { name: 'Cancel', description: 'Cancel the messages of a batch that still wait to be sent', action: 'Cancel batch' },
	get: { name: 'Get', description: 'Get a batch with its price and its message counts per status', action: 'Get batch' },
	getAll: { name: 'Get Many', description: 'Get the batches sent from the account', action: 'Get many batches' },
	getMessages: { name: 'Get Messages', description: 'Get every message of a batch with its status', action: 'Get batch messages' },
	schedule: { name: 'Schedule', description: 'Send one message to many recipients at a later time', action: 'Schedule batch' },
	send: { name: 'Send', description: 'Send one message to many recipients', action: 'Send batch' },
};
