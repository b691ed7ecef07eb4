// The platform's calendar: the day an instant falls on in Belgium (Europe/Brussels), whatever the server's own
// time zone. Due dates, deadlines, reporting periods, file names and daily figures are such days.
import { TIME_ZONE } from '$lib/i18n';

// Built once: a new Intl.DateTimeFormat with a time zone costs ICU work (0.3–0.6 ms on the bench machine), and a
// page that presents a day per row built one per row. It holds no state between calls.
const dayFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The day in Brussels of an instant (now, when none is given), as YYYY-MM-DD. */
export function brusselsDay(at: Date = new Date()): string {
	return dayFormat.format(at);
}
