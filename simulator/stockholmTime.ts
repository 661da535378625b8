
const formatter = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Stockholm',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
});

/** Unix seconds → `yyyy-mm-dd hh:mm:ss` in Swedish local time (CET/CEST). */
export function stockholmTime(unixSeconds: number): string {
	const parts: Record<string, string> = {};
	for (const p of formatter.formatToParts(new Date(unixSeconds * 1000))) parts[p.type] = p.value;
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
