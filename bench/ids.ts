/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
import { createHash } from 'node:crypto';

/** A UUID-shaped id derived from a name, the same on every run. */
export function stableUuid(name: string): string {
	const h = createHash('sha1').update(`n8n-nodes-ip1 bench ${name}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
