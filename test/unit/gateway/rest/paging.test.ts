import { parseLinkHeader } from '../../../../nodes/Ip1Sms/gateway/rest/paging';
import { BASE, opts, rejection, stubGateway, type Answer, type Recorded } from './stub';

describe('Link header', () => {
	it.each([
		['<https://x/v2/batches?start=50&limit=50>; rel="next", <https://x/v2/batches?start=950>; rel="last"'],
		['<https://x/v2/batches?start=50&limit=50>;rel=next,<https://x/v2/batches?start=950>;rel=last'],
		['<https://x/v2/batches?start=50&limit=50> rel="next", <https://x/v2/batches?start=950> rel="last"'],
		['<https://x/v2/batches?start=50&limit=50>; REL="Next"; title="more", <https://x/v2/batches?start=950>; rel=last'],
	])('reads %s', (header) => {
		const links = parseLinkHeader(header);
		expect(links.next).toBe('https://x/v2/batches?start=50&limit=50');
		expect(links.last).toBe('https://x/v2/batches?start=950');
	});

	it('reads several relations in one rel, relative links, and commas inside a URL', () => {
		expect(parseLinkHeader('</v2/batches?start=0,1>; rel="self first"')).toEqual({
			self: '/v2/batches?start=0,1',
			first: '/v2/batches?start=0,1',
		});
	});

	it('has no relations for an empty or broken header', () => {
		expect(parseLinkHeader(undefined)).toEqual({});
		expect(parseLinkHeader('')).toEqual({});
		expect(parseLinkHeader('<https://x/?start=5>')).toEqual({});
	});
});

/** A server with `total` rows that pages them `serverMax` at a time and writes its Link header in `style`. */
function pagedServer(total: number, serverMax: number, style: 'semicolon' | 'compact' | 'space' | 'none', origin = BASE) {
	return (req: Recorded): Answer => {
		const start = Number(req.url.searchParams.get('start') ?? 0);
		const limit = Math.min(Number(req.url.searchParams.get('limit') ?? 50), serverMax);
		const rows = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) => ({
			msisdn: String(46700000000 + start + i),
		}));
		const link = (s: number, rel: string) => {
			const url = `${origin}/v2/blacklist?start=${s}&limit=${limit}`;
			if (style === 'semicolon') return `<${url}>; rel="${rel}"`;
			if (style === 'compact') return `<${url}>;rel=${rel}`;
			return `<${url}> rel="${rel}"`;
		};
		const links = [link(start, 'self'), link(0, 'first')];
		if (start + limit < total) links.push(link(start + limit, 'next'));
		return { status: 200, body: rows, headers: style === 'none' ? {} : { link: links.join(', ') } };
	};
}

const numbers = (rows: { phoneNumber: string }[]) => rows.map((r) => Number(r.phoneNumber) - 46700000000);

