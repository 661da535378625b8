import {
	NodeApiError,
	sleep,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, type Ip1Credentials } from './credentials';
import { buildSoapBody, soapAction, type XmlNode } from './soapEnvelope';
import { quoteValue } from '../../helpers/errors';
import { redactSecret } from '../../helpers/redact';
import { readSoapAnswer, XmlReadError, type SoapAnswer, type XmlElement } from './xmlReader';
import { CODE_WORDS, errorCode, isTimeout, NOT_REACHED } from '../../helpers/networkErrors';

export type Ip1Service = 'sms' | 'mms';

export const SERVICE_PATH: Record<Ip1Service, string> = {
	sms: '/sendSms/sendSms.asmx',
	mms: '/mms/mms.asmx',
};

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface CallOptions {
	itemIndex: number;
	timeout?: number;
	/**
	 * Whether the call may be repeated after it possibly reached the gateway (reads: status, balance…).
	 * Sends are never repeated then: only failures that surely never reached iP.1 are retried.
	 */
	repeatable: boolean;
}

export interface SoapResult {
	text: string;
	element: XmlElement;
}

interface FullResponse {
	body: unknown;
	statusCode: number;
	statusMessage?: string;
	headers?: Record<string, string>;
}

const RETRY_DELAYS_MS = [200, 800];

const NOT_RESENT =
	'The message may have reached iP.1. It was not sent again, so that nobody gets it twice: check Get Status or the iP.1 portal before you run it again.';

interface FailureInfo {
	message: string;
	description: string;
	httpCode?: number;
	/** Safe and worth trying again: surely not reached, or a repeatable read. */
	retryable: boolean;
}

class CallFailure {
	constructor(readonly info: FailureInfo) {}
}

function networkFailure(error: unknown, call: string, opts: CallOptions, baseUrl: string): FailureInfo {
	const code = errorCode(error) ?? 'UNKNOWN';
	const words = CODE_WORDS[code] ?? 'network error';
	if (NOT_REACHED.has(code)) {
		return {
			message: `Could not connect to iP.1 at ${baseUrl}: ${words}`,
			description: `Nothing was sent (${code}). Check the credential's Base URL and that this n8n can reach it.`,
			retryable: true,
		};
	}
	const timedOut = isTimeout(code, error);
	const advice = opts.repeatable ? 'The gateway or the network is having trouble; try again later.' : NOT_RESENT;
	return {
		message: timedOut
			? `iP.1 did not answer within ${opts.timeout ?? DEFAULT_TIMEOUT_MS} ms`
			: `The connection to iP.1 was cut before it answered: ${words}`,
		description: `${advice} (${call}, ${code})`,
		retryable: opts.repeatable,
	};
}

/** Where a 3xx answer points, as an origin only: a full Location could echo a query with the API key. */
function redirectTarget(response: FullResponse): string | undefined {
	if (response.statusCode < 300 || response.statusCode >= 400) return undefined;
	const location = response.headers?.location;
	if (typeof location !== 'string' || !location) return undefined;
	try {
		return new URL(location).origin;
	} catch {
		return undefined;
	}
}

function asSentence(text: string): string {
	const trimmed = text.trimEnd();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The longest HTTP status text shown in a title; a gateway may send any text there. */
const STATUS_TEXT_LENGTH = 32;

/** `detail` (a SOAP fault) opens the description; the call closes it, so the title stays short. */
function httpFailure(response: FullResponse, call: string, opts: CallOptions, detail: string): FailureInfo {
	const text = (response.statusMessage ?? '').trim();
	const shownText = text ? quoteValue(text, STATUS_TEXT_LENGTH).slice(1, -1) : '';
	const location = redirectTarget(response);
	const advice =
		response.statusCode === 404
			? "Check the credential's Base URL: it should be the gateway's root, e.g. https://web.smscom.se."
			: location !== undefined
				? `The gateway sent the request elsewhere (${location}), so nothing was sent: set the credential's Base URL to that address.`
				: opts.repeatable
					? 'The gateway is having trouble; try again later.'
					: NOT_RESENT;
	return {
		message: `iP.1 answered with HTTP ${response.statusCode}${shownText ? ` ${shownText}` : ''}`,
		description: `${detail ? `${asSentence(detail)} ` : ''}${advice} (${call})`,
		httpCode: response.statusCode,
		retryable: opts.repeatable && response.statusCode >= 500,
	};
}

/** Runs `attempt` until it succeeds, fails for good, or the retries are used up. */
async function withRetries<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	attempt: () => Promise<T | CallFailure>,
): Promise<T> {
	for (let i = 0; ; i++) {
		const outcome = await attempt();
		if (!(outcome instanceof CallFailure)) return outcome;
		if (!outcome.info.retryable || i >= RETRY_DELAYS_MS.length) {
			const { message, description, httpCode } = outcome.info;
			// Built from our own words only: the original error's request config holds the API key.
			throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
				message,
				description,
				httpCode: httpCode ? String(httpCode) : undefined,
				itemIndex,
			});
		}
		await sleep(RETRY_DELAYS_MS[i]);
	}
}

