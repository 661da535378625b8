
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Tagged template: every interpolation is escaped unless it is a `Raw` fragment (or an array of them). */
export class Raw {
	constructor(readonly html: string) {}
	toString(): string {
		return this.html;
	}
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
	let out = strings[0];
	values.forEach((v, i) => {
		out += render(v) + strings[i + 1];
	});
	return new Raw(out);
}

function render(v: unknown): string {
	if (v instanceof Raw) return v.html;
	if (Array.isArray(v)) return v.map(render).join('');
	return escapeHtml(v);
}

export const IIS_503_PAGE =
	'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n' +
	'<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n' +
	'<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n' +
	'<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n';

export function aspNetErrorPage(status: number, title: string, message: string): string {
	return html`<!DOCTYPE html>
<html>
<head><title>${title}</title></head>
<body bgcolor="white">
<span><h1>Server Error in '/' Application.<hr width=100% size=1 color=silver></h1>
<h2><i>${title}</i></h2></span>
<b>Description: </b>${message}<br><br>
<b>HTTP status: </b>${status}
</body>
</html>
`.html;
}
