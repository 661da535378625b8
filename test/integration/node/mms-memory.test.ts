/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// MMS Send holds only the item in flight: each item's files are read from n8n's binary data when that
// item is sent, not all up front (1,000 items of 300 kB would otherwise be ~400 MB of base64 held).
import { BinaryDataService } from 'n8n-core';

import { setBinaryDataMode } from '../../support/n8nCore';
import { startGateway, type Gateway } from './gateway';

let gw: Gateway;
beforeAll(async () => {
	gw = await startGateway();
});
afterAll(async () => await gw.sim.stop());
beforeEach(() => gw.sim.reset());

const ITEMS = 4;
const file = (n: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(50_000 + n, n)]);
const input = Array.from({ length: ITEMS }, (_, n) => ({
	json: {},
	binary: { data: { data: file(n), mimeType: 'image/png', fileName: `f${n}.png` } },
}));
const send = { resource: 'mms', operation: 'send', to: '46701234567', from: '46700000000', message: 'Bild', binaryProperties: 'data' };

/** For every read of binary data during the run: how many MMS the gateway had received by then. */
async function readsAgainstSends(): Promise<{ sentBeforeRead: number[]; result: Awaited<ReturnType<Gateway['run']>> }> {
	const sentBeforeRead: number[] = [];
	const original = BinaryDataService.prototype.getAsBuffer;
	const spy = jest.spyOn(BinaryDataService.prototype, 'getAsBuffer').mockImplementation(async function (this: BinaryDataService, data) {
		sentBeforeRead.push(gw.sim.state().mms.length);
		return await original.call(this, data);
	});
	try {
		const result = await gw.run(send, { input });
		return { sentBeforeRead, result };
	} finally {
		spy.mockRestore();
	}
}

describe.each(['default', 'filesystem'] as const)('MMS Send, binary-data mode %s', (mode) => {
	beforeAll(async () => await setBinaryDataMode(mode));
	afterAll(async () => await setBinaryDataMode('default'));

	it('reads each item’s files only when that item is sent, and the outputs are unchanged', async () => {
		const { sentBeforeRead, result } = await readsAgainstSends();
		expect(result.error).toBeUndefined();
		// item n is read after items 0…n-1 went out: never more than one item's files held
		expect(sentBeforeRead).toEqual([0, 1, 2, 3]);
		expect(result.items.map((i) => i.json.files)).toEqual(
			input.map((_, n) => [{ fileName: `f${n}.png`, mimeType: 'image/png', size: file(n).length }]),
		);
		expect(result.items.map((i) => i.json.totalBytes)).toEqual(input.map((_, n) => file(n).length));
		expect(gw.sim.state().mms.map((m: { files: unknown }) => m.files)).toEqual(
			input.map((_, n) => [{ name: `f${n}.png`, contentType: 'image/png', size: file(n).length }]),
		);
	});

	it('still refuses files over 300 kB on any item before the first request, without reading the data', async () => {
		const big = [...input, { json: {}, binary: { data: { data: Buffer.alloc(301 * 1024, 1), mimeType: 'image/jpeg', fileName: 'big.jpg' } } }];
		const reads = jest.spyOn(BinaryDataService.prototype, 'getAsBuffer');
		try {
			const result = await gw.run(send, { input: big });
			expect(result.error?.message).toBe('Input Binary Fields: the files add up to 301 kB, more than 300 kB [item 4]');
			expect(result.error?.description).toBe('An MMS carries at most 300 kB. Send smaller or fewer files (compress or resize images first).');
			expect(gw.sim.state().requestCount).toBe(0);
			expect(reads).not.toHaveBeenCalled();
		} finally {
			reads.mockRestore();
		}
	});
});