async function send(
	ctx: IExecuteFunctions,
	creds: Ip1Credentials,
	request: IHttpRequestOptions,
	call: string,
	opts: CallOptions,
): Promise<FullResponse | CallFailure> {
	try {
		return (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			{
				...request,
				timeout: opts.timeout ?? DEFAULT_TIMEOUT_MS,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
				encoding: 'text',
			},
			creds.decrypted ? { credentialsDecrypted: creds.decrypted } : undefined,
		)) as FullResponse;
	} catch (error) {
		return new CallFailure(networkFailure(error, call, opts, creds.baseUrl));
	}
}

/** One SOAP 1.1 call; returns the text and element of `<operation>Result`. */
export async function soapCall(
	this: IExecuteFunctions,
	creds: Ip1Credentials,
	service: Ip1Service,
	operation: string,
	params: XmlNode[],
	opts: CallOptions,
): Promise<SoapResult> {
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: creds.baseUrl + SERVICE_PATH[service],
		headers: {
			'Content-Type': 'text/xml; charset=utf-8',
			SOAPAction: soapAction(operation, creds.soapNamespace),
		},
		body: buildSoapBody(operation, creds.soapNamespace, params),
		// A redirected SOAP POST would come back as a GET (301/302) and never reach the service; not
		// following redirects also spares n8n's follow-redirects layer on every call.
		disableFollowRedirect: true,
	};
	return await withRetries(this, opts.itemIndex, async () => {
		const response = await send(this, creds, request, operation, opts);
		if (response instanceof CallFailure) return response;
		return readAnswer(response, operation, opts, creds);
	});
}

function readAnswer(
	response: FullResponse,
	operation: string,
	opts: CallOptions,
	creds: Ip1Credentials,
): SoapResult | CallFailure {
	const xml = typeof response.body === 'string' ? response.body : String(response.body ?? '');
	let answer: SoapAnswer;
	try {
		answer = readSoapAnswer(xml, operation);
	} catch (error) {
		if (!(error instanceof XmlReadError)) return new CallFailure({ message: String(error), description: '', retryable: false });
		if (response.statusCode !== 200) return new CallFailure(httpFailure(response, operation, opts, ''));
		return new CallFailure({
			message: `iP.1 answered with ${xml.trim() ? 'a reply that is not valid SOAP XML' : 'an empty reply'}`,
			description: `${opts.repeatable ? 'The gateway is having trouble; try again later.' : NOT_RESENT} (${operation})`,
			httpCode: response.statusCode,
			retryable: opts.repeatable,
		});
	}
	if (answer.kind === 'fault') {
		const detail = redactSecret(`SOAP fault ${answer.faultCode}: ${answer.faultString}`, creds.apiKey);
		return new CallFailure(httpFailure(response, operation, opts, detail));
	}
	if (response.statusCode !== 200) return new CallFailure(httpFailure(response, operation, opts, ''));
	// The answer's text reaches output and error messages: never with the key in it, whatever the gateway echoes.
	return { text: redactSecret(answer.text, creds.apiKey), element: answer.element };
}

/** The manual's URL call (`sendsms.aspx`): the query is already ISO-8859-1 percent-encoded. */
export async function urlCall(
	this: IExecuteFunctions,
	creds: Ip1Credentials,
	encodedQuery: string,
	opts: CallOptions,
): Promise<string> {
	const request: IHttpRequestOptions = { method: 'GET', url: `${creds.baseUrl}/sendsms.aspx?${encodedQuery}` };
	return await withRetries(this, opts.itemIndex, async () => {
		const response = await send(this, creds, request, 'sendsms.aspx', opts);
		if (response instanceof CallFailure) return response;
		if (response.statusCode !== 200) return new CallFailure(httpFailure(response, 'sendsms.aspx', opts, ''));
		const text = redactSecret(String(response.body ?? '').trim(), creds.apiKey);
		if (/^\d+$/.test(text)) return text;
		return new CallFailure({
			message: text ? 'iP.1 gave an answer that is neither an ID nor a status code' : 'iP.1 answered with an empty reply',
			description: `${text ? `It answered ${quoteValue(text, 60)}. ` : ''}${NOT_RESENT} (sendsms.aspx)`,
			httpCode: response.statusCode,
			retryable: false,
		});
	});
}
