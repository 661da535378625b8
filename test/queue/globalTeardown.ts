/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// Jest globalTeardown of the `queue` project: stops every process of the stack and removes its folders.
import { stopSharedStack } from './support/stack';

export default async function globalTeardown(): Promise<void> {
	await stopSharedStack();
}
