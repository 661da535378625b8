import { VersionedNodeType, type INodeTypeBaseDescription, type IVersionedNodeType } from 'n8n-workflow';

import { Ip1SmsV1 } from './v1/Ip1SmsV1.node';
import { Ip1SmsV2 } from './v2/Ip1SmsV2.node';

export class Ip1Sms extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'iP.1 SMS',
			name: 'ip1Sms',
			icon: { light: 'file:../../icons/ip1.svg', dark: 'file:../../icons/ip1.dark.svg' },
			group: ['output'],
			description: 'Send, schedule and track SMS through iP.1',
			// A full URL: n8n appends its utm query to a codex URL, which would land inside the #anchor.
			documentationUrl: 'https://github.com/n8n-nodes-ip1/n8n-nodes-ip1#operations',
			defaultVersion: 2,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new Ip1SmsV1(baseDescription),
			2: new Ip1SmsV2(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
