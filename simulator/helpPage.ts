import { html } from './html';
import type { OperationDef, ParamDef, ServiceDef } from './operations/definitions';
import { DEFAULT_NAMESPACE } from './wsdl';

function sampleParam(p: ParamDef): string {
	if (p.type === 'ArrayOfRecipient') {
		return `<recipients><Recipient><Number>string</Number><Parameters><TemplateField><Key>string</Key><Value>string</Value></TemplateField></Parameters></Recipient></recipients>`;
	}
	if (p.type === 'ArrayOfInlineFile') {
		return `<files><InlineFile><FileName>string</FileName><ContentType>string</ContentType><Data>base64Binary</Data></InlineFile></files>`;
	}
	return `<${p.name}>string</${p.name}>`;
}

function sampleRequest(op: OperationDef, version: '1.1' | '1.2'): string {
	const ns = version === '1.1' ? 'http://schemas.xmlsoap.org/soap/envelope/' : 'http://www.w3.org/2003/05/soap-envelope';
	const params = op.params.map((p) => `      ${sampleParam(p)}`).join('\n');
	return `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="${ns}">
  <soap:Body>
    <${op.name} xmlns="${DEFAULT_NAMESPACE}">
${params}
    </${op.name}>
  </soap:Body>
</soap:Envelope>`;
}

/** The page ASMX shows at the service address: its operations and, with `?op=`, sample requests. */
export function helpPage(service: ServiceDef, opName: string | undefined): string {
	const op = opName ? service.operations.get(opName) : undefined;
	const title = `${service.serviceName} Web Service (iP.1 gateway simulator)`;
	const body = op
		? html`<h2>${op.name}</h2><p>${op.doc}</p>
<h3>SOAP 1.1</h3><pre>POST ${service.path} HTTP/1.1
Content-Type: text/xml; charset=utf-8
SOAPAction: "${DEFAULT_NAMESPACE}${op.name}"

${sampleRequest(op, '1.1')}</pre>
<h3>SOAP 1.2</h3><pre>POST ${service.path} HTTP/1.1
Content-Type: application/soap+xml; charset=utf-8

${sampleRequest(op, '1.2')}</pre><p><a href="${service.path}">All operations</a></p>`
		: html`<p>The following operations are supported. For a formal definition, please review the <a href="${service.path}?WSDL">Service Description</a>.</p>
<ul>${[...service.operations.values()].map((o) => html`<li><a href="${service.path}?op=${o.name}">${o.name}</a><br>${o.doc}</li>`)}</ul>`;
	return html`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${service.serviceName}</h1>${body}</body></html>`.html;
}
