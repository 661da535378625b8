import { html, type Raw } from '../html';
import { stockholmTime } from '../stockholmTime';
import type { SimulatorState } from '../types';
import { STATUS_NAMES } from './life';

const ROWS = 200;

function newest<T>(items: T[]): T[] {
	return items.slice(-ROWS).reverse();
}

function time(ms: number): string {
	return stockholmTime(Math.floor(ms / 1000));
}

function status(code: number): Raw {
	const cls = code === 201 ? 'ok' : code < 200 ? 'wait' : 'bad';
	return html`<span class="st ${cls}">${code} ${STATUS_NAMES[code] ?? ''}</span>`;
}

/** The REST v2 part of the web view: batches, messages, webhooks, senders, blacklist and the incoming-SMS forms. */
export function restSection(state: SimulatorState): Raw {
	const rest = state.rest;
	const accounts = Object.keys(rest.incomingUrls);
	const firstAccount = accounts[0] ?? '';
	return html`
<h2>REST v2 batches (${rest.batches.length})</h2>
<p>Base URL <code>${state.url}</code> · <code>Authorization: Bearer &lt;REST key&gt;</code> · REST messages accepted: <strong id="rest-accepted">${rest.accepted}</strong> ·
switches: <code>${JSON.stringify({ ...rest.settings, statusSuffixes: undefined })}</code> · scripted endings: <code>${JSON.stringify(rest.settings.statusSuffixes)}</code></p>
<table id="rest-batches"><tr><th>Id</th><th>Account</th><th>Sender</th><th>Body</th><th>Type / coding / priority</th><th>Messages</th><th>Windows (Swedish time)</th><th>Reports to</th><th>Reference / tags</th><th>Created (Swedish time)</th></tr>
${newest(rest.batches).map(
	(b) => html`<tr data-batch="${b.id}"><td>${b.id}</td><td>${b.account}</td><td>${b.sender}</td><td class="text">${b.body}</td><td>${b.type} / ${b.datacoding} / ${b.priority}${b.templated ? ' · templated' : ''}</td><td>${b.messageIds.length}</td>
<td>${b.deliveryWindows.map((w) => html`${time(Date.parse(w.opens))} – ${time(Date.parse(w.closes))}<br>`)}</td><td>${b.deliveryReportUrl ?? ''}</td><td>${b.reference ?? ''} ${b.tags.join(', ')}</td><td>${time(b.created)}</td></tr>`,
)}
</table>

<h2>REST v2 messages (${rest.messages.length})</h2>
<table id="rest-messages"><tr><th>Id</th><th>Batch</th><th>Dir</th><th>Account</th><th>From</th><th>To</th><th>Body</th><th>Parts</th><th>Price</th><th>Status</th><th>History</th></tr>
${newest(rest.messages).map(
	(m) => html`<tr data-message="${m.id}"><td>${m.id}</td><td>${m.batchId}</td><td>${m.direction}</td><td>${m.account}</td><td>${m.sender}</td><td>${m.recipient}</td><td class="text">${m.body}</td><td>${m.segments} (${m.datacoding})</td><td>${m.price} ${m.currency}</td><td>${status(m.status)}</td><td>${m.history.map((h) => h.code).join(' → ')}</td></tr>`,
)}
</table>

<h2>Webhooks: delivery reports and incoming SMS (${rest.webhooks.length})</h2>
<table id="webhooks"><tr><th>#</th><th>Kind</th><th>Message</th><th>Code</th><th>URL</th><th>Attempts (Swedish time)</th><th>Delivered</th></tr>
${newest(rest.webhooks).map(
	(w) => html`<tr data-webhook="${w.seq}"><td>${w.seq}</td><td>${w.kind}</td><td>${w.messageId}</td><td>${w.code ?? ''}</td><td>${w.url}</td>
<td><ol class="attempts">${w.attempts.map((a) => html`<li>${time(a.at)} · HTTP ${a.status || '–'}${a.faultedAs !== undefined ? ` (read as ${a.faultedAs})` : ''} · ${a.error ? a.error : html`<code>${a.body.slice(0, 80)}</code>`}</li>`)}</ol></td>
<td class="${w.delivered ? 'ok' : w.finished ? 'bad' : 'wait'}">${w.repeatOf !== undefined ? `repeat of #${w.repeatOf}: ` : ''}${w.delivered ? 'yes' : w.finished ? 'no (gave up)' : 'not yet'}</td></tr>`,
)}
</table>

<h2>Auto-replies: numbers that answer (${rest.autoReplies.length} rules, ${rest.autoReplied.length} answers)</h2>
<table id="auto-replies"><tr><th>#</th><th>Recipient number</th><th>Answers, in turn</th><th>After delivery</th><th>Account</th><th>Times</th><th>Repeats</th></tr>
${rest.autoReplies.map(
	(r, i) => html`<tr data-rule="${i}"><td>${i}</td><td><code>${r.match}</code></td><td class="text">${r.reply.join(' → ')}</td><td>${r.delayMs} ms</td><td>${r.account ?? 'any'}</td><td>${r.times ?? 'every MT'}</td><td>${r.repeat ?? 0}</td></tr>`,
)}
</table>
<table id="auto-replied"><tr><th>Rule</th><th>From (phone)</th><th>To</th><th>Text</th><th>Answered MT</th><th>Incoming SMS</th><th>Webhook</th><th>At (Swedish time)</th></tr>
${newest(rest.autoReplied).map(
	(a) => html`<tr><td>${a.rule}</td><td>${a.from}</td><td>${a.to}</td><td class="text">${a.body}</td><td>${a.mtMessageId}</td><td>${a.moMessageId}</td><td>${a.webhookSeq ?? '(no incoming URL)'}</td><td>${time(a.at)}</td></tr>`,
)}
</table>

<h2>Senders and blacklist</h2>
<table id="rest-lists"><tr><th>Account</th><th>Registered senders</th><th>Blacklist</th><th>Incoming-SMS URL</th></tr>
${accounts.map((a) => html`<tr><td>${a}</td><td>${(rest.senders[a] ?? []).join(', ')}</td><td>${(rest.blacklist[a] ?? []).join(', ')}</td><td>${rest.incomingUrls[a] ?? '(none)'}</td></tr>`)}
</table>

<h2>Incoming SMS over REST</h2>
<form id="rest-incoming-url-form" method="post" action="/_sim/rest/incoming-url">
<label for="u-account">Account</label><select id="u-account" name="account">${accounts.map((a) => html`<option value="${a}">${a}</option>`)}</select>
<label for="u-url">Incoming-SMS URL</label><input id="u-url" name="url" type="url" value="${rest.incomingUrls[firstAccount] ?? ''}">
<span></span><button type="submit">Save URL</button>
</form>
<form id="rest-incoming-form" method="post" action="/_sim/rest/incoming">
<label for="r-account">Account</label><select id="r-account" name="account">${accounts.map((a) => html`<option value="${a}">${a}</option>`)}</select>
<label for="r-sender">From (phone)</label><input id="r-sender" name="sender" value="46701234567" required>
<label for="r-recipient">To (your number)</label><input id="r-recipient" name="recipient" value="46709876543" required>
<label for="r-body">Text</label><textarea id="r-body" name="body" rows="3" required></textarea>
<span></span><button type="submit">POST to the incoming-SMS URL</button>
</form>`;
}
