/* What the operation files use of the gateways; they import nothing from gateway/soap or gateway/rest. */
export type { GroupRecipient, GroupSms, MessageKind, MmsFile, PreparedUrlSms, SoapGateway } from './soap/types';
export type { Ip1Gateway, Ip1RestGateway } from './types';
export { createRestGateway } from './rest';
export { DEFAULT_TIMEOUT_MS as REST_TIMEOUT_MS } from './rest/client';
export { listRegisteredSenders } from './rest/senderSearch';
export { listTemplatesForEditor } from './rest/templates';
export { restStatus } from './rest/statuses';
export { createSoapGateway } from './soap/soapGateway';
export { DEFAULT_TIMEOUT_MS as SOAP_TIMEOUT_MS } from './soap/request';
export { assertSoapText } from './soap/soapEnvelope';
export { isId as isSoapId } from './soap/statusCodes';
