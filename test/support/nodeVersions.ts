/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The iP.1 SMS node of one version, as n8n resolves a saved node's typeVersion (NodeHelpers.getVersionedNodeType).
import { NodeHelpers, type INodeType } from 'n8n-workflow';

import { Ip1Sms } from '../../nodes/Ip1Sms/Ip1Sms.node';

export function ip1SmsVersion(version: 1 | 2): INodeType {
	return NodeHelpers.getVersionedNodeType(new Ip1Sms(), version);
}