describe('reading pages', () => {
	it.each(['semicolon', 'compact', 'space'] as const)('Return All follows the next link (%s form) through every page', async (style) => {
		const stub = await stubGateway(pagedServer(2300, 1000, style));
		const rows = await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts);
		expect(numbers(rows)).toEqual(Array.from({ length: 2300 }, (_, i) => i));
		expect(stub.calls.map((c) => c.url.searchParams.get('start'))).toEqual(['0', '1000', '2000']);
	});

	it('follows a server that pages fewer rows than asked, by the start of its next link', async () => {
		const stub = await stubGateway(pagedServer(250, 100, 'semicolon'));
		const rows = await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts);
		expect(numbers(rows)).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(stub.calls.map((c) => c.url.searchParams.get('start'))).toEqual(['0', '100', '200']);
	});

	it('Limit asks only for what is missing and stops there', async () => {
		const stub = await stubGateway(pagedServer(500, 100, 'semicolon'));
		const rows = await stub.gateway.listBlacklist({ returnAll: false, limit: 130 }, opts);
		expect(numbers(rows)).toEqual(Array.from({ length: 130 }, (_, i) => i));
		expect(stub.calls.map((c) => [c.url.searchParams.get('start'), c.url.searchParams.get('limit')])).toEqual([
			['0', '130'],
			['100', '30'],
		]);
	});

	it('without a Link header, a short page is the last', async () => {
		const stub = await stubGateway(pagedServer(1500, 1000, 'none'));
		const rows = await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts);
		expect(rows).toHaveLength(1500);
		expect(stub.calls).toHaveLength(2);
	});

	it('a server that ignores paging: one request when it sends more than asked', async () => {
		const all = Array.from({ length: 1500 }, (_, i) => ({ msisdn: String(i) }));
		const stub = await stubGateway(() => ({ status: 200, body: all }));
		expect(await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts)).toHaveLength(1500);
		expect(await stub.gateway.listBlacklist({ returnAll: false, limit: 3 }, opts)).toHaveLength(3);
		expect(stub.calls).toHaveLength(2);
	});

	it('a server that ignores start with exactly a page of rows: no row twice', async () => {
		const all = Array.from({ length: 1000 }, (_, i) => ({ msisdn: String(i) }));
		const stub = await stubGateway(() => ({ status: 200, body: all }));
		const rows = await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts);
		expect(rows.map((r) => r.phoneNumber)).toEqual(all.map((r) => r.msisdn));
		expect(stub.calls).toHaveLength(2);
	});

	it('an empty collection takes one request', async () => {
		const stub = await stubGateway(pagedServer(0, 1000, 'semicolon'));
		expect(await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts)).toEqual([]);
		expect(stub.calls).toHaveLength(1);
	});

	it('never follows a link to another host: only its start is taken, the request stays on the Base URL', async () => {
		const stub = await stubGateway(pagedServer(1200, 1000, 'semicolon', 'https://elsewhere.example'));
		const rows = await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts);
		expect(rows).toHaveLength(1200);
		expect(stub.calls.every((c) => c.url.origin === BASE)).toBe(true);
	});

	it('sends the order and stops when a next link would go backwards', async () => {
		const stub = await stubGateway(() => ({
			status: 200,
			body: [{ id: 'b1' }],
			headers: { link: '</v2/batches?start=0&limit=1>; rel="next"' },
		}));
		const rows = await stub.gateway.listBatches({ returnAll: true, limit: 0, order: 'DESC' }, opts);
		expect(rows.map((r) => r.batchId)).toEqual(['b1']);
		expect(stub.calls).toHaveLength(1);
		expect(stub.calls[0].url.searchParams.get('order')).toBe('DESC');
	});

	it('a page size the server refuses (400) is asked again once with the API default of 50', async () => {
		const stub = await stubGateway((req): Answer => {
			const limit = Number(req.url.searchParams.get('limit'));
			if (limit > 100) return { status: 400, body: { title: 'limit too large', status: 400 } };
			return pagedServer(120, 100, 'semicolon')(req);
		});
		const rows = await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts);
		expect(rows).toHaveLength(120);
		expect(stub.calls.map((c) => c.url.searchParams.get('limit'))).toEqual(['1000', '50', '50', '50']);
	});

	it('a 400 that is not about the page size still fails, naming the item', async () => {
		const stub = await stubGateway(() => ({ status: 400, body: { title: 'Bad participant', status: 400 } }));
		const error = await rejection(stub.gateway.getConversation('x', 'all', { returnAll: true, limit: 0 }, opts));
		expect(error.message).toMatch(/refused/);
		expect(error.description).toMatch(/Bad participant/);
		expect((error.context as { itemIndex: number }).itemIndex).toBe(3);
		expect(stub.calls).toHaveLength(2);
	});

	it('an answer that is not a list is an error, not an empty result', async () => {
		const stub = await stubGateway(() => ({ status: 200, body: { total: 3 } }));
		const error = await rejection(stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts));
		expect(error.message).toBe('iP.1 answered with something that is not a list when asked to read the blacklist');
		expect(error.description).toBe('The answer began: {"total":3}');
	});

	it('reads a list wrapped in an object', async () => {
		const stub = await stubGateway(() => ({ status: 200, body: { items: [{ msisdn: '46701' }] } }));
		expect(await stub.gateway.listBlacklist({ returnAll: true, limit: 0 }, opts)).toEqual([{ phoneNumber: '46701' }]);
	});
});
