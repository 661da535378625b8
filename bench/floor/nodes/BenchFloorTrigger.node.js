/* eslint-disable */ // bench only, never shipped (bench/floor.ts packs it for the benchmark's n8n)
// The floor of an incoming-SMS trigger in n8n: a community trigger on the same answer path as the iP.1 SMS
// Trigger version 2 (POST and GET at the same path, `responseMode: 'onReceived'`, `responseData: ''`: n8n
// answers `OK` once it has recorded the execution), version > 1, that returns the request as the item at
// once: no secret, no checks, no payload reading, no repeat detection.
'use strict';

class BenchFloorTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Floor Trigger',
			name: 'benchFloorTrigger',
			group: ['trigger'],
			version: 2,
			description: 'Bench only: the request as the item, answered once recorded',
			defaults: { name: 'Bench Floor Trigger' },
			inputs: [],
			outputs: ['main'],
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'ip1-sms' },
				{ name: 'soapGet', httpMethod: 'GET', responseMode: 'onReceived', responseData: '', path: 'ip1-sms' },
			],
			properties: [],
		};
	}

	async webhook() {
		const req = this.getRequestObject();
		const json = req.method === 'GET' ? req.query : this.getBodyData();
		return { workflowData: [[{ json }]], webhookResponse: 'OK' };
	}
}

module.exports = { BenchFloorTrigger };
