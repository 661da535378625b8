// The REST gateway's own error titles (not JSON, an empty reply, a timeout, a cut connection, not a
// list, something unexpected), for every call it makes with the longest values that call carries,
// on a stubbed request helper: a short one-line title that names the call, or, when the call would
// make it too long, "do this" in the title and the call named at the start of the description.
// (HTTP error answers are walked in test/unit/helpers/errorTitles.test.ts.)
import { NodeApiError } from 'n8n-workflow';

import type { Ip1RestGateway } from '../../../../nodes/Ip1Sms/gateway/types';
import { oneRecipient, opts, rejection, stubGateway, type Answer } from './stub';

const MAX_TITLE = 80;
const ID = 'a'.repeat(24);
const NUMBER = '4'.repeat(15);
const all = { returnAll: true, limit: 0 };

type Shape = 'object' | 'list' | 'none';
interface Call {
	call: string;
	/** reads fail on any 2xx that is not JSON; sends and changes take what comes */
	read: boolean;
	/** what a read's answer must be */
	shape: Shape;
	run: (g: Ip1RestGateway) => Promise<unknown>;
}

const CALLS: Call[] = [
	{ call: 'send the message', read: false, shape: 'none', run: (g) => g.send(oneRecipient, opts) },
	{ call: 'read the account balance', read: true, shape: 'object', run: (g) => g.getBalance(opts) },
	{ call: `read message ${ID}`, read: true, shape: 'object', run: (g) => g.getMessage(ID, ID, opts) },
	{ call: `read batch ${ID}`, read: true, shape: 'object', run: (g) => g.getBatch(ID, opts) },
	{ call: 'list the batches', read: true, shape: 'list', run: (g) => g.listBatches(all, opts) },
	{ call: `read the messages of batch ${ID}`, read: true, shape: 'list', run: (g) => g.getBatchMessages(ID, all, opts) },
	{ call: `read the conversation with ${NUMBER}`, read: true, shape: 'list', run: (g) => g.getConversation(NUMBER, 'all', all, opts) },
	{ call: `read the conversation summary of ${NUMBER}`, read: true, shape: 'object', run: (g) => g.getConversationSummary(NUMBER, opts) },
	{ call: 'list the senders', read: true, shape: 'list', run: (g) => g.listSenders(opts) },
	{ call: `read the sender ${NUMBER}`, read: true, shape: 'object', run: (g) => g.getSender(NUMBER, opts) },
	{ call: 'read the blacklist', read: true, shape: 'list', run: (g) => g.listBlacklist(all, opts) },
	{ call: `cancel batch ${ID}`, read: false, shape: 'none', run: (g) => g.cancelBatch(ID, opts) },
	{ call: `register the sender ${NUMBER}`, read: false, shape: 'none', run: (g) => g.registerSender(NUMBER, opts) },
	{ call: `remove the sender ${NUMBER}`, read: false, shape: 'none', run: (g) => g.removeSender(NUMBER, opts) },
	{ call: `add ${NUMBER} to the blacklist`, read: false, shape: 'none', run: (g) => g.addToBlacklist(NUMBER, opts) },
	{ call: `remove ${NUMBER} from the blacklist`, read: false, shape: 'none', run: (g) => g.removeFromBlacklist(NUMBER, opts) },
	{ call: 'list the SMS templates', read: true, shape: 'list', run: (g) => g.listTemplates(all, opts) },
	{ call: 'list the contacts', read: true, shape: 'list', run: (g) => g.listContacts(all, opts) },
	{ call: `find the contact with number ${NUMBER}`, read: true, shape: 'list', run: (g) => g.findContactsByPhone(NUMBER, opts) },
	{ call: `read contact ${ID}`, read: true, shape: 'object', run: (g) => g.getContact(ID, opts) },
	{ call: 'create the contact', read: false, shape: 'none', run: (g) => g.createContact({ phoneNumber: NUMBER }, true, opts) },
	{ call: `update contact ${ID}`, read: false, shape: 'none', run: (g) => g.updateContact(ID, { firstName: 'Anna' }, opts) },
	{ call: `delete contact ${ID}`, read: false, shape: 'none', run: (g) => g.deleteContact(ID, opts) },
	{ call: `add the label ${NUMBER} to contacts`, read: false, shape: 'none', run: (g) => g.addLabel(NUMBER, [ID], opts) },
	{ call: `delete the label ${NUMBER}`, read: false, shape: 'none', run: (g) => g.deleteLabel(NUMBER, opts) },
];

