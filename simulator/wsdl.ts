import { Builder } from 'xml2js';
import type { ParamDef, ServiceDef } from './operations/definitions';

export const DEFAULT_NAMESPACE = 'http://tempuri.org/';

const builder = new Builder({ xmldec: { version: '1.0', encoding: 'utf-8' }, renderOpts: { pretty: true, indent: '  ', newline: '\n' } });

function element(name: string, type: string, maxOccurs: '1' | 'unbounded' = '1'): object {
	return { $: { minOccurs: '0', maxOccurs, name, type } };
}

function paramType(p: ParamDef): string {
	return p.type === 'string' ? 's:string' : `tns:${p.type}`;
}

function sequence(elements: object[]): object {
	return { 's:sequence': elements.length ? { 's:element': elements } : '' };
}

/** Complex types of the contract: templated recipients, MMS files, statusBundle rows. */
function complexTypes(service: ServiceDef): object[] {
	const named = (name: string, elements: object[]) => ({ $: { name }, ...sequence(elements) });
	if (service.name === 'mms') {
		return [
			named('ArrayOfInlineFile', [{ $: { minOccurs: '0', maxOccurs: 'unbounded', name: 'InlineFile', nillable: 'true', type: 'tns:InlineFile' } }]),
			named('InlineFile', [element('FileName', 's:string'), element('ContentType', 's:string'), element('Data', 's:base64Binary')]),
		];
	}
	return [
		named('ArrayOfRecipient', [{ $: { minOccurs: '0', maxOccurs: 'unbounded', name: 'Recipient', nillable: 'true', type: 'tns:Recipient' } }]),
		named('Recipient', [element('Number', 's:string'), element('Parameters', 'tns:ArrayOfTemplateField')]),
		named('ArrayOfTemplateField', [{ $: { minOccurs: '0', maxOccurs: 'unbounded', name: 'TemplateField', nillable: 'true', type: 'tns:TemplateField' } }]),
		named('TemplateField', [element('Key', 's:string'), element('Value', 's:string')]),
		named('ArrayOfSmsStatus', [{ $: { minOccurs: '0', maxOccurs: 'unbounded', name: 'SmsStatus', nillable: 'true', type: 'tns:SmsStatus' } }]),
		named('SmsStatus', [element('SmsId', 's:string'), element('Status', 's:string')]),
	];
}

/** A WSDL 1.1 document (document/literal wrapped, SOAP 1.1 and 1.2 bindings) as ASMX publishes it. */
export function buildWsdl(service: ServiceDef, location: string, ns = DEFAULT_NAMESPACE): string {
	const ops = [...service.operations.values()];
	const schemaElements: object[] = [];
	for (const op of ops) {
		schemaElements.push({ $: { name: op.name }, 's:complexType': sequence(op.params.map((p) => element(p.name, paramType(p)))) });
		const resultType = op.result === 'string' ? 's:string' : `tns:${op.result}`;
		schemaElements.push({ $: { name: `${op.name}Response` }, 's:complexType': sequence([element(`${op.name}Result`, resultType)]) });
	}
	const messages = ops.flatMap((op) => [
		{ $: { name: `${op.name}SoapIn` }, 'wsdl:part': { $: { name: 'parameters', element: `tns:${op.name}` } } },
		{ $: { name: `${op.name}SoapOut` }, 'wsdl:part': { $: { name: 'parameters', element: `tns:${op.name}Response` } } },
	]);
	const portType = `${service.serviceName}Soap`;
	const binding = (soap: 'soap' | 'soap12', name: string) => ({
		$: { name, type: `tns:${portType}` },
		[`${soap}:binding`]: { $: { transport: 'http://schemas.xmlsoap.org/soap/http' } },
		'wsdl:operation': ops.map((op) => ({
			$: { name: op.name },
			[`${soap}:operation`]: { $: { soapAction: `${ns}${op.name}`, style: 'document' } },
			'wsdl:input': { [`${soap}:body`]: { $: { use: 'literal' } } },
			'wsdl:output': { [`${soap}:body`]: { $: { use: 'literal' } } },
		})),
	});
	return builder.buildObject({
		'wsdl:definitions': {
			$: {
				'xmlns:soap': 'http://schemas.xmlsoap.org/wsdl/soap/',
				'xmlns:soapenc': 'http://schemas.xmlsoap.org/soap/encoding/',
				'xmlns:mime': 'http://schemas.xmlsoap.org/wsdl/mime/',
				'xmlns:tns': ns,
				'xmlns:s': 'http://www.w3.org/2001/XMLSchema',
				'xmlns:soap12': 'http://schemas.xmlsoap.org/wsdl/soap12/',
				'xmlns:http': 'http://schemas.xmlsoap.org/wsdl/http/',
				'xmlns:wsdl': 'http://schemas.xmlsoap.org/wsdl/',
				targetNamespace: ns,
			},
			'wsdl:types': {
				's:schema': {
					$: { elementFormDefault: 'qualified', targetNamespace: ns },
					's:element': schemaElements,
					's:complexType': complexTypes(service),
				},
			},
			'wsdl:message': messages,
			'wsdl:portType': {
				$: { name: portType },
				'wsdl:operation': ops.map((op) => ({
					$: { name: op.name },
					'wsdl:documentation': { $: { 'xmlns:wsdl': 'http://schemas.xmlsoap.org/wsdl/' }, _: op.doc },
					'wsdl:input': { $: { message: `tns:${op.name}SoapIn` } },
					'wsdl:output': { $: { message: `tns:${op.name}SoapOut` } },
				})),
			},
			'wsdl:binding': [binding('soap', portType), binding('soap12', `${service.serviceName}Soap12`)],
			'wsdl:service': {
				$: { name: service.serviceName },
				'wsdl:port': [
					{ $: { name: portType, binding: `tns:${portType}` }, 'soap:address': { $: { location } } },
					{ $: { name: `${service.serviceName}Soap12`, binding: `tns:${service.serviceName}Soap12` }, 'soap12:address': { $: { location } } },
				],
			},
		},
	});
}
