/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The bench-only floor nodes (bench/floor/: a send node and a trigger that do what n8n allows any community
// node and nothing else), packed as a community package of their own for the benchmark's n8n. Plain
// JavaScript, so nothing is built; never part of the published package (package.json "files": dist).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FLOOR_PACKAGE = 'n8n-nodes-ip1-bench-floor';
export const FLOOR_SEND_TYPE = `${FLOOR_PACKAGE}.benchFloor`;
export const FLOOR_TRIGGER_TYPE = `${FLOOR_PACKAGE}.benchFloorTrigger`;

/** A .tgz of bench/floor laid out as `npm pack` lays it out (everything under package/). */
export function packFloor(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ip1-floor-'));
	fs.cpSync(path.join(__dirname, 'floor'), path.join(dir, 'package'), { recursive: true });
	const tgz = path.join(dir, 'floor.tgz');
	execFileSync('tar', ['-czf', tgz, '-C', dir, 'package']);
	return tgz;
}