interface Fault {
	name: string;
	answer: (c: Call) => Answer;
	/** which calls it fails */
	fails: (c: Call) => boolean;
	/** the title, with the call (or "do this") in it */
	title: RegExp;
}

const FAULTS: Fault[] = [
	{ name: 'timeout', answer: () => ({ network: 'ECONNABORTED', message: 'timeout of 5000ms exceeded' }), fails: () => true, title: /^iP\.1 did not answer within 5000 ms when asked to / },
	{ name: 'connection cut', answer: () => ({ network: 'ECONNRESET' }), fails: () => true, title: /^The connection to iP\.1 was cut when asked to .*: connection reset$/ },
	{ name: 'not JSON', answer: () => ({ status: 200, body: '<html>maintenance</html>' }), fails: (c) => c.read, title: /^iP\.1 answered with something that is not JSON when asked to / },
	{ name: 'empty reply', answer: () => ({ status: 200 }), fails: (c) => c.read, title: /^iP\.1 answered with an empty reply when asked to / },
	{
		name: 'not a list',
		answer: () => ({ status: 200, body: { total: 3 } }),
		fails: (c) => c.shape === 'list',
		// a paged list, or the senders (one request, read as a document)
		title: /^iP\.1 answered with something (that is not a list|unexpected) when asked to /,
	},
	{
		name: 'not an object',
		answer: () => ({ status: 200, body: [1, 2] }),
		fails: (c) => c.shape === 'object',
		title: /^iP\.1 answered with something unexpected when asked to .* \(not an object\)$/,
	},
];

const cases = FAULTS.flatMap((fault) => CALLS.filter(fault.fails).map((c) => [fault.name, c.call, fault, c] as const));

it('walks every call under every fault that fails it: each call at least twice, each fault at least once', () => {
	for (const c of CALLS) expect(cases.filter(([, call]) => call === c.call).length).toBeGreaterThanOrEqual(2);
	for (const fault of FAULTS) expect(cases.filter(([name]) => name === fault.name).length).toBeGreaterThan(0);
});

it.each(cases)('%s, %s', async (_name, call, fault, c) => {
	const stub = await stubGateway(() => fault.answer(c));
	const error = await rejection(c.run(stub.gateway));
	expect(error).toBeInstanceOf(NodeApiError);
	const { message, description } = error as unknown as NodeApiError;
	expect(message).toMatch(fault.title);
	expect(message.length).toBeLessThanOrEqual(MAX_TITLE);
	expect(message).not.toMatch(/[\r\n]/);
	expect((error as unknown as NodeApiError).context.itemIndex).toBe(opts.itemIndex);
	if (message.includes(call)) {
		expect(description).not.toMatch(/^Asked to /);
	} else {
		// too long with the call in it: "do this" there, the call at the start of the description
		expect(message).toContain(' when asked to do this');
		expect(description).toMatch(new RegExp(`^Asked to ${call}\\. \\S`));
	}
	expect((description ?? '').replace(`Asked to ${call}. `, '').length).toBeGreaterThan(10);
});

it('the balance without a Balance is unexpected too', async () => {
	const stub = await stubGateway(() => ({ status: 200, body: { Account: 'ip1-1' } }));
	const error = (await rejection(stub.gateway.getBalance(opts))) as unknown as NodeApiError;
	expect(error.message).toBe('iP.1 answered with something unexpected when asked to do this (no Balance)');
	expect(error.description).toBe('Asked to read the account balance. The answer began: {"Account":"ip1-1"}');
	expect(error.httpCode).toBeNull();
});
