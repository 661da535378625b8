import { MMS_CODES_TEXT, SMS_CODES } from './codes';
import { html, type Raw } from './html';
import { restSection } from './rest/webView';
import { stockholmTime } from './stockholmTime';
import type { SimulatorState } from './types';

const ROWS = 200;

function newest<T>(items: T[]): T[] {
	return items.slice(-ROWS).reverse();
}

function more(total: number): Raw | string {
	return total > ROWS ? html`<p class="note">Showing the newest ${ROWS} of ${total}; the full list is at <a href="/_sim/state">/_sim/state</a>.</p>` : '';
}

function status(code: number, texts: Record<number, string>): Raw {
	const cls = code === 22 ? 'ok' : code === 11 || code === 0 || code === 21 ? 'wait' : 'bad';
	return html`<span class="st ${cls}" title="${texts[code] ?? ''}">${code} ${texts[code] ?? ''}</span>`;
}

function time(ms: number): string {
	return stockholmTime(Math.floor(ms / 1000));
}

export interface WebViewInfo {
	callbackUrl?: string;
	callbackEncoding: string;
}

/** The simulator's page: balances, the REST API's part first (what the node's default version speaks), then the legacy SOAP's sent SMS/MMS, bundles, incoming SMS with their callback attempts, and a form. */
export function webView(state: SimulatorState, info: WebViewInfo): string {
	const base = state.url;
	return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>iP.1 gateway simulator</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}.text{white-space:pre-wrap;max-width:28rem}.st{white-space:nowrap}
.ok{color:#11772d}.wait{color:#8a6d00}.bad{color:#b00020}.note{color:#666}
form{margin:.6rem 0;display:grid;grid-template-columns:max-content 24rem;gap:.4rem .8rem;align-items:start}
code{background:#f6f6f6;padding:0 .2rem}
</style></head>
<body>
<h1>iP.1 gateway simulator</h1>
<p>SOAP: <code>${base}/sendSms/sendSms.asmx</code> (<a href="/sendSms/sendSms.asmx?WSDL">WSDL</a>) and <code>${base}/mms/mms.asmx</code> (<a href="/mms/mms.asmx?WSDL">WSDL</a>) ·
URL call: <code>${base}/sendsms.aspx</code> · REST v2: <code>${base}/v2/…</code>, <code>${base}/api/me</code> · state: <a href="/_sim/state">/_sim/state</a> · <a href="/">refresh</a></p>
<p>Accepted messages: <strong id="accepted">${state.accepted}</strong> · requests: ${state.requestCount}
${state.faults.length ? html` · <span class="bad">active faults: ${JSON.stringify(state.faults)}</span>` : ''}</p>

<h2>Accounts</h2>
<table id="accounts"><tr><th>Account</th><th>Balance</th></tr>
${state.accounts.map((a) => html`<tr><td>${a.id}</td><td>${a.balance.toFixed(2)}</td></tr>`)}
</table>
${restSection(state)}

<h2>Legacy SOAP and URL call: sent SMS (${state.messages.length})</h2>
<table id="sms"><tr><th>Id</th><th>Account</th><th>To</th><th>From</th><th>Text</th><th>Segments</th><th>Encoding</th><th>Status</th><th>Scheduled (Swedish time)</th><th>Prio</th><th>Bundle</th><th>Via</th></tr>
${newest(state.messages).map(
	(m) => html`<tr data-id="${m.id}"><td>${m.id}</td><td>${m.account}</td><td>${m.to}</td><td>${m.from}</td><td class="text">${m.text}</td><td>${m.segments} (${m.characters} chars)</td><td>${m.encoding}</td><td>${status(m.status, SMS_CODES)}</td><td>${m.sendAt !== undefined ? stockholmTime(m.sendAt) : ''}</td><td>${m.prio}${m.flash ? ' flash' : ''}</td><td>${m.bundleId ?? ''}</td><td>${m.via}</td></tr>`,
)}
</table>${more(state.messages.length)}

<h2>Legacy SOAP: bundles (${state.bundles.length})</h2>
<table id="bundles"><tr><th>Id</th><th>Messages</th><th>Scheduled (Swedish time)</th></tr>
${newest(state.bundles).map(
	(b) => html`<tr><td>${b.id}</td><td>${b.messageIds.length}: ${b.messageIds.slice(0, 20).join(', ')}${b.messageIds.length > 20 ? ' …' : ''}</td><td>${b.sendAt !== undefined ? stockholmTime(b.sendAt) : ''}</td></tr>`,
)}
</table>${more(state.bundles.length)}

<h2>Legacy SOAP: sent MMS (${state.mms.length})</h2>
<table id="mms"><tr><th>Id</th><th>Account</th><th>To</th><th>From</th><th>Text</th><th>Files</th><th>Status</th></tr>
${newest(state.mms).map(
	(m) => html`<tr><td>${m.id}</td><td>${m.account}</td><td>${m.to}</td><td>${m.from}</td><td class="text">${m.text}</td><td>${m.files.map((f) => html`${f.name} (${f.contentType}, ${f.size} bytes)<br>`)}</td><td>${status(m.status, MMS_CODES_TEXT)}</td></tr>`,
)}
</table>${more(state.mms.length)}

<h2>Legacy SOAP: incoming SMS to the callback (${state.incoming.length})</h2>
<table id="incoming"><tr><th>incsmsid</th><th>Sender</th><th>To</th><th>Text</th><th>Callback</th><th>Attempts</th><th>Delivered</th></tr>
${newest(state.incoming).map(
	(r) => html`<tr data-incsmsid="${r.incsmsid}"><td>${r.incsmsid}</td><td>${r.sender}</td><td>${r.to}</td><td class="text">${r.text}</td><td>${r.callbackUrl} (${r.encoding})</td>
<td><ol class="attempts">${r.attempts.map((a) => html`<li>${time(a.at)} · HTTP ${a.status || '–'} · ${a.error ? a.error : html`<code>${a.body.slice(0, 80)}</code>`}</li>`)}</ol></td>
<td class="${r.delivered ? 'ok' : r.finished ? 'bad' : 'wait'}">${r.delivered ? 'yes' : r.finished ? 'no (gave up)' : 'not yet'}</td></tr>`,
)}
</table>${more(state.incoming.length)}

<h2>Legacy SOAP: send an incoming SMS to the callback</h2>
<form id="incoming-form" method="post" action="/_sim/incoming">
<label for="f-sender">Sender</label><input id="f-sender" name="sender" value="46701234567" required>
<label for="f-to">To (your number)</label><input id="f-to" name="to" value="46709876543" required>
<label for="f-text">Text</label><textarea id="f-text" name="text" rows="3" required></textarea>
<label for="f-callback">Callback URL</label><input id="f-callback" name="callbackUrl" type="url" value="${info.callbackUrl ?? ''}" required>
<label for="f-encoding">Encoding of text</label><select id="f-encoding" name="encoding">
<option value="iso-8859-1"${info.callbackEncoding === 'iso-8859-1' ? html` selected` : ''}>ISO-8859-1</option>
<option value="utf-8"${info.callbackEncoding === 'utf-8' ? html` selected` : ''}>UTF-8</option></select>
<span></span><button type="submit">Send to callback</button>
</form>
</body></html>
`.html;
}
